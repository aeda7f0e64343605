/**
 * A streaming RFC 4180 record splitter over decoded text, built for throughput: a
 * line without quotes is cut with one native `split`; only lines with quotes go
 * through the character loop. A quote inside an unquoted field is kept as text.
 * Line ends are LF or CRLF.
 *
 * A record that cannot be split cleanly is never guessed at: a quote that is not
 * closed by the end of the file (or within the record limit), or a closing quote
 * followed by other text, makes the record "broken". It is handed on as an empty
 * row with a note, and splitting starts again at the next line, so one stray quote
 * costs one row, not the rest of the file.
 */
const QUOTE = /"/g;

/** Why a record could not be split. */
export type CsvBreak = "unclosed-quote" | "text-after-quote" | "record-too-long";

/** Something to know about one record of a batch, by its index in `rows`. */
export interface RecordNote {
  readonly index: number;
  /** The record could not be split; its row is empty. */
  readonly broken?: CsvBreak;
  /** The record's text, when it spans several lines (a quoted field holds a line break). */
  readonly raw?: string;
}

/** Records split from some text: rows of fields, and notes on the few that need them. */
export interface SplitRecords {
  readonly rows: string[][];
  readonly notes: RecordNote[];
}

export function splitRecords(): SplitRecords {
  return { rows: [], notes: [] };
}

/** Returned by `quotedRecord` when the text ends inside the record (more text may complete it). */
const NEED_MORE = -1;
/** Returned by `quotedRecord` when the record cannot be split; `lastBreak` says why. */
const BROKEN = -2;

export class CsvSplitter {
  private carry = "";
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly maxRecordChars: number;
  private lastBreak: CsvBreak = "unclosed-quote";
  /** Dropping the rest of a broken record's first line, which has not ended yet. */
  private skippingLine = false;

  /** A record may not exceed `maxRecordChars` (Excel keeps at most 32,767 characters per cell). */
  constructor(delimiter = ",", maxRecordChars = 1 << 20) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new RangeError(`unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.maxRecordChars = maxRecordChars;
  }

  /** Splits complete records of `chunk` into `out`; keeps an incomplete last record for later. */
  push(chunk: string, out: SplitRecords): void {
    let text = this.carry.length === 0 ? chunk : this.carry + chunk;
    if (this.skippingLine) {
      const nl = text.indexOf("\n");
      if (nl < 0) return;
      this.skippingLine = false;
      text = text.slice(nl + 1);
    }
    for (;;) {
      const stop = this.scan(text, out, false);
      if (text.length - stop <= this.maxRecordChars) {
        this.carry = stop < text.length ? text.slice(stop) : "";
        return;
      }
      // A record longer than any may be (a quote left open, as a rule): that record is broken.
      this.broken(out, text.indexOf('"', stop) >= 0 ? "unclosed-quote" : "record-too-long");
      this.carry = "";
      const nl = text.indexOf("\n", stop);
      if (nl < 0) {
        this.skippingLine = true;
        return;
      }
      text = text.slice(nl + 1);
    }
  }

  /** Emits the last record (a file need not end with a line break). */
  end(out: SplitRecords): void {
    const text = this.carry;
    this.carry = "";
    this.skippingLine = false;
    if (text.length > 0) this.scan(text, out, true);
  }

  private broken(out: SplitRecords, why: CsvBreak): void {
    out.notes.push({ index: out.rows.length, broken: why });
    out.rows.push([]);
  }

  /** Returns the offset where an incomplete record starts (text.length when none). */
  private scan(text: string, out: SplitRecords, final: boolean): number {
    const delimiter = this.delimiter;
    const rows = out.rows;
    let p = 0;
    // A regex, not indexOf: V8's optimised indexOf for an absent character over long
    // CJK text is dozens of times slower.
    const nextQuoteFrom = (from: number): number => {
      QUOTE.lastIndex = from;
      return QUOTE.exec(text)?.index ?? -1;
    };
    let nextQuote = nextQuoteFrom(0);
    while (p < text.length) {
      if (nextQuote < 0) return this.plainLines(text, p, rows, final);
      let nl = text.indexOf("\n", p);
      if (nl < 0) {
        if (!final) return p;
        nl = text.length;
      }
      if (nextQuote >= 0 && nextQuote < p) nextQuote = nextQuoteFrom(p);
      if (nextQuote < 0 || nextQuote > nl) {
        const end = nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        rows.push(text.slice(p, end).split(delimiter));
        p = nl + 1;
        continue;
      }
      const next = this.quotedRecord(text, p, rows, final);
      if (next === NEED_MORE) return p;
      if (next === BROKEN) {
        // Start again on the line after the one the broken record began on.
        this.broken(out, this.lastBreak);
        p = nl + 1;
        continue;
      }
      // A quoted field held a line break: keep the record's text for a caller that needs to re-split it.
      const lf = text.indexOf("\n", p);
      if (lf >= 0 && lf < next - 1) out.notes.push({ index: rows.length - 1, raw: text.slice(p, next) });
      p = next;
    }
    return text.length;
  }

  /** The rest of `text` has no quote: cut it with native splits only. */
  private plainLines(text: string, p: number, rows: string[][], final: boolean): number {
    const delimiter = this.delimiter;
    const lines = (p === 0 ? text : text.slice(p)).split("\n");
    const last = lines.length - 1;
    for (let k = 0; k < last; k++) rows.push(withoutCr(lines[k]!).split(delimiter));
    const tail = lines[last]!;
    if (!final) return text.length - tail.length;
    if (tail.length > 0) rows.push(withoutCr(tail).split(delimiter));
    return text.length;
  }

  /**
   * Parses one record that contains quotes, starting at `p`. Returns the offset after
   * its line end, NEED_MORE when the text ends inside it (and not final), or BROKEN.
   */
  private quotedRecord(text: string, p: number, rows: string[][], final: boolean): number {
    const fields: string[] = [];
    const d = this.delimiterCode;
    let i = p;
    for (;;) {
      // One field starting at i.
      let field = "";
      if (text.charCodeAt(i) === 34) {
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            if (!final) return NEED_MORE;
            this.lastBreak = "unclosed-quote";
            return BROKEN;
          }
          field += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= text.length && !final) return NEED_MORE;
          i = q + 1;
          break;
        }
        // After a closing quote: the delimiter, the line end (CRLF or LF) or the end of the text.
        const c = text.charCodeAt(i);
        const clean =
          i >= text.length || c === d || c === 10 || (c === 13 && (text.charCodeAt(i + 1) === 10 || i + 1 >= text.length));
        if (!clean) {
          if (c === 13 && i + 1 >= text.length && !final) return NEED_MORE;
          this.lastBreak = "text-after-quote";
          return BROKEN;
        }
      }
      // Unquoted text up to the delimiter or line end.
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10) break;
        j++;
      }
      if (j >= text.length && !final) return NEED_MORE;
      let end = j;
      if ((j >= text.length || text.charCodeAt(j) === 10) && end > i && text.charCodeAt(end - 1) === 13) end--;
      field += text.slice(i, end);
      fields.push(field);
      if (j >= text.length) {
        rows.push(fields);
        return text.length;
      }
      if (text.charCodeAt(j) === 10) {
        rows.push(fields);
        return j + 1;
      }
      i = j + 1;
    }
  }
}

function withoutCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

/** Splits a whole text at once (tests, and re-splitting one record's lines). */
export function splitText(text: string, delimiter = ","): SplitRecords {
  const splitter = new CsvSplitter(delimiter);
  const out = splitRecords();
  splitter.push(text, out);
  splitter.end(out);
  return out;
}

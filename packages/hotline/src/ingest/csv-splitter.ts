/**
 * A streaming RFC 4180 record splitter over decoded text, built for throughput: a
 * line without quotes is cut with one native `split`; only lines with quotes go
 * through the character loop. Quoting rules are lenient like csv-parse's
 * `relax_quotes`: a quote inside an unquoted field is kept as text, and text after a
 * closing quote is appended to the field. Line ends are LF or CRLF.
 */
const QUOTE = /"/g;

export class CsvSplitter {
  private carry = "";
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly maxRecordChars: number;

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
  push(chunk: string, out: string[][]): void {
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    const stop = this.scan(text, out, false);
    this.carry = stop < text.length ? text.slice(stop) : "";
    if (this.carry.length > this.maxRecordChars) {
      throw new CsvSyntaxError("a record is longer than the limit; is a quote left open?");
    }
  }

  /** Emits the last record (a file need not end with a line break). */
  end(out: string[][]): void {
    const text = this.carry;
    this.carry = "";
    if (text.length > 0) this.scan(text, out, true);
  }

  /** Returns the offset where an incomplete record starts (text.length when none). */
  private scan(text: string, out: string[][], final: boolean): number {
    const delimiter = this.delimiter;
    let p = 0;
    // A regex, not indexOf: V8's optimised indexOf for an absent character over long
    // CJK text is dozens of times slower.
    const nextQuoteFrom = (from: number): number => {
      QUOTE.lastIndex = from;
      return QUOTE.exec(text)?.index ?? -1;
    };
    let nextQuote = nextQuoteFrom(0);
    while (p < text.length) {
      if (nextQuote < 0) return this.plainLines(text, p, out, final);
      let nl = text.indexOf("\n", p);
      if (nl < 0) {
        if (!final) return p;
        nl = text.length;
      }
      if (nextQuote >= 0 && nextQuote < p) nextQuote = nextQuoteFrom(p);
      if (nextQuote < 0 || nextQuote > nl) {
        const end = nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        out.push(text.slice(p, end).split(delimiter));
        p = nl + 1;
        continue;
      }
      const next = this.quotedRecord(text, p, out, final);
      if (next < 0) return p;
      p = next;
    }
    return text.length;
  }

  /** The rest of `text` has no quote: cut it with native splits only. */
  private plainLines(text: string, p: number, out: string[][], final: boolean): number {
    const delimiter = this.delimiter;
    const lines = (p === 0 ? text : text.slice(p)).split("\n");
    const last = lines.length - 1;
    for (let k = 0; k < last; k++) out.push(withoutCr(lines[k]!).split(delimiter));
    const tail = lines[last]!;
    if (!final) return text.length - tail.length;
    if (tail.length > 0) out.push(withoutCr(tail).split(delimiter));
    return text.length;
  }

  /**
   * Parses one record that contains quotes, starting at `p`. Returns the offset after
   * its line end, or -1 when the text ends inside a quoted field (and not final).
   */
  private quotedRecord(text: string, p: number, out: string[][], final: boolean): number {
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
            if (!final) return -1;
            // Unterminated quote at the end of the file: take the rest as the field.
            field += text.slice(from);
            i = text.length;
            break;
          }
          field += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= text.length && !final) return -1;
          i = q + 1;
          break;
        }
      }
      // Unquoted text (or text after a closing quote) up to the delimiter or line end.
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10) break;
        j++;
      }
      if (j >= text.length && !final) return -1;
      let end = j;
      if ((j >= text.length || text.charCodeAt(j) === 10) && end > i && text.charCodeAt(end - 1) === 13) end--;
      field += text.slice(i, end);
      fields.push(field);
      if (j >= text.length) {
        out.push(fields);
        return text.length;
      }
      if (text.charCodeAt(j) === 10) {
        out.push(fields);
        return j + 1;
      }
      i = j + 1;
    }
  }
}

function withoutCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
}

import { extname } from "node:path";
import type { ColumnKey } from "../orders/fields.js";
import type { WorkOrder } from "../orders/work-order.js";
import { type Cell, cellText } from "./cell.js";
import { type ColumnLayout, duplicateHeaderError, matchHeaderRow, missingColumnError } from "./column-layout.js";
import { type ColumnMapping, DEFAULT_COLUMN_MAPPING } from "./column-mapping.js";
import { openCsvSource } from "./csv-source.js";
import { type CsvBreak, type RecordNote, splitText } from "./csv-splitter.js";
import { HotlineIngestError, type RowProblem, rowProblemError } from "./errors.js";
import { OrderNumberSet } from "./order-number-set.js";
import { createRowParser, isRowProblem } from "./row-parser.js";
import type { RowSource, TextEncodingName } from "./row-source.js";
import { SkippedRows, type SkippedRowsSummary } from "./skipped-rows.js";
import type { ValueMapping } from "./value-mapping.js";
import { openXlsxSource } from "./xlsx-source.js";

export interface ReadWorkOrdersOptions {
  /** Column mapping; the default covers common exports. */
  readonly mapping?: ColumnMapping;
  /** Cell words of the export translated to the ones the reader understands (a mapping file's `values`). */
  readonly values?: ValueMapping;
  /** Skip bad rows (counted and listed in the report) instead of stopping. */
  readonly lenient?: boolean;
  /** Defaults to the file extension (.xlsx → xlsx, else csv). */
  readonly format?: "csv" | "xlsx";
  /** CSV only; "auto" (default) detects BOM / UTF-8 / GBK. */
  readonly encoding?: "auto" | "utf8" | "gbk";
  /** CSV only; default ",". */
  readonly delimiter?: string;
  /** Name used in messages and skipped-row entries; defaults to the path as given. */
  readonly displayName?: string;
  /**
   * Order numbers already seen: the same object for every file of one period catches duplicates
   * across files (`ingestFiles` does this).
   * @internal
   */
  readonly seen?: SeenOrderNumbers;
  /** Skipped-row collector, to gather several files into one appendix. */
  readonly skipped?: SkippedRows;
  /** How many rows the header may be searched in (title rows above it); default 10. */
  readonly headerSearchRows?: number;
}

/**
 * Order numbers seen so far, with the files they came from.
 * @internal
 */
export class SeenOrderNumbers {
  readonly numbers = new OrderNumberSet();
  readonly files: string[] = [];

  sourceIndex(file: string): number {
    const at = this.files.indexOf(file);
    if (at >= 0) return at;
    this.files.push(file);
    return this.files.length - 1;
  }
}

export interface IngestReport {
  readonly file: string;
  readonly format: "csv" | "xlsx";
  /** Detected or given encoding of a CSV file; null for XLSX. */
  readonly encoding: TextEncodingName | null;
  /** Spreadsheet row of the header (1 unless title rows precede it). */
  readonly headerRow: number;
  /** Header found for each mapped column. */
  readonly columns: Readonly<Partial<Record<ColumnKey, string>>>;
  /** Optional columns the file lacks. */
  readonly absentColumns: readonly ColumnKey[];
  /** Data rows read (blank rows not included). */
  readonly rows: number;
  readonly orders: number;
  readonly blankRows: number;
  readonly skipped: SkippedRowsSummary;
}

/**
 * Streams the work orders of one CSV or XLSX export. Iterate it once (orders, or
 * `batches()` for less per-order overhead); `report()` is complete afterwards.
 * An order's strings may share memory with the text they were cut from: pass what
 * you keep for long (a typical case, say) through `detach`.
 */
export class WorkOrderReader implements AsyncIterable<WorkOrder> {
  readonly file: string;
  private readonly name: string;
  private readonly options: ReadWorkOrdersOptions;
  private readonly format: "csv" | "xlsx";
  private readonly skipped: SkippedRows;
  private started = false;
  private source: RowSource | null = null;
  private encoding: TextEncodingName | null = null;
  private layout: ColumnLayout | null = null;
  private headerRow = 0;
  private rows = 0;
  private orders = 0;
  private blankRows = 0;

  constructor(file: string, options: ReadWorkOrdersOptions = {}) {
    this.file = file;
    this.options = options;
    this.name = options.displayName ?? file;
    this.format = options.format ?? (extname(file).toLowerCase() === ".xlsx" ? "xlsx" : "csv");
    this.skipped = options.skipped ?? new SkippedRows();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WorkOrder, void, undefined> {
    for await (const batch of this.batches()) yield* batch;
  }

  async *batches(): AsyncGenerator<WorkOrder[], void, undefined> {
    if (this.started) throw new TypeError(`${this.name} is already being read`);
    this.started = true;
    const source = await this.open();
    this.source = source;
    this.encoding = source.encoding;
    const mapping = this.options.mapping ?? DEFAULT_COLUMN_MAPPING;
    const values = this.options.values;
    const lenient = this.options.lenient === true;
    const seen = this.options.seen ?? new SeenOrderNumbers();
    const sourceNo = seen.sourceIndex(this.name);
    const searchRows = this.options.headerSearchRows ?? 10;
    let parse: ReturnType<typeof createRowParser> | null = null;
    let firstHeader: { row: number; cells: readonly Cell[] } | null = null;
    let best: { row: number; cells: readonly Cell[]; missing: readonly ColumnKey[]; matched: number } | null = null;
    let nonBlankBeforeHeader = 0;

    /** Rows added by re-splitting a record that swallowed the lines after it (CSV). */
    let shift = 0;
    const delimiter = this.options.delimiter ?? ",";
    const checkWidth = this.format === "csv" ? csvWidthProblem : xlsxWidthProblem;

    for await (const batch of source.batches()) {
      const out: WorkOrder[] = [];
      const { rows, rowNumbers } = batch;
      const notes = noteMap(batch.notes);
      // Each row of the batch, then (after a re-split) the lines a broken record had swallowed.
      const pending: { cells: readonly Cell[]; row: number; note: RecordNote | undefined }[] = [];
      for (let k = 0; k < rows.length || pending.length > 0; k++) {
        let cells: readonly Cell[];
        let row: number;
        let note: RecordNote | undefined;
        if (pending.length > 0) {
          ({ cells, row, note } = pending.shift()!);
          k--;
        } else {
          cells = rows[k]!;
          row = rowNumbers[k]! + shift;
          note = notes?.get(k);
        }
        if (note?.broken === undefined && isBlank(cells)) {
          if (parse !== null) this.blankRows++;
          continue;
        }
        if (parse === null) {
          if (note?.broken !== undefined) throw rowProblemError(this.name, row, brokenProblem(note.broken));
          const attempt = matchHeaderRow(cells.map(cellText), mapping);
          firstHeader ??= { row, cells };
          if (attempt.ok) {
            if (attempt.duplicate !== null) throw duplicateHeaderError(this.name, row, attempt.duplicate);
            this.layout = attempt.layout;
            this.headerRow = row;
            parse = createRowParser(attempt.layout, values);
            continue;
          }
          if (best === null || attempt.matched > best.matched) best = { row, cells, ...attempt };
          if (++nonBlankBeforeHeader >= searchRows) break;
          continue;
        }
        let problem: RowProblem | null = null;
        if (note?.broken !== undefined) problem = brokenProblem(note.broken);
        else {
          problem = checkWidth(cells, this.layout!);
          if (note?.raw !== undefined && (problem !== null || swallowsRows(note.raw, this.layout!.width, delimiter))) {
            // A quoted field ran over line ends and the record came out the wrong width: a quote
            // left open swallowed the lines after it. Its first line is the broken row; the lines
            // it swallowed are read again as rows of their own.
            const rest = note.raw.slice(note.raw.indexOf("\n") + 1);
            const again = splitText(rest, delimiter);
            const againNotes = noteMap(again.notes);
            for (const [i, r] of again.rows.entries()) pending.push({ cells: r, row: row + 1 + i, note: againNotes?.get(i) });
            shift += again.rows.length;
            problem = brokenProblem("unclosed-quote");
          }
        }
        this.rows++;
        if (problem === null) {
          const result = parse(cells);
          if (isRowProblem(result)) problem = result;
          else {
            const first = seen.numbers.add(result.orderNo, row, sourceNo);
            if (first === null) {
              out.push(result);
              continue;
            }
            const firstFile = seen.files[first.source] ?? this.name;
            problem = {
              code: "duplicate-order-no",
              column: this.layout!.header.orderNo,
              value: result.orderNo,
              detail: firstFile === this.name ? `与第 ${first.row} 行重复` : `与 ${firstFile} 第 ${first.row} 行重复`,
            };
          }
        }
        if (!lenient) throw rowProblemError(this.name, row, problem);
        this.skipped.add(this.name, row, problem);
      }
      if (parse === null && nonBlankBeforeHeader >= searchRows) break;
      if (out.length > 0) {
        this.orders += out.length;
        yield out;
      }
    }
    if (parse === null) {
      if (firstHeader === null) {
        throw new HotlineIngestError("empty-file", `${this.name} 没有任何数据`, { file: this.name });
      }
      const shown = best ?? { ...firstHeader, missing: [] };
      throw missingColumnError(this.name, shown.row, shown.cells.map(cellText), shown.missing, mapping);
    }
  }

  /** Summary of what was read; complete once iteration has ended. */
  /** Bytes of the file read so far (its size once read through), for progress. */
  bytesRead(): number {
    return this.source?.bytesRead() ?? 0;
  }

  report(): IngestReport {
    const columns: Partial<Record<ColumnKey, string>> = {};
    if (this.layout !== null) {
      for (const [key, index] of Object.entries(this.layout.index) as [ColumnKey, number][]) {
        if (index >= 0) columns[key] = this.layout.header[key];
      }
    }
    return {
      file: this.name,
      format: this.format,
      encoding: this.encoding,
      headerRow: this.headerRow,
      columns,
      absentColumns: this.layout?.absent ?? [],
      rows: this.rows,
      orders: this.orders,
      blankRows: this.blankRows,
      skipped: this.skipped.summary(),
    };
  }

  private async open(): Promise<RowSource> {
    if (this.format === "xlsx") return openXlsxSource(this.file, this.name);
    return openCsvSource(this.file, {
      displayName: this.name,
      ...(this.options.encoding === undefined ? {} : { encoding: this.options.encoding }),
      ...(this.options.delimiter === undefined ? {} : { delimiter: this.options.delimiter }),
    });
  }
}

/** Streams the work orders of one export file; see {@link WorkOrderReader}. */
export function readWorkOrders(file: string, options: ReadWorkOrdersOptions = {}): WorkOrderReader {
  return new WorkOrderReader(file, options);
}

/**
 * Whether a record that spans lines holds, between its first and last line, lines that are whole
 * rows of the file by themselves: a quote left open swallowed them. (A cell's own line breaks do
 * not hold as many delimiters as a row has columns.)
 */
function swallowsRows(raw: string, width: number, delimiter: string): boolean {
  if (width < 4) return false;
  const lines = raw.replace(/\r?\n$/, "").split("\n");
  for (let i = 1; i < lines.length - 1; i++) {
    if (lines[i]!.split(delimiter).length >= width) return true;
  }
  return false;
}

function noteMap(notes: readonly RecordNote[] | undefined): Map<number, RecordNote> | undefined {
  if (notes === undefined || notes.length === 0) return undefined;
  return new Map(notes.map((n) => [n.index, n]));
}

const BREAK_WORDS: Readonly<Record<CsvBreak, string>> = {
  "unclosed-quote": "有引号未闭合，本行之后的内容无法确定属于哪一列；已从下一行起继续读取",
  "text-after-quote": "引号闭合后紧跟着其他文字，无法确定列的边界",
  "record-too-long": "一行超过 1,048,576 个字符，可能缺少换行或有引号未闭合；已从下一行起继续读取",
};

function brokenProblem(why: CsvBreak): RowProblem {
  return { code: "csv-syntax", column: "", value: "", detail: BREAK_WORDS[why] };
}

/** A CSV row must have the header's columns: fewer, or more that hold anything, is a row that was split wrongly. */
function csvWidthProblem(cells: readonly Cell[], layout: ColumnLayout): RowProblem | null {
  const width = layout.width;
  if (cells.length === width) return null;
  if (cells.length < width) {
    const missing = layout.headers.slice(cells.length, width).filter((h) => h !== "");
    return {
      code: "column-count",
      column: "",
      value: "",
      detail: `本行 ${cells.length} 列，表头 ${width} 列；缺少${missing.length === 0 ? `第 ${cells.length + 1}–${width} 列` : `「${missing.slice(0, 3).join("」「")}」${missing.length > 3 ? `等 ${missing.length} 列` : ""}`}`,
    };
  }
  return extraCells(cells, layout);
}

/** A spreadsheet row may stop early (empty cells are not stored), but holds nothing beyond the header. */
function xlsxWidthProblem(cells: readonly Cell[], layout: ColumnLayout): RowProblem | null {
  return cells.length <= layout.width ? null : extraCells(cells, layout);
}

function extraCells(cells: readonly Cell[], layout: ColumnLayout): RowProblem | null {
  for (let i = layout.width; i < cells.length; i++) {
    const text = cellText(cells[i]);
    if (text === "") continue;
    return {
      code: "column-count",
      column: "",
      value: text,
      detail: `本行 ${cells.length} 列，表头 ${layout.width} 列；第 ${i + 1} 列在表头之外，值为「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」（常见原因：某个值中有未加引号的逗号）`,
    };
  }
  return null;
}

function isBlank(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return false;
    if (v.length > 0 && v.trim() !== "") return false;
  }
  return true;
}

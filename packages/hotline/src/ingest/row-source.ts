import type { Cell } from "./cell.js";
import type { RecordNote } from "./csv-splitter.js";

/** Rows of one sheet or CSV file, delivered in batches to keep per-row overhead low. */
export interface RowBatch {
  /** Row numbers as a spreadsheet user counts them (first line = 1). */
  readonly rowNumbers: readonly number[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
  /** CSV only: records that could not be split, or that span several lines (by index in `rows`). */
  readonly notes?: readonly RecordNote[];
}

export interface RowSource {
  /** Encoding detected or used ("utf8", "utf8-bom", "gbk"); null for spreadsheets. */
  readonly encoding: TextEncodingName | null;
  batches(): AsyncGenerator<RowBatch, void, undefined>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
}

export type TextEncodingName = "utf8" | "utf8-bom" | "gbk";

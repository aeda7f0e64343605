import { Writable } from "node:stream";
import { setZipEntryTimesInBytes } from "./sample/zip-timestamps.js";

/** One worksheet of a table workbook: a header row, then the rows. */
export interface TableSheet {
  /** At most 31 characters, none of \ / ? * [ ] : (Excel's rule). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly (string | number)[]>;
  /** Column widths in characters, by column. */
  readonly widths?: readonly number[];
}

const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/** Rows handed to the compressor between two yields, so a long sheet is not held uncompressed at once. */
const ROWS_PER_YIELD = 2000;

/**
 * An XLSX workbook of plain tables, in memory, one worksheet per table (header row frozen).
 * The bytes depend only on the tables and `timestamp`: the workbook's dates and every zip entry
 * time are set from it, never from the clock or the time zone.
 */
export async function tableWorkbookBytes(sheets: readonly TableSheet[], options: { timestamp: Date }): Promise<Uint8Array> {
  // Loaded only when a workbook is written: exceljs takes ~180 ms to import.
  const { default: ExcelJS } = await import("exceljs");
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
  workbook.creator = "qiyue";
  workbook.lastModifiedBy = "qiyue";
  workbook.created = options.timestamp;
  workbook.modified = options.timestamp;
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    if (table.widths !== undefined) sheet.columns = table.widths.map((width) => ({ width }));
    sheet.addRow([...table.header]).commit();
    let count = 0;
    for (const row of table.rows) {
      sheet.addRow([...row]).commit();
      if (++count % ROWS_PER_YIELD === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    sheet.commit();
  }
  await workbook.commit();
  const bytes = Buffer.concat(chunks);
  // ZIP cannot hold dates before 1980: earlier instants are written as 1980-01-01 there.
  const zipTime = options.timestamp.getTime() < ZIP_EPOCH.getTime() ? ZIP_EPOCH : options.timestamp;
  setZipEntryTimesInBytes(bytes, zipTime);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

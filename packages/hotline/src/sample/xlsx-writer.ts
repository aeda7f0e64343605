import { stat } from "node:fs/promises";
import type { WorkOrder } from "../orders/work-order.js";
import type { WriteSummary } from "./csv-writer.js";
import { orderToCells, WRITTEN_HEADERS } from "./order-cells.js";
import { setZipEntryTimes } from "./zip-timestamps.js";

const BACKLOG_BYTES = 4 << 20;

/** A Node or readable-stream (v2) writable, as exceljs pipes into archiver. */
type Backlogged = NodeJS.WritableStream & {
  writableLength?: number;
  _writableState?: { length?: number };
};

/**
 * exceljs' worksheet stream hands its data to the zip compressor without waiting, so
 * a fast producer would hold the whole sheet in memory. Wait while the compressor's
 * input backlog is large (exceljs internals, looked up defensively).
 */
async function compressed(sheet: unknown): Promise<void> {
  const stream = (sheet as { stream?: { pipes?: unknown[] } }).stream;
  const target = stream?.pipes?.[0] as Backlogged | undefined;
  const backlog = (): number | undefined => target?.writableLength ?? target?._writableState?.length;
  if (target === undefined || typeof backlog() !== "number") {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  while ((backlog() ?? 0) > BACKLOG_BYTES) {
    await new Promise<void>((resolve) => {
      target.once("drain", resolve);
    });
  }
}

export interface XlsxWriteOptions {
  /** Workbook created / modified date and zip entry time; default 2026-01-01T00:00:00Z. */
  readonly timestamp?: Date;
  /** Sheet name; default 工单明细. */
  readonly sheetName?: string;
}

const DEFAULT_TIMESTAMP = new Date(Date.UTC(2026, 0, 1));

/**
 * Writes work orders to an XLSX file with exceljs' streaming writer (text cells under
 * the default Chinese headers). The output is byte-deterministic: the workbook dates
 * and every zip entry time are fixed instead of taken from the clock.
 */
export async function writeWorkOrdersXlsx(
  file: string,
  orders: Iterable<WorkOrder> | AsyncIterable<WorkOrder>,
  options: XlsxWriteOptions = {},
): Promise<WriteSummary> {
  const timestamp = options.timestamp ?? DEFAULT_TIMESTAMP;
  // Loaded only when an XLSX file is written: exceljs takes ~180 ms to import.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  workbook.creator = "qiyue";
  workbook.lastModifiedBy = "qiyue";
  workbook.created = timestamp;
  workbook.modified = timestamp;
  const sheet = workbook.addWorksheet(options.sheetName ?? "工单明细");
  sheet.addRow([...WRITTEN_HEADERS]).commit();
  let count = 0;
  for await (const order of orders) {
    sheet.addRow(orderToCells(order)).commit();
    if (++count % 1000 === 0) await compressed(sheet);
  }
  sheet.commit();
  await workbook.commit();
  await setZipEntryTimes(file, timestamp);
  return { orders: count, bytes: (await stat(file)).size };
}

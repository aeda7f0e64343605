import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { WorkOrder } from "../orders/work-order.js";
import { orderToCells, WRITTEN_HEADERS } from "./order-cells.js";
import type { WriteSummary } from "./csv-writer.js";
import { setZipEntryTimes } from "./zip-timestamps.js";

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
    // Let the zip stream compress what was written; the writer applies no backpressure.
    if (++count % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  await setZipEntryTimes(file, timestamp);
  return { orders: count, bytes: (await stat(file)).size };
}

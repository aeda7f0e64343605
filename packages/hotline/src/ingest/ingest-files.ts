import { stat } from "node:fs/promises";
import type { WorkOrder } from "../orders/work-order.js";
import { type IngestReport, type ReadWorkOrdersOptions, readWorkOrders, SeenOrderNumbers } from "./read-work-orders.js";
import { SkippedRows } from "./skipped-rows.js";

/**
 * Reads several export files of one period in order, handing every order to `onOrder`
 * (e.g. a HotlineMetrics accumulator's `add`). Duplicates are detected across the
 * files and skipped rows are gathered in one list.
 */
export async function ingestFiles(
  files: readonly string[],
  onOrder: (order: WorkOrder) => void,
  options: Omit<ReadWorkOrdersOptions, "seen" | "skipped" | "displayName"> & {
    readonly skippedListLimit?: number;
    /** Called after every batch of rows with the bytes read so far of all `files` (their total size when done). */
    readonly onBytes?: (bytesRead: number) => void;
  } = {},
): Promise<{ readonly reports: readonly IngestReport[]; readonly skipped: SkippedRows }> {
  const { onBytes, ...read } = options;
  const seen = new SeenOrderNumbers();
  const skipped = new SkippedRows(read.skippedListLimit);
  const reports: IngestReport[] = [];
  const sizes = onBytes === undefined ? [] : await Promise.all(files.map((f) => fileSize(f)));
  let before = 0;
  for (const [i, file] of files.entries()) {
    const reader = readWorkOrders(file, { ...read, seen, skipped });
    for await (const batch of reader.batches()) {
      for (const order of batch) onOrder(order);
      onBytes?.(before + reader.bytesRead());
    }
    // an XLSX file is left once its first worksheet is read: the rest counts as read
    before += Math.max(reader.bytesRead(), sizes[i] ?? 0);
    onBytes?.(before);
    reports.push(reader.report());
  }
  return { reports, skipped };
}

/** The total size of `files` in bytes, for progress; a file that cannot be read counts 0 (reading it reports why). */
export async function filesSize(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map((f) => fileSize(f)));
  return sizes.reduce((a, b) => a + b, 0);
}

function fileSize(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

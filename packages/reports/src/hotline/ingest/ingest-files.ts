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
  options: Omit<ReadWorkOrdersOptions, "seen" | "skipped" | "displayName"> & { readonly skippedListLimit?: number } = {},
): Promise<{ readonly reports: readonly IngestReport[]; readonly skipped: SkippedRows }> {
  const seen = new SeenOrderNumbers();
  const skipped = new SkippedRows(options.skippedListLimit);
  const reports: IngestReport[] = [];
  for (const file of files) {
    const reader = readWorkOrders(file, { ...options, seen, skipped });
    for await (const batch of reader.batches()) for (const order of batch) onOrder(order);
    reports.push(reader.report());
  }
  return { reports, skipped };
}

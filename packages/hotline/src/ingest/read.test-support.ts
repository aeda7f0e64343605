/** Test support (not built): reads a whole export, or the ingest error it fails with. */
import type { WorkOrder } from "../orders/work-order.js";
import { HotlineIngestError } from "./errors.js";
import { type ReadWorkOrdersOptions, readWorkOrders } from "./read-work-orders.js";

/** Every order of `file` and the reader's report; the file is named by `displayName` in messages. */
export async function readAll(file: string, displayName: string, options: ReadWorkOrdersOptions = {}) {
  const reader = readWorkOrders(file, { displayName, ...options });
  const orders: WorkOrder[] = [];
  for await (const order of reader) orders.push(order);
  return { orders, report: reader.report() };
}

/** The HotlineIngestError reading `file` fails with; any other outcome fails the test. */
export async function readError(file: string, displayName: string, options: ReadWorkOrdersOptions = {}): Promise<HotlineIngestError> {
  try {
    await readAll(file, displayName, options);
  } catch (error) {
    if (error instanceof HotlineIngestError) return error;
    throw error;
  }
  throw new Error("expected a HotlineIngestError");
}

import { type ComparableCounts, REQUEST_TYPES, type RequestType, type WorkOrder } from "@qiyue/hotline";

const TYPE_INDEX = new Map<RequestType, number>(REQUEST_TYPES.map((t, i) => [t, i]));

/**
 * Counts of earlier exports by the month each order was received in, for 环比 and 同比:
 * every order counts in its own month, so one file may serve both comparisons and the
 * files need no particular order or naming.
 */
export class MonthlyCounts {
  private readonly months = new Map<string, { total: number; types: Int32Array }>();

  add(order: WorkOrder): void {
    const month = order.receivedAt.slice(0, 7);
    let entry = this.months.get(month);
    if (entry === undefined) {
      entry = { total: 0, types: new Int32Array(REQUEST_TYPES.length) };
      this.months.set(`${month}`, entry);
    }
    entry.total++;
    entry.types[TYPE_INDEX.get(order.requestType)!]!++;
  }

  /** The counts of `month` in the shape the accumulator compares against; undefined when no order fell in it. */
  of(month: string): ComparableCounts | undefined {
    const entry = this.months.get(month);
    if (entry === undefined) return undefined;
    return {
      total: entry.total,
      byRequestType: REQUEST_TYPES.map((key, i) => ({ key, count: entry.types[i]!, share: "" })),
    };
  }
}

/** YYYY-MM shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

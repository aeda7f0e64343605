import { detach } from "../detach.js";
import { formatFraction } from "./decimal.js";
import { NO_RATE } from "./rate.js";

/** One line of a count table. */
export interface CountRow {
  readonly key: string;
  readonly count: number;
  /** Share of the table's total, e.g. "12.34%" ("—" when the total is 0). */
  readonly share: string;
}

/** Label of orders whose grouping column is empty. */
export const UNSPECIFIED = "（未填写）";

/** Counts per key; memory grows with the number of distinct keys only. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string | null, by = 1): void {
    const k = key ?? UNSPECIFIED;
    const current = this.counts.get(k);
    if (current === undefined) this.counts.set(detach(k), by);
    else this.counts.set(k, current + by);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  get size(): number {
    return this.counts.size;
  }

  keys(): IterableIterator<string> {
    return this.counts.keys();
  }

  /** Rows by count descending, then key; `limit` keeps the top rows. */
  rows(total: number, decimals: number, limit = Number.POSITIVE_INFINITY): CountRow[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, limit)
      .map(([key, count]) => countRow(key, count, total, decimals));
  }
}

export function countRow(key: string, count: number, total: number, decimals: number): CountRow {
  return { key, count, share: total === 0 ? NO_RATE : formatFraction(BigInt(count) * 100n, BigInt(total), decimals) + "%" };
}

/** Code-point order: the same on every machine, unlike locale collation. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

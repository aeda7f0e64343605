import { detach } from "../detach.js";
import type { WorkOrder } from "../orders/work-order.js";

/** An order as listed in the appendix (excluded, appealed, failing a service level). */
export interface ListedOrder {
  readonly orderNo: string;
  readonly receivedAt: string;
  readonly requestType: string;
  readonly handlingUnit: string | null;
  readonly street: string | null;
  readonly category: string | null;
  readonly appealState: string | null;
}

export interface OrderList<T> {
  readonly count: number;
  /** The entries kept (every one unless a limit was set), in input order. */
  readonly orders: readonly T[];
  /** Entries beyond the listed ones (0 without a limit). */
  readonly unlisted: number;
}

/** Counts entries and keeps the first `limit` of them: every one by default. */
export class CappedList<T> {
  private readonly items: T[] = [];
  private total = 0;

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** `make` runs only while the list has room. */
  add(make: () => T): void {
    if (this.items.length < this.limit) this.items.push(make());
    this.total++;
  }

  get count(): number {
    return this.total;
  }

  result(): OrderList<T> {
    return { count: this.total, orders: [...this.items], unlisted: this.total - this.items.length };
  }
}

/**
 * One copy of each distinct string: a list of every excluded order of a million-order export
 * repeats a few hundred units, streets and categories, each kept once instead of once per order.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(s: string): string {
    let kept = this.strings.get(s);
    if (kept === undefined) {
      // a copy: a substring of the read buffer would keep the whole buffer alive
      kept = detach(s);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}

/** What a listed order keeps of a work order; repeated names come from `pool` when given. */
export function listedOrder(order: WorkOrder, pool?: StringPool): ListedOrder {
  const category = [order.category1, order.category2, order.category3].filter((c) => c !== null).join(" / ");
  const shared = (s: string): string => (pool === undefined ? detach(s) : pool.get(s));
  const copy = (s: string | null): string | null => (s === null ? null : shared(s));
  return {
    orderNo: detach(order.orderNo),
    receivedAt: detach(order.receivedAt),
    requestType: order.requestType,
    handlingUnit: copy(order.handlingUnit),
    street: copy(order.street),
    category: category === "" ? null : shared(category),
    appealState: copy(order.appealState),
  };
}

import type { WorkOrder } from "../orders/work-order.js";
import { detach } from "../detach.js";

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
  /** The first `limit` entries in input order. */
  readonly orders: readonly T[];
  /** Entries beyond the listed ones. */
  readonly unlisted: number;
}

/** Counts entries and keeps the first `limit` of them. */
export class CappedList<T> {
  private readonly items: T[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

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

export function listedOrder(order: WorkOrder): ListedOrder {
  const category = [order.category1, order.category2, order.category3].filter((c) => c !== null).join(" / ");
  const copy = (s: string | null): string | null => (s === null ? null : detach(s));
  return {
    orderNo: detach(order.orderNo),
    receivedAt: detach(order.receivedAt),
    requestType: order.requestType,
    handlingUnit: copy(order.handlingUnit),
    street: copy(order.street),
    category: category === "" ? null : detach(category),
    appealState: copy(order.appealState),
  };
}

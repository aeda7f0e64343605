import { detach, type MetricsConfig, type WorkOrder } from "@qiyue/hotline";

/**
 * 响应率 as a contract's service level (“响应率 100%”): the orders of the assessment base that
 * were not contacted, by number. The hotline accumulator gives the rate but lists no orders;
 * the base is the same (counted orders, with a valid follow-up unless the configuration counts
 * all counted orders).
 */
/** What the tracker found, as plain data (it crosses threads with the rest of a period's figures). */
export interface ResponseFigures {
  readonly base: number;
  readonly contacted: number;
  /** Order numbers of every uncontacted order, in input order. */
  readonly failing: readonly string[];
}

export class ResponseTracker {
  base = 0;
  contacted = 0;
  readonly failing: string[] = [];

  constructor(private readonly config: MetricsConfig) {}

  add(order: WorkOrder): void {
    if (!order.counted) return;
    if (this.config.basis !== "counted-orders" && order.validFollowUp !== true) return;
    this.base++;
    if (order.contacted === true) this.contacted++;
    else this.failing.push(detach(order.orderNo));
  }

  figures(): ResponseFigures {
    return { base: this.base, contacted: this.contacted, failing: [...this.failing] };
  }
}

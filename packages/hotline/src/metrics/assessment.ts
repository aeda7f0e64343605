import type { WorkOrder } from "../orders/work-order.js";
import { type MetricsConfig, WEIGHT_PLACES } from "./config.js";
import { type RateFigure, rateFigure, type ScoreFigure, weightedScore } from "./rate.js";

/** The 三率 and 综合成绩 of one group of orders (a handling unit, or all). */
export interface AssessmentFigures {
  /** All orders of the group, excluded ones included. */
  readonly orders: number;
  /** Orders counted in the assessment. */
  readonly counted: number;
  /** Orders forming the rates' denominator under the configured basis. */
  readonly base: number;
  /** 响应率: contacted / base. */
  readonly response: RateFigure;
  /** 解决率: resolved / base. */
  readonly resolution: RateFigure;
  /** 满意率: Σ satisfaction weight / base (or rated base). */
  readonly satisfaction: RateFigure;
  /** 综合成绩 out of 100. */
  readonly composite: ScoreFigure;
  /** Answers of the base orders. */
  readonly answers: {
    readonly 满意: number;
    readonly 基本满意: number;
    readonly 不满意: number;
    readonly 未评价: number;
  };
}

/** Integer counts behind {@link AssessmentFigures}. */
export class AssessmentTally {
  orders = 0;
  counted = 0;
  base = 0;
  contacted = 0;
  resolved = 0;
  satisfied = 0;
  basicallySatisfied = 0;
  dissatisfied = 0;
  unrated = 0;

  /** Whether an order belongs to the rates' denominator. */
  static inBase(order: WorkOrder, config: MetricsConfig): boolean {
    return order.counted && (config.basis === "counted-orders" || order.validFollowUp === true);
  }

  add(order: WorkOrder, config: MetricsConfig): void {
    this.orders++;
    if (!order.counted) return;
    this.counted++;
    if (!AssessmentTally.inBase(order, config)) return;
    this.base++;
    if (order.contacted === true) this.contacted++;
    if (order.resolved === true) this.resolved++;
    switch (order.satisfaction) {
      case "满意":
        this.satisfied++;
        break;
      case "基本满意":
        this.basicallySatisfied++;
        break;
      case "不满意":
        this.dissatisfied++;
        break;
      default:
        this.unrated++;
    }
  }

  figures(config: MetricsConfig): AssessmentFigures {
    const w = config.satisfactionWeights;
    const satisfactionUnits = this.satisfied * w.满意 + this.basicallySatisfied * w.基本满意 + this.dissatisfied * w.不满意;
    const satisfactionBase = config.unratedSatisfaction === "exclude" ? this.base - this.unrated : this.base;
    const d = config.decimals;
    const one = 10 ** WEIGHT_PLACES;
    return {
      orders: this.orders,
      counted: this.counted,
      base: this.base,
      response: rateFigure(this.contacted, 0, this.base, d),
      resolution: rateFigure(this.resolved, 0, this.base, d),
      satisfaction: rateFigure(satisfactionUnits, WEIGHT_PLACES, satisfactionBase, d),
      composite: weightedScore(
        [
          { weight: config.weights.response, numeratorUnits: this.contacted * one, places: WEIGHT_PLACES, denominator: this.base },
          { weight: config.weights.resolution, numeratorUnits: this.resolved * one, places: WEIGHT_PLACES, denominator: this.base },
          { weight: config.weights.satisfaction, numeratorUnits: satisfactionUnits, places: WEIGHT_PLACES, denominator: satisfactionBase },
        ],
        d,
      ),
      answers: {
        满意: this.satisfied,
        基本满意: this.basicallySatisfied,
        不满意: this.dissatisfied,
        未评价: this.unrated,
      },
    };
  }
}

/** Whether a base order scores nothing at all under the configuration (零分工单). */
export function isZeroScore(order: WorkOrder, config: MetricsConfig): boolean {
  const { weights, satisfactionWeights } = config;
  if (weights.response > 0 && order.contacted === true) return false;
  if (weights.resolution > 0 && order.resolved === true) return false;
  if (weights.satisfaction > 0 && order.satisfaction !== null && satisfactionWeights[order.satisfaction] > 0) return false;
  return true;
}

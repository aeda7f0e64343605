import { z } from "zod";
import { detach } from "../detach.js";
import { localDateTimeToSeconds } from "../orders/local-time.js";
import type { WorkOrder } from "../orders/work-order.js";
import { parseConfigValue } from "../yaml-config.js";
import { isZeroScore } from "./assessment.js";
import type { MetricsConfig } from "./config.js";
import { CappedList, type OrderList } from "./order-list.js";
import { ppmPercent, type RateFigure, rateFigure } from "./rate.js";

export const SERVICE_LEVEL_METRICS = [
  "sign-rate",
  "dispatch-rate",
  "on-time-close-rate",
  "feedback-rate",
  "dispatch-within-minutes",
  "zero-score-orders",
] as const;
export type ServiceLevelMetric = (typeof SERVICE_LEVEL_METRICS)[number];

/** A contract's service level to measure; target in ppm (1,000,000 = 100 %, the default). */
export const ServiceLevel = z
  .object({
    id: z.string().min(1),
    metric: z.enum(SERVICE_LEVEL_METRICS),
    target: z.number().int().min(0).max(1_000_000).optional(),
    minutes: z.number().positive().optional(),
  })
  .superRefine((level, ctx) => {
    if (level.metric === "dispatch-within-minutes" && level.minutes === undefined) {
      ctx.addIssue({ code: "custom", path: ["minutes"], message: "dispatch-within-minutes 需要给出 minutes（分钟数）" });
    }
  });
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** Chinese name and definition of each metric, printed with its result. */
export const SERVICE_LEVEL_DEFINITIONS: Readonly<Record<ServiceLevelMetric, { label: string; definition: string }>> = {
  "sign-rate": { label: "签收率", definition: "已签收工单数 ÷ 已派单工单数" },
  "dispatch-rate": { label: "转办率", definition: "已派单（转办）工单数 ÷ 受理工单数" },
  "on-time-close-rate": {
    label: "按时办结率",
    definition: "在办理时限内办结的工单数 ÷ 办理时限在统计期内的工单数（未给统计月份时为所有有办理时限的工单）",
  },
  "feedback-rate": { label: "反馈率", definition: "已反馈（已办结或有办理结果）工单数 ÷ 已派单工单数" },
  "dispatch-within-minutes": {
    label: "限时派单率",
    definition: "受理后 N 分钟内派单的工单数 ÷ 已派单工单数",
  },
  "zero-score-orders": {
    label: "无零分工单",
    definition: "非零分工单数 ÷ 纳入考核的回访工单数（零分工单：未响应、未解决且满意度不得分）",
  },
};

export interface ServiceLevelResult {
  readonly id: string;
  readonly metric: ServiceLevelMetric;
  readonly label: string;
  readonly definition: string;
  readonly minutes: number | null;
  readonly target: { readonly ppm: number; readonly percent: string };
  readonly achieved: RateFigure;
  /** "no-data" when nothing was measurable (denominator 0). */
  readonly status: "pass" | "fail" | "no-data";
  /** Orders in the denominator that missed, by order number. */
  readonly failing: OrderList<string>;
}

/** Validates a service-level list given by a caller (e.g. read from a contract). */
export function parseServiceLevels(input: unknown, name = "服务水平"): ServiceLevel[] {
  return parseConfigValue(z.array(ServiceLevel), input, name, "sla-invalid", "服务水平列表");
}

/** Measures one service level order by order. */
export class ServiceLevelTracker {
  private numerator = 0;
  private denominator = 0;
  private failing: CappedList<string>;
  private readonly limitSeconds: number;
  /** 按时办结率 before the month is known: the same counts per month of the due time. */
  private readonly byDueMonth: Map<string, { numerator: number; denominator: number; failing: CappedList<string> }> | null;

  constructor(
    readonly level: ServiceLevel,
    private readonly config: MetricsConfig,
    private month: string | null,
    private readonly listLimit: number,
  ) {
    this.failing = new CappedList(listLimit);
    this.limitSeconds = (level.minutes ?? 0) * 60;
    this.byDueMonth = month === null && level.metric === "on-time-close-rate" ? new Map() : null;
  }

  add(order: WorkOrder): void {
    const verdict = this.judge(order);
    if (verdict === null) return;
    this.denominator++;
    if (verdict) this.numerator++;
    else this.failing.add(() => detach(order.orderNo));
    if (this.byDueMonth !== null && order.dueAt !== null) {
      const key = order.dueAt.slice(0, 7);
      let counts = this.byDueMonth.get(key);
      if (counts === undefined) {
        counts = { numerator: 0, denominator: 0, failing: new CappedList(this.listLimit) };
        this.byDueMonth.set(key, counts);
      }
      counts.denominator++;
      if (verdict) counts.numerator++;
      else counts.failing.add(() => detach(order.orderNo));
    }
  }

  /** Sets the month after the orders were added (see HotlineMetrics.fixMonth). */
  fixMonth(month: string): void {
    if (this.month !== null) return;
    this.month = month;
    if (this.byDueMonth === null) return;
    const counts = this.byDueMonth.get(month);
    this.numerator = counts?.numerator ?? 0;
    this.denominator = counts?.denominator ?? 0;
    this.failing = counts?.failing ?? new CappedList(this.listLimit);
  }

  /** null: not in the denominator; true: meets the level. */
  private judge(order: WorkOrder): boolean | null {
    switch (this.level.metric) {
      case "sign-rate":
        return order.dispatchedAt === null ? null : order.signedAt !== null;
      case "dispatch-rate":
        return order.dispatchedAt !== null;
      case "on-time-close-rate":
        if (order.dueAt === null) return null;
        if (this.month !== null && !order.dueAt.startsWith(this.month)) return null;
        // Valid local times compare as strings (a missing ":ss" sorts as ":00").
        return order.closedAt !== null && order.closedAt <= order.dueAt;
      case "feedback-rate":
        return order.dispatchedAt === null ? null : order.closedAt !== null || order.result !== null;
      case "dispatch-within-minutes":
        if (order.dispatchedAt === null) return null;
        return localDateTimeToSeconds(order.dispatchedAt) - localDateTimeToSeconds(order.receivedAt) <= this.limitSeconds;
      case "zero-score-orders":
        if (!order.counted || order.validFollowUp !== true) return null;
        return !isZeroScore(order, this.config);
    }
  }

  result(): ServiceLevelResult {
    const { level, config } = this;
    const target = level.target ?? 1_000_000;
    const achieved = rateFigure(this.numerator, 0, this.denominator, config.decimals);
    const status =
      this.denominator === 0 ? "no-data" : this.numerator * 1_000_000 >= target * this.denominator ? "pass" : "fail";
    return {
      id: level.id,
      metric: level.metric,
      label:
        level.metric === "dispatch-within-minutes"
          ? `${level.minutes} 分钟内派单率`
          : SERVICE_LEVEL_DEFINITIONS[level.metric].label,
      definition: SERVICE_LEVEL_DEFINITIONS[level.metric].definition.replace("N 分钟", `${level.minutes} 分钟`),
      minutes: level.minutes ?? null,
      target: { ppm: target, percent: ppmPercent(target, config.decimals) },
      achieved,
      status,
      failing: this.failing.result(),
    };
  }
}

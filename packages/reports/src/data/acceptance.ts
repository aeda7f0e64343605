import { type Contract, formatPercent } from "@qiyue/contract-model";
import { z } from "zod";
import { defined } from "./text.js";

const METRICS: Record<string, string> = {
  "sign-rate": "签收率",
  "dispatch-rate": "转办率",
  "on-time-close-rate": "按时办结率",
  "feedback-rate": "反馈率",
  "response-rate": "响应率",
  "dispatch-within-minutes": "派单时限",
  "zero-score-orders": "0 分工单",
};

const FREQUENCIES: Record<string, string> = {
  daily: "每日",
  weekly: "每周",
  monthly: "每月",
  quarterly: "每季度",
  yearly: "每年",
  once: "一次",
  "on-request": "按需",
};

export const ServiceLevelView = z.strictObject({
  /** The measure, e.g. 签收率; for an unnamed requirement, the requirement's own words. */
  name: z.string(),
  /** The target in words: “100%”, “30 分钟内”, “不得出现”. */
  target: z.string(),
  clause: z.string().optional(),
  text: z.string(),
});
export type ServiceLevelView = z.infer<typeof ServiceLevelView>;

export function serviceLevelViews(contract: Contract): ServiceLevelView[] {
  return contract.serviceLevels.map((level) => {
    const named = METRICS[level.metric];
    let target = "见合同原文";
    if (level.target !== undefined) target = formatPercent(level.target);
    else if (level.minutes !== undefined) target = `${level.minutes} 分钟内`;
    else if (level.maxCount !== undefined) target = level.maxCount === 0 ? "不得出现" : `不超过 ${level.maxCount} 次`;
    return defined({ name: named ?? level.text, target, clause: level.clause, text: level.text }) as ServiceLevelView;
  });
}

export const DeliverableView = z.strictObject({
  name: z.string(),
  frequency: z.string(),
  clause: z.string().optional(),
});
export type DeliverableView = z.infer<typeof DeliverableView>;

export function deliverableViews(contract: Contract): DeliverableView[] {
  return contract.deliverables.map(
    (d) => defined({ name: d.name, frequency: FREQUENCIES[d.frequency] ?? d.frequency, clause: d.clause }) as DeliverableView,
  );
}

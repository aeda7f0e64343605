import { type Contract, FREQUENCY_NAMES, formatClause, formatPercent, SERVICE_LEVEL_METRIC_NAMES } from "@qiyue/contract-model";
import { z } from "zod";
import type { PendingList } from "./pending.js";
import { defined } from "./text.js";

const METRICS: Readonly<Record<string, string>> = SERVICE_LEVEL_METRIC_NAMES;

export const ServiceLevelView = z.strictObject({
  /** The measure, e.g. 签收率; for an unnamed requirement, the requirement's own words. */
  name: z.string(),
  /** The target in words: “100%”, “30 分钟内”, “不得出现”. */
  target: z.string(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
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
  /** How often it is due, in words: 每月, 一次性, 按甲方要求 … */
  frequency: z.string(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
  clause: z.string().optional(),
});
export type DeliverableView = z.infer<typeof DeliverableView>;

export function deliverableViews(contract: Contract): DeliverableView[] {
  return contract.deliverables.map(
    (d) => defined({ name: d.name, frequency: FREQUENCY_NAMES[d.frequency], clause: d.clause }) as DeliverableView,
  );
}

/** One thing the vendor owes, as an acceptance form lists it. */
export const ObligationView = z.strictObject({
  /**
   * The item's name, when the contract gives one and the text does not already begin with it
   * (so a form never prints “值守工作：值守工作，……”).
   */
  label: z.string().optional(),
  /** The contract's words. */
  text: z.string(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
  clause: z.string().optional(),
});
export type ObligationView = z.infer<typeof ObligationView>;

/** The grade an acceptance gives, when the contract provides for one. */
export const GradingView = z.strictObject({
  /** The grades the contract names, as printed, best first; empty when it names none. */
  levels: z.array(z.string()),
  /** 【待确认：…】 in place of the grades when the contract provides for a grade but names none. */
  pending: z.string().optional(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
  clause: z.string().optional(),
});
export type GradingView = z.infer<typeof GradingView>;

/** What the acceptance form checks, item by item: the vendor's obligations only. */
export const AcceptanceView = z.strictObject({
  /** The service items of the scope. */
  items: z.array(ObligationView),
  /** The staffing requirements (education, age, team size …). */
  staffRequirements: z.array(ObligationView),
  /**
   * Present only when the contract provides for a grade (e.g. 优 / 良 / 中 / 差); otherwise the
   * conclusion is 合格 or 不合格 and nothing else.
   */
  grading: GradingView.optional(),
});
export type AcceptanceView = z.infer<typeof AcceptanceView>;

/** The label to print before `text`: none when the text already begins with it. */
function labelFor(title: string | undefined, text: string): string | undefined {
  const label = title?.trim();
  if (label === undefined || label === "") return undefined;
  return text.trimStart().startsWith(label) ? undefined : label;
}

function obligation(title: string | undefined, text: string, clause: string | undefined): ObligationView {
  return defined({ label: labelFor(title, text), text, clause }) as ObligationView;
}

function gradingView(contract: Contract, pending: PendingList): GradingView | undefined {
  const grading = contract.acceptance?.grading;
  if (grading === undefined) return undefined;
  const clause = grading.clause ?? contract.acceptance?.clause;
  if (grading.levels.length > 0) return defined({ levels: grading.levels, clause }) as GradingView;
  const reason = "合同约定确定验收等级，未列明等级";
  return defined({
    levels: [],
    pending: pending.mark("验收等级", reason, clause === undefined ? undefined : formatClause(clause)),
    clause,
  }) as GradingView;
}

/**
 * The acceptance form's view of the contract: the vendor's service items and staffing
 * requirements (the client's rights, `scope.clientRights`, are not the vendor's to meet and are
 * left out), and the grade when the contract provides for one. A grade the contract provides for
 * without naming the grades is marked open in `pending`, never filled in with a usual scale.
 */
export function acceptanceView(contract: Contract, pending: PendingList): AcceptanceView {
  const grading = gradingView(contract, pending);
  return defined({
    items: contract.scope.items.map((item) => obligation(item.title, item.text, item.clause)),
    staffRequirements: (contract.scope.staffing?.requirements ?? []).map((text) => obligation(undefined, text, undefined)),
    grading,
  }) as AcceptanceView;
}

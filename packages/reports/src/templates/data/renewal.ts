import { type Contract, computeSchedule, planRenewal, type RenewalPlan } from "@qiyue/contract-model";
import { TemplateError } from "../errors.js";
import type { TemplateInputs } from "../inputs.js";
import { type ScheduleView, scheduleView } from "./schedule.js";
import { plain } from "./text.js";

export interface RenewalView {
  plan: RenewalPlan;
  /** The payment schedule recomputed on the new amount and term (shares, remainder, months). */
  schedule: ScheduleView;
  /** The cap checks that could not be made from the model and must be checked by hand. */
  manualChecks: RenewalPlan["checks"];
  /** The change over the original amount in words: 增加 / 减少 / 不变, and its size in ppm. */
  change: { direction: "增加" | "减少" | "不变"; ppm: number };
}

/**
 * Plans the renewal and refuses a draft that breaks a cap: the error carries the plan's own
 * sentences, each with its source.
 */
export function renewalView(contract: Contract, inputs: TemplateInputs): RenewalView {
  const request = {
    ...(inputs.increase !== undefined ? { increase: inputs.increase } : {}),
    ...(inputs.amount !== undefined ? { amount: inputs.amount } : {}),
    ...(inputs.years !== undefined ? { years: inputs.years } : {}),
  };
  const plan = planRenewal(contract, request);
  if (!plan.ok) {
    const failed = plan.checks.filter((c) => !c.ok).map((c) => `${c.message}（依据：${c.source}）`);
    throw new TemplateError("RENEWAL_CAP_EXCEEDED", `续签方案超出上限，不生成续签合同草案：${failed.join("；")}`);
  }
  // The renewal is signed later: dates that hang on the old signing are not carried over.
  const { date: _date, dateText: _dateText, signaturePage: _page, ...signing } = contract.signing;
  const next: Contract = {
    ...contract,
    signing,
    term: { start: plan.next.start, end: plan.next.end },
    fees: { ...contract.fees, total: { amount: plan.next.amount } },
    payments: {
      ...contract.payments,
      installments: contract.payments.installments.map(({ printed: _printed, ...rest }) => rest),
    },
  };
  return plain({
    plan,
    schedule: scheduleView(computeSchedule(next)),
    manualChecks: plan.checks.filter((c) => c.manual === true),
    change: {
      direction: plan.increaseOverOriginal > 0 ? "增加" : plan.increaseOverOriginal < 0 ? "减少" : "不变",
      ppm: Math.abs(plan.increaseOverOriginal),
    },
  });
}

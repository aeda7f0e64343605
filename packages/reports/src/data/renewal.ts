import {
  type Contract,
  computeSchedule,
  IsoDate,
  planRenewal,
  RENEWAL_CAP_LABELS,
  type RenewalCap,
  type RenewalCheck,
  type RenewalPlan,
  RenewalPolicy,
  type RenewalSpan,
} from "@qiyue/contract-model";
import { z } from "zod";
import { TemplateError } from "@qiyue/templating";
import type { TemplateInputs } from "@qiyue/templating";
import { ScheduleView, scheduleView } from "./schedule.js";
import { plain } from "./text.js";
import { FenValue, PpmValue } from "@qiyue/templating";
import { PendingList } from "./pending.js";

/*
 * contract-model's RenewalPlan, RenewalCheck and Span as templates receive them. They are
 * interfaces there; these schemas describe them for the check of templates, and the type
 * assertion below keeps both in step (a field added there and not here fails to compile).
 */
const RenewalSpanShape = z.strictObject({ amount: FenValue, start: IsoDate, end: IsoDate });
const RenewalCheckShape = z.strictObject({
  cap: z.enum(Object.keys(RENEWAL_CAP_LABELS) as [RenewalCap, ...RenewalCap[]]),
  ok: z.boolean(),
  limit: z.string(),
  actual: z.string(),
  source: z.string(),
  message: z.string(),
  manual: z.literal(true).optional(),
});
const RenewalPlanShape = z.strictObject({
  ok: z.boolean(),
  checks: z.array(RenewalCheckShape),
  policy: RenewalPolicy,
  policyStated: z.boolean(),
  renewalNumber: z.number().int(),
  renewalsLeft: z.number().int(),
  original: RenewalSpanShape,
  previous: RenewalSpanShape,
  next: RenewalSpanShape.extend({ capitals: z.string() }),
  increaseOverOriginal: PpmValue,
  increaseOverPrevious: PpmValue,
  totalYears: z.number(),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
type Holds<T extends true> = T;
export type RenewalShapesInStep = Holds<
  Fits<RenewalPlan, z.infer<typeof RenewalPlanShape>> &
    SameKeys<RenewalPlan, z.infer<typeof RenewalPlanShape>> &
    SameKeys<RenewalCheck, z.infer<typeof RenewalCheckShape>> &
    SameKeys<RenewalSpan, z.infer<typeof RenewalSpanShape>>
>;

export const RenewalView = z.strictObject({
  plan: RenewalPlanShape,
  /** The payment schedule recomputed on the new amount and term (shares, remainder, months). */
  schedule: ScheduleView,
  /** The cap checks that could not be made from the model and must be checked by hand. */
  manualChecks: z.array(RenewalCheckShape),
  /** The change over the original amount in words: 增加 / 减少 / 不变, and its size in ppm. */
  change: z.strictObject({ direction: z.enum(["增加", "减少", "不变"]), ppm: PpmValue }),
});
export type RenewalView = z.infer<typeof RenewalView>;

/**
 * Plans the renewal and refuses a draft that breaks a cap: the error carries the plan's own
 * sentences, each with its source.
 */
export function renewalView(contract: Contract, inputs: TemplateInputs, pending: PendingList = new PendingList()): RenewalView {
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

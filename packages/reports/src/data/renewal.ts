import {
  BUILT_IN_CALENDAR,
  Contract,
  citeSource,
  computeSchedule,
  describeShares,
  describeTermLength,
  formatClause,
  formatPercent,
  IsoDate,
  type MarkOpen,
  parseScheduleShares,
  planRenewal,
  RENEWAL_CAP_LABELS,
  type RenewalCap,
  type RenewalCheck,
  type RenewalPlan,
  RenewalPolicy,
  type RenewalRequest,
  RenewalScheduleError,
  type RenewalSpan,
  type RenewedContract,
  renewContract,
  STATUTORY_RENEWAL_POLICY,
  termLength,
  type WorkingDayCalendar,
} from "@qiyue/contract-model";
import { FenValue, PpmValue, TemplateError, type TemplateInputs } from "@qiyue/templating";
import { z } from "zod";
import { PendingList } from "./pending.js";
import { ScheduleView, scheduleView } from "./schedule.js";
import { plain } from "./text.js";
import { titleLines } from "./title.js";

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
  term: z.strictObject({ months: z.number().int(), days: z.number().int(), chosen: z.boolean() }),
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

/** A line of the table 原合同 / 本合同. */
const RenewalChangeView = z.strictObject({
  item: z.string(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
  clause: z.string().optional(),
  before: z.string(),
  after: z.string(),
});

/** A source of the caps with its words, when known. */
const CapSourceView = z.strictObject({ title: z.string(), text: z.string().optional() });

export const RenewalView = z.strictObject({
  plan: RenewalPlanShape,
  /** The title: the new term's project name and 续签合同, in lines broken only between words. */
  title: z.strictObject({ text: z.string(), lines: z.array(z.string()).min(1) }),
  /** The contract of the next term: new term, amount, project name, schedule, dates and sums; its words cleaned for printing. */
  contract: Contract,
  /**
   * The scope's items as printed: the item's name before its words unless the words start with
   * it, and the clause of the old contract that holds it (so that the items keep the old
   * contract's numbering, which nests, rather than being counted again as one list).
   */
  scopeItems: z.array(z.strictObject({ text: z.string(), clause: z.string().optional() })),
  /** The basis of the final amount ("最终以评审报告金额为准") as a sentence, when the contract states one. */
  finalBasis: z.string().optional(),
  /** The payment schedule of the next term (shares, remainder, months). */
  schedule: ScheduleView,
  /** Every term, date and sum that changed, for the table 原合同 / 本合同; an open point reads 【待确认：…】. */
  changes: z.array(RenewalChangeView),
  /** The installments' shares the parties agreed (`--schedule`), in words: 50%、20%、30%. */
  shares: z.string().optional(),
  /** The new term's length in words, and whether the parties chose it (`--term`, `--years`) rather than keep the current one. */
  term: z.strictObject({ length: z.string(), previous: z.string(), chosen: z.boolean() }),
  /** The caps in one sentence, and where they come from, each source with its words when known. */
  caps: z.strictObject({ summary: z.string(), sources: z.array(CapSourceView) }),
  /** The cap checks that could not be made from the model and must be checked by hand. */
  manualChecks: z.array(RenewalCheckShape),
  /** The change over the original amount in words: 增加 / 减少 / 不变, and its size in ppm. */
  change: z.strictObject({ direction: z.enum(["增加", "减少", "不变"]), ppm: PpmValue }),
});
export type RenewalView = z.infer<typeof RenewalView>;

/** The document's own name, after the project name in the title. */
const DOCUMENT_NAME = "续签合同";

/** What the template inputs ask of the plan: the amount, and the term's length when given. */
function renewalRequest(inputs: TemplateInputs): RenewalRequest {
  return {
    ...(inputs.increase !== undefined ? { increase: inputs.increase } : {}),
    ...(inputs.amount !== undefined ? { amount: inputs.amount } : {}),
    ...(inputs.years !== undefined ? { years: inputs.years } : {}),
    ...(inputs.term !== undefined ? { months: inputs.term } : {}),
  };
}

/** The renewed contract; a schedule that cannot be carried over stops the draft with the validator's findings. */
function renewed(contract: Contract, plan: RenewalPlan, inputs: TemplateInputs, pending: PendingList, calendar: WorkingDayCalendar): RenewedContract {
  const mark: MarkOpen = (what, reason, clause) => pending.mark(what, reason, clause === undefined ? undefined : formatClause(clause));
  const shares = inputs.schedule === undefined ? undefined : parseScheduleShares(inputs.schedule);
  try {
    return renewContract(contract, plan, shares === undefined ? {} : { shares }, mark, calendar);
  } catch (e) {
    if (e instanceof RenewalScheduleError) throw new TemplateError("RENEWAL_SCHEDULE_UNRESOLVED", `不生成续签合同草案：${e.message}`);
    throw e;
  }
}

/** "2026年3月19日至2027年3月18日（1 年）" in a narrow cell: a line for each date and one for the length, never broken inside them. */
function periodLines(text: string): string {
  return text.replace(/^(\d{4}年\d{1,2}月\d{1,2}日至)(\d{4}年\d{1,2}月\d{1,2}日)(（[^）]*）)?$/, (_, from: string, to: string, length?: string) =>
    [from, to, ...(length === undefined ? [] : [length])].join("\n"),
  );
}

/** The contract's basis of the final amount, ended as a sentence. */
function finalBasis(contract: Contract): { finalBasis?: string } {
  const text = contract.fees.finalBasis?.trim();
  if (text === undefined || text === "") return {};
  return { finalBasis: /[。．.；;]$/.test(text) ? text.replace(/[。．.；;]+$/, "。") : `${text}。` };
}

/** The caps in words: 续签不超过 2 次；总服务期限不超过 3 年；…. */
function capSummary(policy: RenewalPolicy): string {
  if (!policy.allowed) return "不允许续签";
  return [
    `续签不超过 ${policy.maxRenewals} 次`,
    `自原合同开始之日起总服务期限不超过 ${policy.maxTotalYears} 年`,
    `续签合同金额较原合同金额增加不超过 ${formatPercent(policy.maxIncrease)}（以原合同金额为基数，不按历次续签金额累计）`,
    ...(policy.withinBudget ? ["续签合同金额须在预算批复金额内"] : []),
  ].join("；");
}

/**
 * Where the caps come from: the contract's clause in its words, then each source, a regulation cited
 * by its title and number (`citeSource`); a statute's words filled in when the contract names it without them.
 */
function capSources(contract: Contract, plan: RenewalPlan): z.infer<typeof CapSourceView>[] {
  const renewal = contract.renewal;
  const clause = plan.policyStated ? renewal?.clause : undefined;
  const own = clause !== undefined && renewal?.text !== undefined ? [{ title: `原合同${formatClause(clause)}`, text: renewal.text }] : [];
  const statute = (title: string) => STATUTORY_RENEWAL_POLICY.sources.find((s) => [/第四十九条/, /财库〔2014〕37号/].some((k) => k.test(s.title) && k.test(title)));
  const others = plan.policy.sources
    .filter((s) => clause === undefined || !s.title.includes(clause))
    .map((s) => {
      const text = s.text ?? statute(s.title)?.text;
      const title = citeSource(s.title);
      return text === undefined ? { title } : { title, text };
    });
  return [...own, ...others];
}

/**
 * Plans the renewal and builds the next term's contract. A plan that breaks a cap, or a schedule
 * that would carry a zero or unresolved installment without the parties' shares, stops the draft:
 * the error carries the plan's sentences (each with its source) or the validator's findings. What
 * the contract leaves open goes to `pending` and prints as 【待确认：…】.
 */
export function renewalView(
  contract: Contract,
  inputs: TemplateInputs,
  pending: PendingList = new PendingList(),
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): RenewalView {
  const plan = planRenewal(contract, renewalRequest(inputs));
  if (!plan.ok) {
    const failed = plan.checks.filter((c) => !c.ok).map((c) => `${c.message}（依据：${c.source}）`);
    throw new TemplateError("RENEWAL_CAP_EXCEEDED", `续签方案超出上限，不生成续签合同草案：${failed.join("；")}`);
  }
  const next = renewed(contract, plan, inputs, pending, calendar);
  const name = next.contract.projectName;
  return plain({
    plan,
    title: { text: `${name}${DOCUMENT_NAME}`, lines: titleLines(name, DOCUMENT_NAME) },
    contract: next.contract,
    scopeItems: next.contract.scope.items.map(({ title, text, clause }) => ({
      text: title === undefined || text.startsWith(title) ? text : `${title}：${text}`,
      ...(clause === undefined ? {} : { clause }),
    })),
    ...finalBasis(next.contract),
    schedule: scheduleView(computeSchedule(next.contract, {}, calendar)),
    changes: next.changes.map((c) => ({ ...c, before: periodLines(c.before), after: periodLines(c.after) })),
    ...(next.shares !== undefined ? { shares: describeShares(next.shares) } : {}),
    term: {
      length: describeTermLength(termLength(plan.next.start, plan.next.end)),
      previous: describeTermLength(termLength(plan.previous.start, plan.previous.end)),
      chosen: plan.term.chosen,
    },
    caps: { summary: capSummary(plan.policy), sources: capSources(contract, plan) },
    manualChecks: plan.checks.filter((c) => c.manual === true),
    change: {
      direction: plan.increaseOverOriginal > 0 ? "增加" : plan.increaseOverOriginal < 0 ? "减少" : "不变",
      ppm: Math.abs(plan.increaseOverOriginal),
    },
  });
}

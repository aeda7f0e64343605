/**
 * The contract of the next term, built from the current one and a renewal plan that holds: the
 * new term, amount and project name, the schedule on the new amount, the old term's dates moved
 * with the term, sums stated as a share of the total recomputed, the printed words cleaned — and
 * the table of everything that changed. What the contract does not say how to carry over is
 * never computed: it is an open point (see MarkOpen), and a schedule that would carry a zero or
 * unresolved installment is refused unless the parties' own shares are given.
 */

import { BUILT_IN_CALENDAR, type WorkingDayCalendar } from "../calendar/index.js";
import type { Ppm } from "../money/index.js";
import { type RenewalPlan, RenewalRequestError } from "../renewal/plan.js";
import { describeTermLength, termLength } from "../renewal/term.js";
import { chineseDate, computeSchedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Fees } from "../schema/fees.js";
import { type MarkOpen, markInText, type RenewalChange, type RenewContext, record, yuanWithCapitals } from "./change.js";
import { renewDeadlines } from "./deadlines.js";
import { assertScheduleResolved, recordPayments, renewInstallments } from "./installments.js";
import { renewPenalties } from "./penalties.js";
import { renewScope, renewText } from "./texts.js";

/** The decisions of the parties a renewal may need. */
export interface RenewalChoices {
  /** The installments' shares, in order, adding up to 100 % (`--schedule 50/20/30`). */
  shares?: readonly Ppm[];
}

/** The renewed contract and what changed. */
export interface RenewedContract {
  /** The contract of the next term (unsigned; its texts as the renewal prints them). */
  contract: Contract;
  /** Every term, date and sum that differs from the current contract, in the contract's order. */
  changes: RenewalChange[];
  /** The shares the parties agreed, when given. */
  shares?: Ppm[];
}

/**
 * Builds the renewed contract; working days are counted with `calendar` (the built-in data and
 * any supplied years). Throws a RenewalRequestError when the plan was not made for this
 * contract or fails a cap, and a RenewalScheduleError when the schedule cannot be carried over
 * and no shares were agreed. `mark` records each open point and returns what is printed for it.
 */
export function renewContract(
  contract: Contract,
  plan: RenewalPlan,
  choices: RenewalChoices = {},
  mark: MarkOpen = markInText,
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): RenewedContract {
  assertPlanFits(contract, plan);
  const ctx: RenewContext = {
    contract,
    plan,
    previous: { start: plan.previous.start, end: plan.previous.end },
    next: { start: plan.next.start, end: plan.next.end },
    mark,
    changes: [],
  };
  const projectName = renewName(ctx, contract.projectName, "项目名称");
  recordTermAndAmount(ctx);
  const fees = renewFees(ctx);
  const { installments, timeChanges } = renewInstallments(ctx, choices.shares);
  const { date: _date, dateText: _dateText, signaturePage: _page, ...signing } = contract.signing;
  const term = { ...(contract.term.clause !== undefined ? { clause: contract.term.clause } : {}), start: plan.next.start, end: plan.next.end };
  const paid: Contract = { ...contract, title: moveYears(contract.title, ctx), projectName, signing, term, fees, payments: { ...contract.payments, installments } };
  const schedule = computeSchedule(paid, {}, calendar);
  assertScheduleResolved(ctx, paid, schedule);
  recordPayments(ctx, computeSchedule(contract, {}, calendar), schedule, timeChanges, choices.shares);
  // completion and acceptance as renewDeadlines gives them: a date that cannot move leaves
  const { completion: _completion, acceptance: _acceptance, ...kept } = paid;
  const renewed: Contract = { ...kept, ...renewDeadlines(ctx), scope: renewScope(ctx), penalties: renewPenalties(ctx) };
  return { contract: renewed, changes: ctx.changes, ...(choices.shares !== undefined ? { shares: [...choices.shares] } : {}) };
}

function assertPlanFits(contract: Contract, plan: RenewalPlan): void {
  const { previous } = plan;
  if (contract.term.start !== previous.start || contract.term.end !== previous.end || contract.fees.total.amount !== previous.amount) {
    throw new RenewalRequestError("RENEWAL_PLAN_MISMATCH", "续签计划不是根据这份合同的本期服务期和金额做出的，请重新计算");
  }
  const failed = plan.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new RenewalRequestError("RENEWAL_CAP_EXCEEDED", `续签未通过上限检查，不能写出续签合同：${failed.map((c) => `${c.message}（依据：${c.source}）`).join("")}`);
  }
}

/** Years in a name ("2026 年", "2026年") move with the term's start year. */
function moveYears(name: string, ctx: RenewContext): string {
  const delta = Number(ctx.next.start.slice(0, 4)) - Number(ctx.previous.start.slice(0, 4));
  return delta === 0 ? name : name.replace(/(?<!\d)(\d{4})(?=\s*年)/g, (y) => String(Number(y) + delta));
}

function renewName(ctx: RenewContext, name: string, item: string): string {
  const next = moveYears(name, ctx);
  record(ctx, { item, before: name, after: next });
  return next;
}

function recordTermAndAmount(ctx: RenewContext): void {
  const { plan, contract } = ctx;
  const span = (p: { start: string; end: string }) => `${chineseDate(p.start)}至${chineseDate(p.end)}（${describeTermLength(termLength(p.start, p.end))}）`;
  const clause = (c: string | undefined) => (c !== undefined ? { clause: c } : {});
  ctx.changes.push({ item: "服务期限", ...clause(contract.term.clause), before: span(plan.previous), after: span(plan.next) });
  ctx.changes.push({ item: "合同金额", ...clause(contract.fees.clause), before: yuanWithCapitals(plan.previous.amount), after: yuanWithCapitals(plan.next.amount) });
}

/** The new total with its capitals, monthly billing over the new term, the final-amount basis as printed. */
function renewFees(ctx: RenewContext): Fees {
  const { fees } = ctx.contract;
  const { text: _text, ...total } = fees.total;
  const out: Fees = { ...fees, total: { ...total, amount: ctx.plan.next.amount, capitals: ctx.plan.next.capitals } };
  if (fees.finalBasis !== undefined) out.finalBasis = renewText(ctx, fees.finalBasis, "最终金额所写日期", fees.clause);
  const pricing = fees.pricing;
  if (pricing.kind !== "monthly" || pricing.months === undefined) return out;
  const { months: _months, ...rest } = pricing;
  const term = ctx.plan.term;
  const item = "计费月数";
  if (term.days !== 0) {
    record(ctx, { item, before: `${pricing.months} 个月`, after: ctx.mark(item, "续签服务期不是整月，计费月数须双方约定", fees.clause) });
    return { ...out, pricing: rest };
  }
  record(ctx, { item, before: `${pricing.months} 个月`, after: `${term.months} 个月` });
  return { ...out, pricing: { ...rest, months: term.months } };
}

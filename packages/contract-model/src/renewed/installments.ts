/**
 * The payment schedule of the renewed contract: the installments keep their conditions, their
 * dates move with the term, printed figures of the old amount go, and shares agreed with the other
 * side (`--schedule`) replace the old wording. A schedule that would carry a zero or unresolved
 * installment into the new contract is refused with the validator's own findings.
 */
import { compareDates } from "../calendar/index.js";
import { UserError } from "../errors/index.js";
import { formatPercent, formatYuan, type Ppm } from "../money/index.js";
import { describeShares } from "../renewal/choices.js";
import { RenewalRequestError } from "../renewal/plan.js";
import { monthsLater } from "../renewal/term.js";
import { describeBasis, describeCondition, type Schedule, type ScheduleRow } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Installment, TriggerCondition } from "../schema/fees.js";
import { validateContract } from "../validate/index.js";
import { type RenewalChange, type RenewContext, record } from "./change.js";
import { type Moved, moveDate, moveMonth } from "./shift.js";

/** The renewal's schedule cannot be carried over as the contract words it, and no shares were agreed. */
export class RenewalScheduleError extends UserError {
  override readonly name = "RenewalScheduleError";

  constructor(
    /** The findings that stop it, each a sentence ending with its code in brackets. */
    readonly findings: readonly string[],
    /** How many installments the schedule has: how many shares `--schedule` must give. */
    readonly installments: number,
  ) {
    super(
      "RENEWAL_SCHEDULE_UNRESOLVED",
      `原合同的付款方式不能照搬到续签合同：${findings.join("；")}。请与对方书面约定各期比例后用 --schedule 给出（共 ${installments} 期，各期百分比用“/”分隔，合计 100，写法如 --schedule A/B/C），续签合同将写明“付款比例按甲乙双方约定调整为……”。`,
    );
  }
}

/** The installments for the next term, and per installment the changes of its payment time. */
export function renewInstallments(ctx: RenewContext, shares: readonly Ppm[] | undefined): { installments: Installment[]; timeChanges: RenewalChange[][] } {
  const list = ctx.contract.payments.installments;
  if (shares !== undefined) checkShares(list, shares);
  const timeChanges: RenewalChange[][] = [];
  const installments = list.map((inst, i): Installment => {
    const { printed: _printed, ...rest } = inst;
    const changes: RenewalChange[] = [];
    const trigger = inst.trigger.map((c) => moveCondition(ctx, inst, c, changes));
    timeChanges.push(changes);
    return { ...rest, basis: shares === undefined ? inst.basis : { kind: "share", share: shares[i]! }, trigger };
  });
  return { installments, timeChanges };
}

function checkShares(list: readonly Installment[], shares: readonly Ppm[]): void {
  if (list.some((i) => i.basis.kind === "monthly")) {
    throw new RenewalRequestError("RENEWAL_SCHEDULE_MONTHLY", "本合同按月计费，各月金额按服务期均分，不能用 --schedule 调整付款比例");
  }
  if (shares.length !== list.length) {
    throw new RenewalRequestError("RENEWAL_SCHEDULE_COUNT", `原合同分 ${list.length} 期付款，--schedule 给出了 ${shares.length} 个比例（${describeShares(shares)}）`);
  }
}

/** A dated condition moved into the next term, or an open point in its place. */
function moveCondition(ctx: RenewContext, inst: Installment, c: TriggerCondition, changes: RenewalChange[]): TriggerCondition {
  const what = `第 ${inst.id} 期付款时间`;
  const clause = inst.clause;
  let moved: Moved | undefined;
  let toCondition: (value: string) => TriggerCondition = (value) => ({ event: "by-date", date: value });
  if (c.event === "by-date") moved = moveDate(c.date, ctx.previous, ctx.next);
  if (c.event === "in-month") {
    moved = moveMonth(c.month, ctx.previous, ctx.next);
    toCondition = (value) => ({ event: "in-month", month: value });
  }
  if (c.event === "months-after-start") moved = afterStart(ctx, c.months);
  if (moved === undefined) return c;
  const next: TriggerCondition = moved.ok ? toCondition(moved.value) : { event: "other", text: ctx.mark(what, moved.reason, clause) };
  changes.push({ item: what, ...(clause !== undefined ? { clause } : {}), before: describeCondition(c), after: describeCondition(next) });
  return next;
}

/** Nothing when "服务期满半年" still falls within the next term (or already did not in the old one); else why not. */
function afterStart(ctx: RenewContext, months: number): Moved | undefined {
  const beyond = (start: string, end: string) => compareDates(monthsLater(start, months), end) > 0;
  if (beyond(ctx.previous.start, ctx.previous.end) || !beyond(ctx.next.start, ctx.next.end)) return undefined;
  return { ok: false, reason: `原合同为服务期开始 ${months} 个月后，续签服务期不足 ${months} 个月，须双方重新约定` };
}

const SCHEDULE_CODES = new Set(["PAYMENT_CUMULATIVE_BELOW_PAID", "PAYMENT_REMAINDER_NEGATIVE", "PAYMENT_SHARES_SUM"]);

/**
 * Refuses a schedule that would put a zero or unresolved installment into the renewed contract:
 * the validator's findings on the renewed contract, a zero amount, a fixed sum when the amount
 * changed. Throws a RenewalScheduleError naming each.
 */
export function assertScheduleResolved(ctx: RenewContext, renewed: Contract, schedule: Schedule): void {
  const loaded = { contract: renewed, file: "", source: "", locate: () => undefined };
  const findings = validateContract(loaded)
    .filter((f) => SCHEDULE_CODES.has(f.code))
    .map((f) => `${f.message}（${f.code}）`);
  const amountChanged = ctx.plan.next.amount !== ctx.plan.previous.amount;
  for (const inst of renewed.payments.installments) {
    const rows = schedule.rows.filter((r) => r.id === inst.id);
    if (inst.basis.kind === "fixed" && amountChanged) {
      findings.push(`第 ${inst.id} 期为固定金额 ${formatYuan(inst.basis.amount)} 元，合同金额变化后该期金额须双方重新约定`);
    } else if (schedule.total > 0 && rows.some((r) => r.amount === 0 && r.problem === undefined)) {
      findings.push(`第 ${inst.id} 期按原合同的约定计算为零`);
    }
  }
  if (findings.length > 0) throw new RenewalScheduleError(findings, renewed.payments.installments.length);
}

/** "50%，989,550.00 元"; monthly: "按月支付，每月 147,208.33 元（末月 147,208.37 元），共 12 个月". */
export function describePayment(rows: readonly ScheduleRow[]): string {
  const first = rows[0];
  if (first === undefined) return "";
  if (rows.length === 1) return `${basisWords(first)}，${formatYuan(first.amount)} 元`;
  const last = rows[rows.length - 1]!;
  const tail = last.amount === first.amount ? "" : `（末月 ${formatYuan(last.amount)} 元）`;
  return `按月支付，每月 ${formatYuan(first.amount)} 元${tail}，共 ${rows.length} 个月`;
}

function basisWords(row: ScheduleRow): string {
  return row.basis === "剩余金额" && row.share !== undefined ? `剩余金额（${formatPercent(row.share)}）` : row.basis;
}

/** The table lines of the schedule: the agreed shares, then each installment's amount and time. */
export function recordPayments(ctx: RenewContext, before: Schedule, after: Schedule, timeChanges: readonly RenewalChange[][], shares: readonly Ppm[] | undefined): void {
  const list = ctx.contract.payments.installments;
  if (shares !== undefined) {
    record(ctx, {
      item: "付款比例",
      ...(ctx.contract.payments.clause !== undefined ? { clause: ctx.contract.payments.clause } : {}),
      before: list.map((i) => describeBasis(i.basis)).join("、"),
      after: `${describeShares(shares)}（甲乙双方约定）`,
    });
  }
  list.forEach((inst, i) => {
    const rowsOf = (s: Schedule) => s.rows.filter((r) => r.id === inst.id);
    const item = inst.basis.kind === "monthly" ? (inst.label ?? "月度服务费") : `第 ${inst.id} 期付款`;
    const clause = inst.clause !== undefined ? { clause: inst.clause } : {};
    record(ctx, { item, ...clause, before: describePayment(rowsOf(before)), after: describePayment(rowsOf(after)) });
    for (const change of timeChanges[i] ?? []) record(ctx, change);
  });
}

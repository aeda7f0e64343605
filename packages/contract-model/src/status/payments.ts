/** Each installment as of a day: waiting, due, overdue or paid, and what lateness costs. */
import { compareDates, daysBetween, type WorkingDayCalendar } from "../calendar/index.js";
import type { Fen } from "../money/index.js";
import type { DueDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { type LatePaymentPenalty, latePaymentClause, latePaymentPenalty, lateStretches } from "./late-payment.js";
import type { Ledger } from "./ledger.js";
import { describeDue, type InstallmentPlan, offsetText, paymentPlan } from "./plan.js";

export type InstallmentState =
  /** The amount is zero (e.g. "pay up to 20 %" after 50 % was paid). */
  | "nothing-due"
  /** A trigger has not happened yet. */
  | "waiting"
  /** The conditions are met but the contract sets no time for the payment: payable, never overdue. */
  | "payable"
  /** The due date falls in a year without an official holiday calendar. */
  | "unknown-calendar"
  /** Due on a date not yet passed. */
  | "due"
  | "overdue"
  | "paid"
  | "paid-late";

export interface InstallmentStatus extends InstallmentPlan {
  state: InstallmentState;
  /** "2024年9月23日（2024年9月1日起 15 个工作日）", "待：财政资金拨付到甲方账户" … */
  dueText: string;
  dueDate?: string;
  /** Received plus deducted. */
  settled: Fen;
  outstanding: Fen;
  /** Days from the due date to the day of the status, while unpaid. */
  overdueDays?: number;
  /** Days to the due date, while not yet due. */
  daysLeft?: number;
  /** Days the last payment came after the due date, when paid late. */
  paidLateDays?: number;
  latePenalty?: LatePaymentPenalty;
}

export function installmentStatuses(contract: Contract, ledger: Ledger, asOf: string, calendar: WorkingDayCalendar): InstallmentStatus[] {
  const clause = latePaymentClause(contract);
  return paymentPlan(contract, ledger, calendar).map((plan): InstallmentStatus => {
    const settled = plan.payments.reduce((s, p) => s + p.amount + p.deducted, 0);
    const outstanding = Math.max(0, plan.amount - settled);
    const dueText = describeDue(plan, offsetText(contract, plan.id));
    const due = plan.due;
    const dueDate = due.kind === "date" ? due.date : undefined;
    const base = { ...plan, dueText, ...(dueDate ? { dueDate } : {}), settled, outstanding };
    if (plan.amount === 0) return { ...base, state: "nothing-due" };
    if (dueDate === undefined) {
      if (outstanding === 0) return { ...base, state: "paid" };
      return { ...base, state: stateWithoutDate(due) };
    }
    const stretches = lateStretches(plan.amount, dueDate, plan.payments, asOf);
    const late = clause && stretches.length > 0 ? { latePenalty: latePaymentPenalty(contract, clause, stretches, outstanding > 0) } : {};
    const lateNotes = stretches.length > 0 && !clause ? withoutClause(contract, plan.notes) : {};
    if (outstanding === 0) {
      const last = plan.payments[plan.payments.length - 1]!;
      const lateBy = daysBetween(dueDate, last.date);
      return lateBy > 0 ? { ...base, ...late, ...lateNotes, state: "paid-late", paidLateDays: lateBy } : { ...base, state: "paid" };
    }
    if (compareDates(asOf, dueDate) > 0) return { ...base, ...late, ...lateNotes, state: "overdue", overdueDays: daysBetween(dueDate, asOf) };
    return { ...base, ...late, state: "due", daysLeft: daysBetween(asOf, dueDate) };
  });
}

/** A late payment under a contract without a late-payment penalty: say so, and quote its excuse. */
function withoutClause(contract: Contract, notes: readonly string[]): { notes: string[] } {
  const excuse = contract.payments.delayExcused?.trim().replace(/[。；;,，.]$/, "");
  return {
    notes: [
      ...notes,
      "合同没有约定甲方逾期付款的违约金",
      ...(excuse ? [`合同约定的免责情形：“${excuse}”`] : []),
    ],
  };
}

function stateWithoutDate(due: DueDate): InstallmentState {
  if (due.kind === "no-deadline") return "payable";
  return due.kind === "unknown-calendar" ? "unknown-calendar" : "waiting";
}

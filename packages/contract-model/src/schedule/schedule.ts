import { addMonths, BUILT_IN_CALENDAR, daysBetween, type WorkingDayCalendar } from "../calendar/index.js";
import { formatCapitals, parseCapitals } from "../capitals/index.js";
import type { Fen, Ppm } from "../money/index.js";
import type { Contract } from "../schema/contract.js";
import type { Installment } from "../schema/fees.js";
import { installmentAmounts, splitMonthly } from "./amounts.js";
import { describeBasis, describeTrigger } from "./describe.js";
import { type DueDate, dueDate, type KnownEvents } from "./due.js";

export type CapitalsCheck =
  | { status: "match" }
  | { status: "not-printed" }
  | { status: "invalid"; reason: string }
  | { status: "mismatch"; printedValue: Fen };

export type AmountCheck = { status: "match" } | { status: "not-printed" } | { status: "mismatch"; printed: Fen; difference: Fen };

export interface ScheduleRow {
  id: number;
  /** "1" or, for monthly billing, "1/3" (month 3 of installment 1). */
  key: string;
  label: string | undefined;
  clause: string | undefined;
  basis: string;
  share: Ppm | undefined;
  amount: Fen;
  capitals: string;
  trigger: string;
  due: DueDate;
  /** For monthly billing: the service month this row pays. */
  month?: string;
  finalPerAudit: boolean;
  printed: { amount?: Fen; capitals?: string } | undefined;
  amountCheck: AmountCheck;
  capitalsCheck: CapitalsCheck;
  problem?: string;
}

export interface Schedule {
  total: Fen;
  rows: ScheduleRow[];
  sum: Fen;
  /** The rows add up to the total, to the 分. */
  balanced: boolean;
}

export function checkCapitals(printed: string | undefined, value: Fen): CapitalsCheck {
  if (printed === undefined) return { status: "not-printed" };
  const r = parseCapitals(printed);
  if (!r.ok) return { status: "invalid", reason: r.reason };
  return r.fen === value ? { status: "match" } : { status: "mismatch", printedValue: r.fen };
}

export function checkAmount(printed: Fen | undefined, value: Fen): AmountCheck {
  if (printed === undefined) return { status: "not-printed" };
  return printed === value ? { status: "match" } : { status: "mismatch", printed, difference: printed - value };
}

/** Number of billing months of a monthly-priced contract: stated, or whole months of the term. */
export function billingMonths(contract: Contract): number {
  if (contract.fees.pricing.kind === "monthly" && contract.fees.pricing.months) return contract.fees.pricing.months;
  let months = 0;
  while (months < 120 && daysBetween(addMonths(contract.term.start, months + 1), contract.term.end) >= -1) months++;
  return Math.max(months, 1);
}

/**
 * The payment schedule: each installment's amount, capitals, trigger and due date, with checks
 * against the print. Working days are counted with `calendar`.
 */
export function computeSchedule(contract: Contract, events: KnownEvents = {}, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): Schedule {
  const total = contract.fees.total.amount;
  const rows: ScheduleRow[] = [];
  for (const a of installmentAmounts(contract)) {
    const inst = a.installment;
    if (inst.basis.kind === "monthly") {
      rows.push(...monthlyRows(contract, inst, a.amount, calendar));
      continue;
    }
    rows.push({
      id: inst.id,
      key: String(inst.id),
      label: inst.label,
      clause: inst.clause,
      basis: describeBasis(inst.basis),
      share: a.share,
      amount: a.amount,
      capitals: formatCapitals(a.amount),
      trigger: describeTrigger(inst.trigger, inst.offset),
      due: dueDate(inst.trigger, inst.offset, contract, events, calendar),
      finalPerAudit: inst.finalPerAudit,
      printed: printedOf(inst),
      amountCheck: checkAmount(inst.printed?.amount, a.amount),
      capitalsCheck: checkCapitals(inst.printed?.capitals, a.amount),
      ...(a.problem ? { problem: a.problem } : {}),
    });
  }
  const sum = rows.reduce((s, r) => s + r.amount, 0);
  return { total, rows, sum, balanced: sum === total };
}

function printedOf(inst: Installment): ScheduleRow["printed"] {
  if (!inst.printed) return undefined;
  const p: { amount?: Fen; capitals?: string } = {};
  if (inst.printed.amount !== undefined) p.amount = inst.printed.amount;
  if (inst.printed.capitals !== undefined) p.capitals = inst.printed.capitals;
  return p;
}

function monthlyRows(contract: Contract, inst: Installment, total: Fen, calendar: WorkingDayCalendar): ScheduleRow[] {
  const months = billingMonths(contract);
  const parts = splitMonthly(total, months);
  return parts.map((amount, i) => {
    const monthStart = addMonths(contract.term.start, i);
    const billedOn = addMonths(contract.term.start, i + 1);
    const due = dueDate(
      inst.trigger.filter((c) => c.event !== "month-billed"),
      inst.offset,
      contract,
      {},
      calendar,
    );
    return {
      id: inst.id,
      key: `${inst.id}/${i + 1}`,
      label: `第 ${i + 1} 个月`,
      clause: inst.clause,
      basis: describeBasis(inst.basis),
      share: undefined,
      amount,
      capitals: formatCapitals(amount),
      trigger: describeTrigger(inst.trigger, inst.offset),
      due: due.kind === "waiting" && due.on.length > 0 ? due : { kind: "waiting", on: inst.trigger },
      month: `${monthStart} – ${billedOn}`,
      finalPerAudit: inst.finalPerAudit,
      printed: undefined,
      amountCheck: { status: "not-printed" },
      capitalsCheck: { status: "not-printed" },
    } satisfies ScheduleRow;
  });
}

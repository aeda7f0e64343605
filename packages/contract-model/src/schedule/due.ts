import {
  addMonths,
  addNaturalDays,
  addWorkingDays,
  BUILT_IN_CALENDAR,
  type CountedWith,
  endOfMonth,
  type WorkingDayCalendar,
} from "../calendar/index.js";
import type { Contract } from "../schema/contract.js";
import type { Offset, TriggerCondition } from "../schema/fees.js";
import { setsPaymentTime } from "./deadline.js";

/** Dates on which lifecycle events happened, as far as they are known. */
export interface KnownEvents {
  signed?: string;
  effective?: string;
  "funds-received"?: string;
  "acceptance-passed"?: string;
  "audit-completed"?: string;
  "invoice-received"?: string;
  "payment-notice"?: string;
}

export type DueDate =
  /** `calendarSources`: the supplied holiday arrangements a working-day offset was counted with. */
  | ({ kind: "date"; date: string; from?: string } & CountedWith)
  | { kind: "waiting"; on: TriggerCondition[] }
  /**
   * The conditions were all met on `since`, but the contract sets no time for the payment (no
   * offset, no condition that is itself a time, no payment notice recorded under a contract-wide
   * "within N days of the notice"): the payment may be asked for, but no day makes it late.
   */
  | { kind: "no-deadline"; since: string }
  | { kind: "unknown-calendar"; year: number; message: string; triggeredOn: string }
  | { kind: "recurring" };

/** When a single condition is met, or undefined while it is not (yet) known. */
export function conditionDate(c: TriggerCondition, contract: Contract, events: KnownEvents): string | undefined {
  const signed = events.signed ?? contract.signing.date;
  switch (c.event) {
    case "signed":
      return signed;
    case "effective":
      return events.effective ?? signed;
    case "months-after-signing":
      return signed ? addMonths(signed, c.months) : undefined;
    case "months-after-start":
      return addMonths(contract.term.start, c.months);
    case "by-date":
      return c.date;
    case "in-month":
      return endOfMonth(c.month);
    case "term-ended":
      return contract.term.end;
    case "funds-received":
    case "acceptance-passed":
    case "audit-completed":
    case "invoice-received":
    case "payment-notice":
      return events[c.event];
    case "month-billed":
    case "other":
      return undefined;
  }
}

/** Applies an offset in working days (statutory calendar, as `calendar` knows it) or natural days. */
export function applyOffset(from: string, offset: Offset | undefined, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): DueDate {
  if (!offset || offset.days === 0) return { kind: "date", date: from };
  if (offset.unit === "natural") return { kind: "date", date: addNaturalDays(from, offset.days), from };
  const r = addWorkingDays(from, offset.days, calendar);
  if (r.kind === "date") return { kind: "date", date: r.date, from, ...(r.calendarSources ? { calendarSources: r.calendarSources } : {}) };
  return { kind: "unknown-calendar", year: r.year, message: r.message, triggeredOn: from };
}

/**
 * The due date of an installment: all conditions must hold ("且"), so the latest of their dates,
 * then the offset (working days counted with `calendar`). Conditions not yet met leave it waiting on
 * them; conditions met under terms that set no time for the payment give no due date at all
 * (`no-deadline`), never the day the conditions were met.
 */
export function dueDate(
  conditions: readonly TriggerCondition[],
  offset: Offset | undefined,
  contract: Contract,
  events: KnownEvents = {},
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): DueDate {
  if (conditions.some((c) => c.event === "month-billed")) return { kind: "recurring" };
  const waiting: TriggerCondition[] = [];
  let latest: string | undefined;
  for (const c of conditions) {
    if (c.event === "other") continue; // a soft condition ("双方合作无异议") does not move the date
    const d = conditionDate(c, contract, events);
    if (d === undefined) waiting.push(c);
    else if (latest === undefined || d > latest) latest = d;
  }
  if (waiting.length > 0 || latest === undefined) return { kind: "waiting", on: waiting };
  if (!setsPaymentTime({ trigger: conditions, offset })) {
    const notice = contract.payments.payWithinAfterNotice;
    const noticed = events["payment-notice"];
    if (notice === undefined || noticed === undefined) return { kind: "no-deadline", since: latest };
    return applyOffset(noticed > latest ? noticed : latest, notice, calendar);
  }
  return applyOffset(latest, offset, calendar);
}

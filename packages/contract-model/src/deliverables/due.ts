/**
 * When each of the vendor's deliverables is due.
 *
 * The rule: a periodic deliverable (daily, weekly, monthly, quarterly, yearly report) is due
 * `due.days` after the end of its period when the contract says so (natural days unless
 * `due.unit` says working days), and otherwise on the first working day after the period ends
 * (statutory calendar, make-up working days included). Periods are clipped to the service
 * term, so the report for a part-month at either end of the term covers that part. A one-off
 * deliverable is due on its `due.date`, else by `acceptance.by`, else by the end of the term.
 * Deliverables "on request" have no due date of their own.
 */
import {
  addNaturalDays,
  addWorkingDays,
  BUILT_IN_CALENDAR,
  type CountedWith,
  compareDates,
  type WorkingDayCalendar,
} from "../calendar/index.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { DELIVERABLE_FREQUENCY_NAMES, type Deliverable } from "../schema/scope.js";
import { type PeriodKind, periodsBetween } from "./periods.js";

export type DeliverableDue =
  /** `calendarSources`: the supplied holiday arrangements a working-day deadline was counted with. */
  | ({ kind: "date"; date: string } & CountedWith)
  | { kind: "unknown-calendar"; year: number; message: string };

export interface DeliverablePeriod {
  /** The period key as the ledger writes it (2026-04, 2026-W15 …), or "once". */
  key: string;
  start: string;
  end: string;
  due: DeliverableDue;
}

export const PERIOD_OF: Record<Deliverable["frequency"], PeriodKind | undefined> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  yearly: "year",
  once: undefined,
  "on-request": undefined,
};

export const FREQUENCY_NAMES: Record<Deliverable["frequency"], string> = DELIVERABLE_FREQUENCY_NAMES;

/** The due-date rule of a deliverable, in words. */
export function dueRule(d: Deliverable, contract: Contract): string {
  if (d.frequency === "on-request") return "按甲方要求提交，无固定期限";
  if (d.frequency === "once") {
    if (d.due?.date) return `合同约定${chineseDate(d.due.date)}前提交`;
    if (contract.acceptance?.by) return `合同未写提交期限，按验收截止日${chineseDate(contract.acceptance.by)}计`;
    return "合同未写提交期限，按服务期末计";
  }
  const days = d.due?.days;
  if (days === undefined) return "合同未写提交期限，按期间结束后的第一个工作日计";
  if (days === 0) return "期间结束当日提交";
  return `期间结束后 ${days} 个${d.due?.unit === "working" ? "工作日" : "自然日"}内提交`;
}

function dueAfter(end: string, d: Deliverable, calendar: WorkingDayCalendar): DeliverableDue {
  const days = d.due?.days;
  if (days === 0) return { kind: "date", date: end };
  if (days !== undefined && d.due?.unit !== "working") return { kind: "date", date: addNaturalDays(end, days) };
  return addWorkingDays(end, days ?? 1, calendar);
}

/**
 * The periods of a deliverable over the service term (to `serviceEnd`, the term's end or the
 * day the contract was terminated), each with its due date (working days counted with
 * `calendar`). Empty for "on request".
 */
export function deliverablePeriods(
  contract: Contract,
  d: Deliverable,
  serviceEnd: string = contract.term.end,
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): DeliverablePeriod[] {
  const start = contract.term.start;
  if (d.frequency === "on-request") return [];
  if (d.frequency === "once") {
    const date = d.due?.date ?? contract.acceptance?.by ?? serviceEnd;
    return [{ key: "once", start, end: date, due: { kind: "date", date } }];
  }
  const kind = PERIOD_OF[d.frequency]!;
  if (compareDates(serviceEnd, start) < 0) return [];
  return periodsBetween(kind, start, serviceEnd).map((p) => {
    const from = compareDates(p.start, start) < 0 ? start : p.start;
    const to = compareDates(p.end, serviceEnd) > 0 ? serviceEnd : p.end;
    return { key: p.key, start: from, end: to, due: dueAfter(to, d, calendar) };
  });
}

/**
 * The vendor's deliverables as of a day: each period with its due date (see deliverables/due.ts
 * for the rule) and whether it came in on time according to the ledger.
 *
 * What counts as late: a submission dated after the due date is late by the days between. A
 * period with no submission is "missing" once its due date has passed, but only for a
 * deliverable the ledger keeps track of: a one-off deliverable always, a periodic one from the
 * moment the ledger records any submission of it. A periodic deliverable the ledger never
 * mentions is "not recorded": the missing record is not taken as a missing report.
 */
import { compareDates, daysBetween, type WorkingDayCalendar } from "../calendar/index.js";
import { type DeliverableDue, deliverablePeriods, dueRule } from "../deliverables/due.js";
import type { Contract } from "../schema/contract.js";
import type { Deliverable } from "../schema/scope.js";
import { eventsOf, type Ledger } from "./ledger.js";

export type PeriodState = "on-time" | "late" | "missing" | "not-recorded" | "pending" | "unknown-calendar";

export interface PeriodStatus {
  key: string;
  start: string;
  end: string;
  due: DeliverableDue;
  submitted?: string;
  state: PeriodState;
  /** For late and missing periods: days after the due date (to the submission, or to the day of the status). */
  daysLate?: number;
}

export interface DeliverableStatus {
  id: string;
  name: string;
  frequency: Deliverable["frequency"];
  clause: string | undefined;
  /** The due-date rule, in words. */
  rule: string;
  tracked: boolean;
  /** Periods begun by the day of the status. */
  periods: PeriodStatus[];
  /** The next period not yet submitted whose due date is still ahead (or unknown). */
  next?: { key: string; due: DeliverableDue };
  /** Submissions recorded for a deliverable "on request". */
  submissions: string[];
  counts: Record<PeriodState, number>;
}

export function deliverableStatuses(
  contract: Contract,
  ledger: Ledger,
  asOf: string,
  serviceEnd: string,
  calendar: WorkingDayCalendar,
): DeliverableStatus[] {
  const submitted = eventsOf(ledger, "deliverable-submitted");
  return contract.deliverables.map((d) => {
    const mine = submitted.filter((e) => e.deliverable === d.id);
    const tracked = d.frequency === "once" || mine.length > 0;
    const firstSubmission = new Map<string, string>();
    for (const e of mine) {
      const key = d.frequency === "once" ? "once" : (e.period ?? "");
      if (!firstSubmission.has(key)) firstSubmission.set(key, e.date);
    }
    const all = deliverablePeriods(contract, d, serviceEnd, calendar);
    const periods = all
      .filter((p) => compareDates(p.start, asOf) <= 0 || firstSubmission.has(p.key))
      .map((p): PeriodStatus => judge(p, firstSubmission.get(p.key), asOf, tracked));
    const next = all.find(
      (p) => !firstSubmission.has(p.key) && (p.due.kind !== "date" || compareDates(p.due.date, asOf) >= 0),
    );
    const counts: Record<PeriodState, number> = { "on-time": 0, late: 0, missing: 0, "not-recorded": 0, pending: 0, "unknown-calendar": 0 };
    for (const p of periods) counts[p.state]++;
    return {
      id: d.id,
      name: d.name,
      frequency: d.frequency,
      clause: d.clause,
      rule: dueRule(d, contract),
      tracked,
      periods,
      ...(next ? { next: { key: next.key, due: next.due } } : {}),
      submissions: d.frequency === "on-request" ? mine.map((e) => e.date) : [],
      counts,
    };
  });
}

function judge(
  p: { key: string; start: string; end: string; due: DeliverableDue },
  submitted: string | undefined,
  asOf: string,
  tracked: boolean,
): PeriodStatus {
  const base = { key: p.key, start: p.start, end: p.end, due: p.due, ...(submitted ? { submitted } : {}) };
  if (p.due.kind !== "date") return { ...base, state: "unknown-calendar" };
  const due = p.due.date;
  if (submitted !== undefined) {
    const late = daysBetween(due, submitted);
    return late > 0 ? { ...base, state: "late", daysLate: late } : { ...base, state: "on-time" };
  }
  if (compareDates(asOf, due) <= 0) return { ...base, state: "pending" };
  return tracked ? { ...base, state: "missing", daysLate: daysBetween(due, asOf) } : { ...base, state: "not-recorded" };
}

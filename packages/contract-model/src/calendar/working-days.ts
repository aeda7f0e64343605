/**
 * Working days under the statutory calendar: Monday to Friday, minus the public holidays, plus
 * the make-up working weekend days (调休). A day whose status is not known yet is never guessed.
 * Each function counts with the calendar it is given: the built-in data, or the built-in data
 * and the years a user supplied (see calendar.ts); a date that depended on a supplied year names
 * the notices it was counted with (`calendarSources`).
 */

import { BUILT_IN_CALENDAR, dayStatus, type UnknownCalendar, type WorkingDayCalendar } from "./calendar.js";
import { formatIsoDate, fromDayNumber, requireIsoDate, toDayNumber } from "./civil.js";

export type { UnknownCalendar } from "./calendar.js";

/** The `source` of each supplied year a result was counted with; absent when the built-in data decided alone. */
export interface CountedWith {
  calendarSources?: string[];
}

export type WorkingDayDate = ({ kind: "date"; date: string } & CountedWith) | UnknownCalendar;

export type WorkingDayCount = ({ kind: "count"; count: number } & CountedWith) | UnknownCalendar;

/** Whether `date` is a working day; "unknown" when its year's arrangement is not known. */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): boolean | "unknown" {
  const status = dayStatus(calendar, toDayNumber(requireIsoDate(date)));
  return "working" in status ? status.working : "unknown";
}

/** The sources met while counting, in the order met. */
class Sources {
  private readonly seen = new Set<string>();

  add(sources: readonly string[]): void {
    for (const s of sources) this.seen.add(s);
  }

  get counted(): CountedWith {
    return this.seen.size === 0 ? {} : { calendarSources: [...this.seen] };
  }
}

/** The n-th working day after `start` (start itself not counted), n ≥ 1. */
export function addWorkingDays(start: string, n: number, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): WorkingDayDate {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`工作日天数必须是正整数，收到 ${n}`);
  let dayNumber = toDayNumber(requireIsoDate(start));
  const sources = new Sources();
  for (let found = 0; found < n; ) {
    dayNumber++;
    const status = dayStatus(calendar, dayNumber);
    if (!("working" in status)) return status;
    sources.add(status.sources);
    if (status.working) found++;
  }
  return { kind: "date", date: formatIsoDate(fromDayNumber(dayNumber)), ...sources.counted };
}

/**
 * Working days after `a` up to and including `b`, so that
 * workingDaysBetween(s, addWorkingDays(s, n).date) is n. Negative when `b` is before `a`.
 */
export function workingDaysBetween(a: string, b: string, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): WorkingDayCount {
  const from = toDayNumber(requireIsoDate(a));
  const to = toDayNumber(requireIsoDate(b));
  const [low, high] = from <= to ? [from, to] : [to, from];
  const sources = new Sources();
  let count = 0;
  for (let dayNumber = low + 1; dayNumber <= high; dayNumber++) {
    const status = dayStatus(calendar, dayNumber);
    if (!("working" in status)) return status;
    sources.add(status.sources);
    if (status.working) count++;
  }
  return { kind: "count", count: from <= to ? count : -count, ...sources.counted };
}

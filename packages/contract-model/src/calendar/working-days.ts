/**
 * Working days under the statutory calendar: Monday to Friday, minus the public holidays, plus
 * the make-up working weekend days (调休). A day whose status is not known yet is never guessed.
 */

import { type CivilDate, formatIsoDate, fromDayNumber, isoWeekday, requireIsoDate, toDayNumber } from "./civil.js";
import { arrangedStatus, calendarCoverage, isYearCovered } from "./holidays.js";

/** The answer depends on a holiday arrangement the calendar does not have. */
export type UnknownCalendar = { kind: "unknown-calendar"; year: number; message: string };

export type WorkingDayDate = { kind: "date"; date: string } | UnknownCalendar;

export type WorkingDayCount = { kind: "count"; count: number } | UnknownCalendar;

/**
 * From this day of December on, a day may still be changed by the next year's arrangement
 * (its New Year holiday has started on 12-30 and moved working days to 12-29, e.g. 2007, 2018).
 */
const LATE_DECEMBER = 24;

function unknownYear(year: number, late?: string): UnknownCalendar {
  const published = year > calendarCoverage().lastYear ? "尚未公布" : "不在日历数据中";
  const effect = late === undefined ? "" : `，${late}的调休可能随之变化`;
  return { kind: "unknown-calendar", year, message: `${year}年的法定节假日安排${published}${effect}，无法按工作日计算` };
}

function unknownFor({ year, month, day }: CivilDate): UnknownCalendar | undefined {
  if (!isYearCovered(year)) return unknownYear(year);
  if (month === 12 && day >= LATE_DECEMBER && !isYearCovered(year + 1)) return unknownYear(year + 1, `${year}年12月下旬`);
  return undefined;
}

function statusOf(dayNumber: number): boolean | UnknownCalendar {
  const date = fromDayNumber(dayNumber);
  const unknown = unknownFor(date);
  if (unknown) return unknown;
  const arranged = arrangedStatus(formatIsoDate(date));
  if (arranged !== "none") return arranged === "workday";
  return isoWeekday(dayNumber) <= 5;
}

/** Whether `date` is a working day; "unknown" when its year's arrangement is not known. */
export function isWorkingDay(date: string): boolean | "unknown" {
  const status = statusOf(toDayNumber(requireIsoDate(date)));
  return typeof status === "boolean" ? status : "unknown";
}

/** The n-th working day after `start` (start itself not counted), n ≥ 1. */
export function addWorkingDays(start: string, n: number): WorkingDayDate {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`工作日天数必须是正整数，收到 ${n}`);
  let dayNumber = toDayNumber(requireIsoDate(start));
  for (let found = 0; found < n; ) {
    dayNumber++;
    const status = statusOf(dayNumber);
    if (typeof status !== "boolean") return status;
    if (status) found++;
  }
  return { kind: "date", date: formatIsoDate(fromDayNumber(dayNumber)) };
}

/**
 * Working days after `a` up to and including `b`, so that
 * workingDaysBetween(s, addWorkingDays(s, n).date) is n. Negative when `b` is before `a`.
 */
export function workingDaysBetween(a: string, b: string): WorkingDayCount {
  const from = toDayNumber(requireIsoDate(a));
  const to = toDayNumber(requireIsoDate(b));
  const [low, high] = from <= to ? [from, to] : [to, from];
  let count = 0;
  for (let dayNumber = low + 1; dayNumber <= high; dayNumber++) {
    const status = statusOf(dayNumber);
    if (typeof status !== "boolean") return status;
    if (status) count++;
  }
  return { kind: "count", count: from <= to ? count : -count };
}

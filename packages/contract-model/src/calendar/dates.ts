/**
 * Pure arithmetic on ISO dates (`YYYY-MM-DD`). Nothing here reads the clock or depends on the
 * process time zone. Invalid dates throw a RangeError.
 */

import {
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  readIsoDate,
  requireIsoDate,
  toDayNumber,
} from "./civil.js";

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isValidIsoDate(text: string): boolean {
  return readIsoDate(text) !== undefined;
}

/** -1, 0 or 1 as `a` is before, the same as or after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Days from `a` to `b`: positive when `b` is later (2024-02-28 → 2024-03-01 is 2). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(requireIsoDate(b)) - toDayNumber(requireIsoDate(a));
}

/** `start` plus `n` calendar days (n may be negative). */
export function addNaturalDays(start: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数必须是整数，收到 ${n}`);
  return formatIsoDate(fromDayNumber(toDayNumber(requireIsoDate(start)) + n));
}

/** `start` plus `n` months, clamped to the end of a shorter month: 2024-01-31 + 1 → 2024-02-29. */
export function addMonths(start: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`月数必须是整数，收到 ${n}`);
  const { year, month, day } = requireIsoDate(start);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** The last day of a month written `YYYY-MM`: 2024-02 → 2024-02-29. */
export function endOfMonth(yearMonth: string): string {
  const match = YEAR_MONTH.exec(yearMonth);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || year < 1 || month < 1 || month > 12) {
    throw new RangeError(`“${yearMonth}”不是有效的月份，应写成 YYYY-MM，如 2026-02`);
  }
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

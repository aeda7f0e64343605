/**
 * Whole-year and whole-month arithmetic on terms, the way contracts count them: a term of one
 * year starting 2027-04-02 ends 2028-04-01. A day with no counterpart in the target month
 * (29 February, the 31st) falls on that month's last day (《民法典》第二百零三条), so a year from
 * 2028-02-29 ends 2029-02-28. Never 365-day division.
 */
import { addMonths, addNaturalDays, compareDates, daysBetween } from "../calendar/index.js";

/** The day `months` months after `date`; without a counterpart day, the day after the month's end. */
export function monthsLater(date: string, months: number): string {
  const shifted = addMonths(date, months);
  return shifted.slice(8) === date.slice(8) ? shifted : addNaturalDays(shifted, 1);
}

/** The last day of a term of `months` whole months starting on `start`. */
export function termEndAfterMonths(start: string, months: number): string {
  return addNaturalDays(monthsLater(start, months), -1);
}

/** The last day of a term of `years` whole years starting on `start`: 2027-04-02, 1 → 2028-04-01. */
export function termEndAfterYears(start: string, years: number): string {
  return termEndAfterMonths(start, 12 * years);
}

/** The last day of a term of `months` whole months and `days` days starting on `start`. */
export function termEndAfter(start: string, { months, days }: { months: number; days: number }): string {
  return addNaturalDays(monthsLater(start, months), days - 1);
}

/** The length of the term from `start` to `end`, both days included, in whole months and days. */
export interface TermLength {
  months: number;
  days: number;
  /** In years: whole when the term is whole years, else the part-month as a share of that month. */
  years: number;
}

export function termLength(start: string, end: string): TermLength {
  const next = addNaturalDays(end, 1);
  if (compareDates(next, start) < 0) return { months: 0, days: 0, years: 0 };
  const [sy, sm] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const [ny, nm] = [Number(next.slice(0, 4)), Number(next.slice(5, 7))];
  let months = Math.max(0, (ny - sy) * 12 + (nm - sm));
  while (months > 0 && compareDates(monthsLater(start, months), next) > 0) months--;
  while (compareDates(monthsLater(start, months + 1), next) <= 0) months++;
  const from = monthsLater(start, months);
  const days = daysBetween(from, next);
  const monthDays = daysBetween(from, monthsLater(start, months + 1));
  const years = Math.round(((months + days / monthDays) / 12) * 10_000) / 10_000;
  return { months, days, years };
}

/** "3 年", "1 年 4 个月", "4 个月 5 天". */
export function describeTermLength({ months, days }: TermLength): string {
  const parts: string[] = [];
  if (months >= 12) parts.push(`${Math.floor(months / 12)} 年`);
  if (months % 12) parts.push(`${months % 12} 个月`);
  if (days || parts.length === 0) parts.push(`${days} 天`);
  return parts.join(" ");
}

/**
 * Reporting periods of periodic deliverables, by integer date arithmetic: a day (2026-04-03),
 * an ISO week (2026-W15, Monday to Sunday), a month (2026-04), a quarter (2026-Q2), a year (2026).
 */
import { type CivilDate, formatIsoDate, fromDayNumber, isoWeekday, readIsoDate, toDayNumber } from "../calendar/civil.js";
import { endOfMonth } from "../calendar/dates.js";

export type PeriodKind = "day" | "week" | "month" | "quarter" | "year";

export interface Period {
  kind: PeriodKind;
  /** As written in the ledger: 2026-04-03, 2026-W15, 2026-04, 2026-Q2, 2026. */
  key: string;
  /** First and last day, both included. */
  start: string;
  end: string;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const day = (n: number) => formatIsoDate(fromDayNumber(n));
const dayNumber = (date: CivilDate) => toDayNumber(date);

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber({ year, month: 1, day: 4 });
  return jan4 - (isoWeekday(jan4) - 1);
}

function isoWeeksIn(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The period a key names, or undefined when the key is not a real period. */
export function parsePeriod(key: string): Period | undefined {
  const date = readIsoDate(key);
  if (date) return { kind: "day", key, start: key, end: key };
  let m = WEEK.exec(key);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (year < 1 || week < 1 || week > isoWeeksIn(year)) return undefined;
    const monday = isoWeekOneMonday(year) + 7 * (week - 1);
    return { kind: "week", key, start: day(monday), end: day(monday + 6) };
  }
  m = MONTH.exec(key);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (year < 1 || month < 1 || month > 12) return undefined;
    return { kind: "month", key, start: `${m[1]}-${m[2]}-01`, end: endOfMonth(key) };
  }
  m = QUARTER.exec(key);
  if (m) {
    const [year, quarter] = [Number(m[1]), Number(m[2])];
    if (year < 1) return undefined;
    const first = String(quarter * 3 - 2).padStart(2, "0");
    const last = String(quarter * 3).padStart(2, "0");
    return { kind: "quarter", key, start: `${m[1]}-${first}-01`, end: endOfMonth(`${m[1]}-${last}`) };
  }
  m = YEAR.exec(key);
  if (m && Number(m[1]) >= 1) return { kind: "year", key, start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return undefined;
}

export function isPeriodKey(key: string): boolean {
  return parsePeriod(key) !== undefined;
}

/** The key of the period of `kind` holding `date`: 2026-04-09 → 2026-W15 for a week. */
export function periodKeyOf(kind: PeriodKind, date: string): string {
  const civil = readIsoDate(date);
  if (!civil) throw new RangeError(`“${date}”不是有效的日期`);
  const y = date.slice(0, 4);
  switch (kind) {
    case "day":
      return date;
    case "month":
      return date.slice(0, 7);
    case "quarter":
      return `${y}-Q${Math.floor((civil.month - 1) / 3) + 1}`;
    case "year":
      return y;
    case "week": {
      const n = dayNumber(civil);
      const thursday = fromDayNumber(n - (isoWeekday(n) - 1) + 3);
      const week = (n - isoWeekOneMonday(thursday.year)) / 7;
      return `${String(thursday.year).padStart(4, "0")}-W${String(Math.floor(week) + 1).padStart(2, "0")}`;
    }
  }
}

/** Every period of `kind` that overlaps `start`..`end`, in order. */
export function periodsBetween(kind: PeriodKind, start: string, end: string): Period[] {
  const out: Period[] = [];
  const last = dayNumber(readIsoDate(end) ?? failDate(end));
  let cursor = dayNumber(readIsoDate(start) ?? failDate(start));
  while (cursor <= last) {
    const period = parsePeriod(periodKeyOf(kind, day(cursor)))!;
    out.push(period);
    cursor = dayNumber(readIsoDate(period.end)!) + 1;
  }
  return out;
}

function failDate(text: string): never {
  throw new RangeError(`“${text}”不是有效的日期`);
}

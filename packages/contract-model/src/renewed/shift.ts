/**
 * Dates of the current term moved into the next: a date keeps its distance from the term's start
 * (the same whole months and days, counted as terms are), the term's last day stays the last day.
 * A date that was not in the current term, or that would fall outside the next, is not guessed:
 * the reason is returned instead, for the document to print as an open point.
 */
import { addMonths, compareDates, endOfMonth } from "../calendar/index.js";
import { termEndAfter, termLength } from "../renewal/term.js";
import { chineseDate } from "../schedule/index.js";

/** A term: first and last day, both included. */
export interface DateSpan {
  start: string;
  end: string;
}

/** The moved value, or why it cannot be moved. */
export type Moved = { ok: true; value: string } | { ok: false; reason: string };

const AGREE = "须双方重新约定";

const within = (date: string, p: DateSpan) => compareDates(date, p.start) >= 0 && compareDates(date, p.end) <= 0;

/** 2024-12 → 2024年12月. */
export function chineseMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** A date of the current term in the next: 2026-06-30 in 2026-02-01 – 2026-12-31 → 2027-05-31 in a term from 2027-01-01. */
export function moveDate(date: string, previous: DateSpan, next: DateSpan): Moved {
  if (!within(date, previous)) return { ok: false, reason: `原合同为${chineseDate(date)}，不在原服务期内，${AGREE}` };
  if (date === previous.end) return { ok: true, value: next.end };
  const moved = termEndAfter(next.start, termLength(previous.start, date));
  if (!within(moved, next)) {
    return { ok: false, reason: `原合同为${chineseDate(date)}，随服务期顺延后为${chineseDate(moved)}，超出续签服务期，${AGREE}` };
  }
  return { ok: true, value: moved };
}

const monthIndex = (isoOrMonth: string) => Number(isoOrMonth.slice(0, 4)) * 12 + Number(isoOrMonth.slice(5, 7)) - 1;

/** A month (YYYY-MM) of the current term in the next: the same number of months after the start month. */
export function moveMonth(month: string, previous: DateSpan, next: DateSpan): Moved {
  const overlaps = (m: string, p: DateSpan) => compareDates(endOfMonth(m), p.start) >= 0 && compareDates(`${m}-01`, p.end) <= 0;
  if (!overlaps(month, previous)) return { ok: false, reason: `原合同为${chineseMonth(month)}，不在原服务期内，${AGREE}` };
  const moved = addMonths(`${next.start.slice(0, 7)}-01`, monthIndex(month) - monthIndex(previous.start)).slice(0, 7);
  if (!overlaps(moved, next)) {
    return { ok: false, reason: `原合同为${chineseMonth(month)}，随服务期顺延后为${chineseMonth(moved)}，超出续签服务期，${AGREE}` };
  }
  return { ok: true, value: moved };
}

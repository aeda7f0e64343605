import { addWorkingDays, BUILT_IN_CALENDAR, calendarNote, isValidIsoDate, type WorkingDayCalendar } from "@qiyue/contract-model";
import { HelperError } from "../errors.js";
import { describe, requireInteger } from "./args.js";

function requireIsoDate(helper: string, value: unknown): string {
  if (typeof value !== "string" || !isValidIsoDate(value)) {
    throw new HelperError(`${helper} 需要 YYYY-MM-DD 格式的日期，收到 ${describe(value)}`);
  }
  return value;
}

/** 2026-03-19 → 2026年3月19日. */
export function cnDate(iso: unknown): string {
  const [y, m, d] = requireIsoDate("cnDate", iso).split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/**
 * The n-th working day after `iso` under the statutory calendar (the render's `calendar`), as
 * 2026年4月1日, followed by “（按<通知>计算）” when a year supplied from a file decided it; when it
 * depends on a holiday arrangement not known yet, says so instead of guessing.
 */
export function workdayDue(iso: unknown, days: unknown, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): string {
  const start = requireIsoDate("workdayDue", iso);
  const n = requireInteger("workdayDue", days, 1);
  const due = addWorkingDays(start, n, calendar);
  return due.kind === "date" ? `${cnDate(due.date)}${calendarNote(due.calendarSources)}` : `无法确定（${due.message}）`;
}

/** The blank a form leaves for a date to be written by hand. */
export const BLANK_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

/** A date given as YYYY-MM-DD as 2026年3月19日, or, when none is given, a blank “年 月 日” to fill in. */
export function dateOrBlank(iso: unknown): string {
  return iso === undefined ? BLANK_DATE : cnDate(iso);
}

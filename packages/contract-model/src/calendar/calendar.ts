/**
 * The working-day calendar a computation uses: the built-in statutory data, plus the years a
 * user supplies from a State Council notice the data does not carry yet. Plain, immutable data,
 * passed to every function that counts working days (there is no global calendar): the same
 * inputs always give the same dates, and a calendar can be sent to a worker thread as it is.
 */
import { UserError } from "../errors/index.js";
import { type ArrangedYear, checkArrangement, HolidayArrangement } from "./arrangement.js";
import { type CivilDate, formatIsoDate, fromDayNumber, isoWeekday } from "./civil.js";
import { arrangedStatus, calendarCoverage, isYearCovered } from "./holidays.js";

/** The answer depends on a holiday arrangement the calendar does not have. */
export type UnknownCalendar = { kind: "unknown-calendar"; year: number; message: string };

/**
 * The calendar working days are counted with. Make one with `workingDayCalendar` (or read the
 * files with `loadWorkingDayCalendar`); `BUILT_IN_CALENDAR` has the built-in data only.
 */
export interface WorkingDayCalendar {
  /** The years supplied for which the built-in data has no arrangement, by year. */
  readonly supplied: Readonly<Record<number, ArrangedYear>>;
}

/** The built-in statutory data only (the package `chinese-days`). */
export const BUILT_IN_CALENDAR: WorkingDayCalendar = Object.freeze({ supplied: Object.freeze({}) });

/** The status of one day: working or not, and the supplied notices that decided it. */
export interface DayStatus {
  working: boolean;
  /** The `source` of each supplied year the answer depends on; empty when the built-in data decided. */
  sources: readonly string[];
}

/**
 * From this day of December on, a day may still be changed by the next year's arrangement
 * (its New Year holiday has started on 12-30 and moved working days to 12-29, e.g. 2007, 2018).
 */
const LATE_DECEMBER = 24;

/** Whether the calendar knows the holiday arrangement of `year`, built in or supplied. */
export function calendarKnowsYear(calendar: WorkingDayCalendar, year: number): boolean {
  return isYearCovered(year) || Object.hasOwn(calendar.supplied, year);
}

function unknownYear(year: number, late?: string): UnknownCalendar {
  const published = year > calendarCoverage().lastYear ? "尚未公布" : "不在日历数据中";
  const effect = late === undefined ? "" : `，${late}的调休可能随之变化`;
  return { kind: "unknown-calendar", year, message: `${year}年的法定节假日安排${published}${effect}，无法按工作日计算` };
}

/** Whether a day is a working day under `calendar`, or why that is not known. */
export function dayStatus(calendar: WorkingDayCalendar, dayNumber: number): DayStatus | UnknownCalendar {
  const date: CivilDate = fromDayNumber(dayNumber);
  const { year, month, day } = date;
  const late = month === 12 && day >= LATE_DECEMBER;
  if (!calendarKnowsYear(calendar, year)) return unknownYear(year);
  if (late && !calendarKnowsYear(calendar, year + 1)) return unknownYear(year + 1, `${year}年12月下旬`);
  // The arrangements that speak for this day: its year's, and for late December the next year's.
  const arrangements = [calendar.supplied[year], late ? calendar.supplied[year + 1] : undefined].filter((a) => a !== undefined);
  const sources = arrangements.map((a) => a.source);
  const iso = formatIsoDate(date);
  const builtIn = arrangedStatus(iso);
  if (builtIn !== "none") return { working: builtIn === "workday", sources };
  for (const a of arrangements) {
    if (Object.hasOwn(a.daysOff, iso)) return { working: false, sources };
    if (Object.hasOwn(a.workdays, iso)) return { working: true, sources };
  }
  return { working: isoWeekday(dayNumber) <= 5, sources };
}

/** A calendar from checked years; a year given twice is a mistake, a year built in adds nothing. */
export function calendarOf(years: readonly ArrangedYear[]): WorkingDayCalendar {
  const supplied: Record<number, ArrangedYear> = {};
  for (const y of years) {
    if (Object.hasOwn(supplied, y.year)) {
      throw new UserError("CALENDAR_YEAR_TWICE", `${y.year} 年的节假日安排给出了两次（“${supplied[y.year]!.source}”与“${y.source}”），每年只能给一份`);
    }
    // A year the built-in data covers was checked to agree with it: the built-in data decides.
    if (!isYearCovered(y.year)) supplied[y.year] = Object.freeze({ ...y, daysOff: Object.freeze({ ...y.daysOff }), workdays: Object.freeze({ ...y.workdays }) });
  }
  return Object.freeze({ supplied: Object.freeze(supplied) });
}

/**
 * A working-day calendar with the years of `arrangements` added to the built-in data, each in its
 * written form (as in the YAML file: `year`, `source`, `holidays`, `workdays`). Each is checked
 * (see `checkArrangement`); a year the built-in data already covers must agree with it, and then
 * changes nothing. Throws a UserError naming every problem.
 *
 * @example
 * ```ts
 * const calendar = workingDayCalendar([{
 *   year: 2027,
 *   source: "国务院办公厅关于2027年部分节假日安排的通知",
 *   holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }],
 *   workdays: ["2027-02-20"],
 * }]);
 * addWorkingDays("2026-12-30", 1, calendar); // { kind: "date", date: "2026-12-31", calendarSources: [...] }
 * ```
 */
export function workingDayCalendar(arrangements: readonly HolidayArrangement[]): WorkingDayCalendar {
  const years = arrangements.map((input, i) => {
    const parsed = HolidayArrangement.safeParse(input);
    const where = arrangements.length > 1 ? `第 ${i + 1} 份节假日安排` : "节假日安排";
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ code: "CALENDAR_INVALID", message: issue.message, path: issue.path.join(".") }));
      throw new UserError("CALENDAR_INVALID", `${where}写法不对：${issues.map((i) => `${i.path}：${i.message}`).join("；")}`, issues);
    }
    const checked = checkArrangement(parsed.data);
    if (!checked.ok) {
      const issues = checked.problems.map((p) => ({ code: p.code, message: p.message, path: p.path.join(".") }));
      throw new UserError(issues[0]!.code, `${where}（${parsed.data.year} 年）有误：${issues.map((i) => `${i.path}：${i.message}`).join("；")}`, issues);
    }
    return checked.year;
  });
  return calendarOf(years);
}

/** "按<source>计算" for the supplied arrangements a date depends on; "" when the built-in data decided it. */
export function calendarBasis(sources: readonly string[] | undefined): string {
  return sources === undefined || sources.length === 0 ? "" : `按${sources.join("、")}计算`;
}

/** "（按<source>计算）", to follow a date counted with supplied arrangements; "" when the built-in data decided it. */
export function calendarNote(sources: readonly string[] | undefined): string {
  const basis = calendarBasis(sources);
  return basis === "" ? "" : `（${basis}）`;
}

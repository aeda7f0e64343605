/**
 * A year's holiday arrangement supplied by the user: the days off (放假) and the make-up working
 * weekend days (调休上班) of one State Council notice, for a year the built-in data does not cover
 * yet. The notice comes out each November for the next year; qiyue's built-in data only gains the
 * year with a new release. This module holds the written form (a small YAML file, see the
 * README, "Working days in a year not yet built in") and checks it day by day.
 */
import { z } from "zod";
import { type CivilDate, formatIsoDate, fromDayNumber, isoWeekday, readIsoDate, toDayNumber } from "./civil.js";
import { arrangedStatus, isYearCovered } from "./holidays.js";

/** A notice may start the New Year holiday in the last days of the year before (2007, 2019, 2023). */
export const EARLIEST_DAY_OF_PREVIOUS_YEAR = { month: 12, day: 24 } as const;

/** No holiday of a notice is longer; a longer range is a typing mistake. */
export const LONGEST_RANGE_DAYS = 31;

const CalendarDate = z
  .string()
  .refine((text) => readIsoDate(text) !== undefined, {
    message: "日期应写作 YYYY-MM-DD，且为真实存在的日期，如 2027-02-20",
    params: { code: "INVALID_DATE" },
  })
  .meta({ description: "日期，格式 YYYY-MM-DD" });

/** One day (`date`) or several in a row (`from` … `to`, both included). */
const spanShape = {
  date: CalendarDate.optional().meta({ description: "一天：YYYY-MM-DD" }),
  from: CalendarDate.optional().meta({ description: "连续几天的第一天（含）" }),
  to: CalendarDate.optional().meta({ description: "连续几天的最后一天（含）" }),
};

const Holiday = z.strictObject({
  name: z.string().trim().min(1).meta({ description: "节日名称，照通知原文，如 春节、国庆节、中秋节" }),
  ...spanShape,
});

const WorkdayObject = z.strictObject(
  {
    ...spanShape,
    name: z.string().trim().min(1).optional().meta({ description: "为哪个节日调休，如 春节" }),
  },
  { error: (issue) => (issue.code === "invalid_type" ? "应写成日期（如 2027-02-20），或 { date: 2027-02-20, name: 春节 }" : undefined) },
);

/** A make-up working day: a date, or `{ date, name }`, or `{ from, to, name }`. */
const Workday = z.preprocess((value) => (typeof value === "string" ? { date: value } : value), WorkdayObject);

/** The written form of one year's arrangement, as in the YAML file. */
export const HolidayArrangement = z.strictObject({
  year: z.number().int().min(1900).max(9998).meta({ description: "年份，如 2027；每个文件只写一年" }),
  source: z
    .string()
    .trim()
    .min(1)
    .meta({ description: "依据：通知的全称和文号，如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）" }),
  holidays: z
    .array(Holiday)
    .min(1)
    .meta({ description: "放假：每个节日的全部休息日（含其中的周六、周日），写 date（一天）或 from 与 to（连续几天）" }),
  workdays: z
    .array(Workday)
    .optional()
    .meta({ description: "调休上班的周六、周日：日期，或 { date, name }，或 { from, to, name }" }),
});
export type HolidayArrangement = z.input<typeof HolidayArrangement>;
type ParsedArrangement = z.output<typeof HolidayArrangement>;

/** One year's arrangement, checked and spelled out day by day. Plain data. */
export interface ArrangedYear {
  year: number;
  /** The notice it comes from, as documents cite it. */
  source: string;
  /** Each day off, ISO date → the holiday's name. */
  daysOff: Readonly<Record<string, string>>;
  /** Each make-up working weekend day, ISO date → what it makes up for ("" when not said). */
  workdays: Readonly<Record<string, string>>;
}

/** Something wrong with an arrangement, at a path of the written form. */
export interface ArrangementProblem {
  code: string;
  path: (string | number)[];
  message: string;
}

/** How a message names another entry of the file: "第 5 行" when the loader knows the line. */
export type EntryName = (path: readonly (string | number)[]) => string;

const defaultEntryName: EntryName = (path) => `${String(path[0])} 第 ${Number(path[1]) + 1} 项`;

const WEEKDAYS = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

interface Span {
  path: (string | number)[];
  name: string;
  days: string[];
}

/** The dates an arrangement may name: its year, and the last days of the year before. */
function allowedWindow(year: number): { first: number; last: number; text: string } {
  const { month, day } = EARLIEST_DAY_OF_PREVIOUS_YEAR;
  return {
    first: toDayNumber({ year: year - 1, month, day }),
    last: toDayNumber({ year, month: 12, day: 31 }),
    text: `只能写 ${year} 年的日子（元旦假期可从 ${year - 1}-${month}-${day} 起）`,
  };
}

/** The days of one entry, or the problems of its form and dates. */
function spanOf(
  entry: { date?: string | undefined; from?: string | undefined; to?: string | undefined },
  path: (string | number)[],
  year: number,
  problems: ArrangementProblem[],
): string[] {
  const ranged = entry.from !== undefined || entry.to !== undefined;
  if (entry.date !== undefined && ranged) {
    problems.push({ code: "CALENDAR_SPAN_FORM", path, message: "写 date（一天）或 from 与 to（连续几天），不能同时写" });
    return [];
  }
  if (entry.date === undefined && !ranged) {
    problems.push({ code: "CALENDAR_SPAN_FORM", path, message: "缺少日期：写 date（一天）或 from 与 to（连续几天）" });
    return [];
  }
  if (ranged && (entry.from === undefined || entry.to === undefined)) {
    const missing = entry.from === undefined ? "from" : "to";
    problems.push({ code: "CALENDAR_SPAN_FORM", path, message: `缺少 ${missing}：连续几天须同时写 from（第一天）与 to（最后一天），只有一天请写 date` });
    return [];
  }
  const window = allowedWindow(year);
  const ends = entry.date !== undefined ? [["date", entry.date] as const] : [["from", entry.from!] as const, ["to", entry.to!] as const];
  let outside = false;
  for (const [key, text] of ends) {
    const n = toDayNumber(readIsoDate(text) as CivilDate);
    if (n < window.first || n > window.last) {
      problems.push({ code: "CALENDAR_DATE_OUTSIDE_YEAR", path: [...path, key], message: `${text} 不在 ${year} 年内：本文件${window.text}` });
      outside = true;
    }
  }
  if (outside) return [];
  const first = toDayNumber(readIsoDate(entry.date ?? entry.from!) as CivilDate);
  const last = toDayNumber(readIsoDate(entry.date ?? entry.to!) as CivilDate);
  if (last < first) {
    problems.push({ code: "CALENDAR_RANGE_REVERSED", path: [...path, "to"], message: `to（${entry.to}）早于 from（${entry.from}）：区间应从第一天写到最后一天` });
    return [];
  }
  if (last - first + 1 > LONGEST_RANGE_DAYS) {
    problems.push({
      code: "CALENDAR_RANGE_TOO_LONG",
      path: [...path, "to"],
      message: `${entry.from} 至 ${entry.to} 共 ${last - first + 1} 天，超过 ${LONGEST_RANGE_DAYS} 天：通知中没有这么长的假期，请检查日期`,
    });
    return [];
  }
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(formatIsoDate(fromDayNumber(n)));
  return days;
}

/** Each day of the spans, the first entry naming it; a problem for an entry naming a day again (one per entry). */
function dayIndex(spans: readonly Span[], what: string, entryName: EntryName, problems: ArrangementProblem[]): Map<string, Span> {
  const index = new Map<string, Span>();
  for (const span of spans) {
    let reported = false;
    for (const day of span.days) {
      const earlier = index.get(day);
      if (earlier === undefined) {
        index.set(day, span);
      } else if (!reported) {
        reported = true;
        const where = `${entryName(earlier.path)}${earlier.name ? `（${earlier.name}）` : ""}中`;
        problems.push({ code: "CALENDAR_DUPLICATE_DAY", path: span.path, message: `${day} 已在${where}列为${what}，每一天只能写一次` });
      }
    }
  }
  return index;
}

/**
 * Checks an arrangement in its written form: every date inside its year (the New Year holiday
 * may begin in the last days of the year before), ranges from their first to their last day and
 * at most LONGEST_RANGE_DAYS long, no day listed twice, no day both off and a make-up working
 * day, make-up working days on a Saturday or Sunday, and for a year the built-in data already
 * covers, the same working days as the built-in data. Returns the arrangement day by day, or the
 * problems at their paths.
 */
export function checkArrangement(
  input: ParsedArrangement,
  entryName: EntryName = defaultEntryName,
): { ok: true; year: ArrangedYear } | { ok: false; problems: ArrangementProblem[] } {
  const problems: ArrangementProblem[] = [];
  const { year } = input;
  const holidays: Span[] = input.holidays.map((h, i) => ({ path: ["holidays", i], name: h.name, days: spanOf(h, ["holidays", i], year, problems) }));
  const workdays: Span[] = (input.workdays ?? []).map((w, i) => ({ path: ["workdays", i], name: w.name ?? "", days: spanOf(w, ["workdays", i], year, problems) }));
  const off = dayIndex(holidays, "放假日", entryName, problems);
  const work = dayIndex(workdays, "调休上班日", entryName, problems);
  for (const [day, span] of work) {
    const weekday = isoWeekday(toDayNumber(readIsoDate(day) as CivilDate));
    const holiday = off.get(day);
    if (holiday !== undefined) {
      problems.push({
        code: "CALENDAR_DAY_OFF_AND_WORKDAY",
        path: span.path,
        message: `${day} 已在${entryName(holiday.path)}（${holiday.name}）中列为放假日，不能又是调休上班日：同一天只能是其中一种`,
      });
    } else if (weekday < 6) {
      problems.push({
        code: "CALENDAR_WORKDAY_NOT_WEEKEND",
        path: span.path,
        message: `${day} 是${WEEKDAYS[weekday]}：调休上班日只能是星期六或星期日（星期一至星期五本来就上班）`,
      });
    }
  }
  if (problems.length === 0 && isYearCovered(year)) problems.push(...differencesFromBuiltIn(year, off, work));
  if (problems.length > 0) return { ok: false, problems };
  const names = (index: Map<string, Span>) => Object.fromEntries([...index].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, span]) => [day, span.name]));
  return { ok: true, year: { year, source: input.source, daysOff: names(off), workdays: names(work) } };
}

/** Differences shown before the rest are summed up. */
const SHOWN_DIFFERENCES = 10;

/**
 * A year the built-in data covers may be supplied again only as the built-in data has it: the
 * days from the end of the year before (the New Year holiday) to 12-23 compared one by one, and
 * the days after 12-23 the file names (the rest belongs to the next year's notice).
 */
function differencesFromBuiltIn(year: number, off: ReadonlyMap<string, Span>, work: ReadonlyMap<string, Span>): ArrangementProblem[] {
  const window = allowedWindow(year);
  const lastCompared = toDayNumber({ year, month: 12, day: 23 });
  const problems: ArrangementProblem[] = [];
  let differences = 0;
  for (let n = window.first; n <= window.last; n++) {
    const day = formatIsoDate(fromDayNumber(n));
    if (n > lastCompared && !off.has(day) && !work.has(day)) continue;
    const builtIn = arrangedStatus(day);
    const builtInWorking = builtIn === "none" ? isoWeekday(n) <= 5 : builtIn === "workday";
    const fileWorking = off.has(day) ? false : work.has(day) ? true : isoWeekday(n) <= 5;
    if (builtInWorking === fileWorking) continue;
    differences++;
    if (differences > SHOWN_DIFFERENCES) continue;
    const said = (working: boolean) => (working ? "上班" : "放假");
    const path = off.get(day)?.path ?? work.get(day)?.path ?? [builtInWorking ? "workdays" : "holidays"];
    const listed = off.has(day) || work.has(day) ? `本文件写为${said(fileWorking)}` : `本文件未列出，按星期算为${said(fileWorking)}`;
    problems.push({
      code: "CALENDAR_DIFFERS_FROM_BUILT_IN",
      path,
      message: `${year} 年的安排已内置，${day} 按内置数据${said(builtInWorking)}，${listed}：已内置的年份，文件须与内置数据一致（或删去该文件）`,
    });
  }
  if (differences > SHOWN_DIFFERENCES) {
    problems.push({ code: "CALENDAR_DIFFERS_FROM_BUILT_IN", path: ["year"], message: `与内置的 ${year} 年安排共有 ${differences} 天不同，以上只列出前 ${SHOWN_DIFFERENCES} 天` });
  }
  return problems;
}

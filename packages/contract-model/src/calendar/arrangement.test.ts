import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors/index.js";
import { calendarBasis, calendarNote, workingDayCalendar } from "./calendar.js";
import { CalendarLoadError, loadHolidayArrangement, loadWorkingDayCalendar, parseHolidayArrangement } from "./load.js";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days.js";

/** A made-up 2027 arrangement, labelled as a test fixture (it is not a State Council notice). */
const FIXTURE = fileURLToPath(new URL("../../../../test/fixtures/holidays-2027.fixture.yaml", import.meta.url));
const SOURCE = "测试用虚构安排（非官方通知）";

const minimal = `year: 2027
source: 测试用通知
holidays:
  - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }
  - { name: 春节, from: 2027-02-06, to: 2027-02-14 }
workdays:
  - 2027-02-20
`;

function issuesOf(source: string): Issue[] {
  try {
    parseHolidayArrangement(source, "2027.yaml");
  } catch (e) {
    if (e instanceof CalendarLoadError) return [...e.issues];
    throw e;
  }
  throw new Error("expected a CalendarLoadError");
}

const where = (i: Issue) => [i.code, i.line, i.column];

describe("reading a year's holiday arrangement", () => {
  it("spells the fixture out day by day: ranges, single dates, bare and named make-up days", async () => {
    const { arrangement } = await loadHolidayArrangement(FIXTURE);
    expect(arrangement.year).toBe(2027);
    expect(arrangement.source).toBe(SOURCE);
    expect(Object.keys(arrangement.daysOff)).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
    expect(arrangement.daysOff["2027-02-10"]).toBe("春节");
    expect(arrangement.daysOff["2027-06-09"]).toBe("端午节");
    expect(arrangement.workdays).toEqual({ "2027-02-20": "春节", "2027-04-25": "劳动节", "2027-05-08": "", "2027-09-26": "国庆节", "2027-10-09": "" });
  });

  it("a syntax error and an unknown field are reported at their line and column", () => {
    expect(issuesOf(minimal.replace("to: 2027-01-03 }", "to: 2027-01-03")).map(where)[0]).toEqual(["YAML_SYNTAX", 5, 3]);
    const [unknown] = issuesOf(minimal.replace("source: 测试用通知", "source: 测试用通知\nnotice: 另一份"));
    expect(where(unknown!)).toEqual(["SCHEMA_UNRECOGNIZED_KEYS", 3, 1]);
    expect(unknown!.message).toContain("可用的字段：year、source、holidays、workdays");
  });

  it("source is required, and at least one holiday", () => {
    const [source] = issuesOf(minimal.replace("source: 测试用通知\n", ""));
    expect(source).toMatchObject({ path: "source", line: 1, column: 1 });
    expect(source!.message).toContain("缺少必填字段");
    expect(issuesOf("year: 2027\nsource: 通知\nholidays: []\n")[0]).toMatchObject({ path: "holidays", line: 3, column: 11, message: "至少需要 1 项" });
  });

  it("an invalid date is reported where it is written", () => {
    const [bad] = issuesOf(minimal.replace("to: 2027-01-03", "to: 2027-02-30"));
    expect(bad).toMatchObject({ code: "INVALID_DATE", path: "holidays[0].to", line: 4, column: 39 });
    expect(issuesOf(minimal.replace("  - 2027-02-20", "  - 20270220"))[0]).toMatchObject({ path: "workdays[0]", line: 7, column: 5 });
  });

  it("a date outside its year is an error, except the last days of December before it", () => {
    const [outside] = issuesOf(minimal.replace("from: 2027-02-06", "from: 2028-02-06"));
    expect(where(outside!)).toEqual(["CALENDAR_DATE_OUTSIDE_YEAR", 5, 23]);
    expect(outside!.message).toBe("2028-02-06 不在 2027 年内：本文件只能写 2027 年的日子（元旦假期可从 2026-12-24 起）");
    expect(where(issuesOf(minimal.replace("from: 2027-01-01", "from: 2026-12-23"))[0]!)).toEqual(["CALENDAR_DATE_OUTSIDE_YEAR", 4, 23]);
    const early = parseHolidayArrangement(minimal.replace("from: 2027-01-01", "from: 2026-12-31"), "2027.yaml");
    expect(early.arrangement.daysOff["2026-12-31"]).toBe("元旦");
  });

  it("a range must run from its first to its last day, and not be longer than a month", () => {
    const [reversed] = issuesOf(minimal.replace("from: 2027-02-06, to: 2027-02-14", "from: 2027-02-14, to: 2027-02-06"));
    expect(where(reversed!)).toEqual(["CALENDAR_RANGE_REVERSED", 5, 39]);
    expect(reversed!.message).toContain("to（2027-02-06）早于 from（2027-02-14）");
    const [long] = issuesOf(minimal.replace("to: 2027-02-14", "to: 2027-04-14"));
    expect(where(long!)).toEqual(["CALENDAR_RANGE_TOO_LONG", 5, 39]);
  });

  it("an entry is one date or one range, written completely", () => {
    const both = issuesOf(minimal.replace("{ name: 元旦, from", "{ name: 元旦, date: 2027-01-01, from"));
    expect(both.map(where)).toEqual([["CALENDAR_SPAN_FORM", 4, 5]]);
    expect(issuesOf(minimal.replace(", to: 2027-01-03", ""))[0]!.message).toContain("缺少 to");
    expect(issuesOf(minimal.replace(", from: 2027-01-01, to: 2027-01-03", ""))[0]!.message).toBe("缺少日期：写 date（一天）或 from 与 to（连续几天）");
  });

  it("a day listed twice is an error at the second entry, naming the line of the first", () => {
    const [twice] = issuesOf(minimal.replace("from: 2027-02-06, to: 2027-02-14", "from: 2027-01-03, to: 2027-01-05"));
    expect(where(twice!)).toEqual(["CALENDAR_DUPLICATE_DAY", 5, 5]);
    expect(twice!.message).toBe("2027-01-03 已在第 4 行（元旦）中列为放假日，每一天只能写一次");
    const [again] = issuesOf(`${minimal}  - 2027-02-20\n`);
    expect(where(again!)).toEqual(["CALENDAR_DUPLICATE_DAY", 8, 5]);
    // the other days of an overlapping entry are still checked
    const overlapping = issuesOf(minimal.replace("from: 2027-02-06, to: 2027-02-14", "from: 2027-01-03, to: 2027-01-09").replace("2027-02-20", "2027-01-09"));
    expect(overlapping.map(where)).toEqual([
      ["CALENDAR_DUPLICATE_DAY", 5, 5],
      ["CALENDAR_DAY_OFF_AND_WORKDAY", 7, 5],
    ]);
  });

  it("a day cannot be both off and a make-up working day", () => {
    const [both] = issuesOf(minimal.replace("  - 2027-02-20", "  - 2027-02-13"));
    expect(where(both!)).toEqual(["CALENDAR_DAY_OFF_AND_WORKDAY", 7, 5]);
    expect(both!.message).toContain("2027-02-13 已在第 5 行（春节）中列为放假日，不能又是调休上班日");
  });

  it("a make-up working day must be a Saturday or a Sunday", () => {
    const [weekday] = issuesOf(minimal.replace("  - 2027-02-20", "  - { date: 2027-02-22, name: 春节 }"));
    expect(where(weekday!)).toEqual(["CALENDAR_WORKDAY_NOT_WEEKEND", 7, 5]);
    expect(weekday!.message).toBe("2027-02-22 是星期一：调休上班日只能是星期六或星期日（星期一至星期五本来就上班）");
  });

  it("a year the built-in data covers must agree with it", () => {
    const agreeing = `year: 2026
source: 国务院办公厅关于2026年部分节假日安排的通知
holidays:
  - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
  - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
  - { name: 清明节, from: 2026-04-04, to: 2026-04-06 }
  - { name: 劳动节, from: 2026-05-01, to: 2026-05-05 }
  - { name: 端午节, from: 2026-06-19, to: 2026-06-21 }
  - { name: 中秋节, from: 2026-09-25, to: 2026-09-27 }
  - { name: 国庆节, from: 2026-10-01, to: 2026-10-07 }
workdays: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]
`;
    expect(parseHolidayArrangement(agreeing, "2026.yaml").arrangement.year).toBe(2026);
    const [moved] = issuesOf(agreeing.replace("to: 2026-02-23", "to: 2026-02-24"));
    expect(where(moved!)).toEqual(["CALENDAR_DIFFERS_FROM_BUILT_IN", 5, 5]);
    expect(moved!.message).toBe("2026 年的安排已内置，2026-02-24 按内置数据上班，本文件写为放假：已内置的年份，文件须与内置数据一致（或删去该文件）");
    const [missing] = issuesOf(agreeing.replace(", 2026-10-10]", "]"));
    expect(where(missing!)).toEqual(["CALENDAR_DIFFERS_FROM_BUILT_IN", 11, 11]);
    expect(missing!.message).toContain("2026-10-10 按内置数据上班，本文件未列出，按星期算为放假");
  });

  it("two files for one year: an error at the second file's year", async () => {
    const error = await loadWorkingDayCalendar([FIXTURE, FIXTURE]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarLoadError);
    expect((error as CalendarLoadError).issues[0]).toMatchObject({ code: "CALENDAR_YEAR_TWICE", line: 4, column: 7 });
  });

  it("a missing file is a load error", async () => {
    await expect(loadHolidayArrangement("no/such/2027.yaml")).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
  });
});

describe("counting working days with a supplied year", () => {
  it("answers for 2027 only with the year supplied, and names the notice", async () => {
    const calendar = await loadWorkingDayCalendar([FIXTURE]);
    expect(isWorkingDay("2027-02-08")).toBe("unknown");
    expect(isWorkingDay("2027-02-08", calendar)).toBe(false); // 春节
    expect(isWorkingDay("2027-02-20", calendar)).toBe(true); // a Saturday worked
    expect(isWorkingDay("2027-02-21", calendar)).toBe(false); // an ordinary Sunday
    expect(addWorkingDays("2026-12-31", 1)).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(addWorkingDays("2026-12-31", 1, calendar)).toEqual({ kind: "date", date: "2027-01-04", calendarSources: [SOURCE] });
    expect(addWorkingDays("2027-02-05", 2, calendar)).toEqual({ kind: "date", date: "2027-02-16", calendarSources: [SOURCE] });
    expect(workingDaysBetween("2027-02-05", "2027-02-20", calendar)).toEqual({ kind: "count", count: 6, calendarSources: [SOURCE] });
  });

  it("makes the last days of December 2026 known, counted with the 2027 notice", async () => {
    const calendar = await loadWorkingDayCalendar([FIXTURE]);
    expect(addWorkingDays("2026-12-21", 3)).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(addWorkingDays("2026-12-21", 3, calendar)).toEqual({ kind: "date", date: "2026-12-24", calendarSources: [SOURCE] });
    // Built-in days alone name no notice.
    expect(addWorkingDays("2026-12-21", 2, calendar)).toEqual({ kind: "date", date: "2026-12-23" });
  });

  it("still does not guess the year after", async () => {
    const calendar = await loadWorkingDayCalendar([FIXTURE]);
    expect(addWorkingDays("2027-12-20", 5, calendar)).toMatchObject({ kind: "unknown-calendar", year: 2028 });
    expect(isWorkingDay("2028-03-01", calendar)).toBe("unknown");
  });

  it("workingDayCalendar takes the written form, checked the same way", () => {
    const calendar = workingDayCalendar([{ year: 2027, source: "通知", holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }] }]);
    expect(addWorkingDays("2026-12-31", 1, calendar)).toEqual({ kind: "date", date: "2027-01-04", calendarSources: ["通知"] });
    expect(() => workingDayCalendar([{ year: 2027, source: "通知", holidays: [{ name: "元旦", date: "2027-01-01" }], workdays: ["2027-01-04"] }])).toThrow(
      /workdays\.0：2027-01-04 是星期一/,
    );
    const one = { year: 2027, source: "通知", holidays: [{ name: "元旦", date: "2027-01-01" }] };
    expect(() => workingDayCalendar([one, one])).toThrow(/2027 年的节假日安排给出了两次/);
  });

  it("is plain data: it survives a structured clone (a worker thread)", async () => {
    const calendar = structuredClone(await loadWorkingDayCalendar([FIXTURE]));
    expect(addWorkingDays("2026-12-31", 1, calendar)).toMatchObject({ date: "2027-01-04" });
  });

  it("calendarNote names the notices once", () => {
    expect(calendarNote(undefined)).toBe("");
    expect(calendarNote(["A"])).toBe("（按A计算）");
    expect(calendarNote(["A", "B"])).toBe("（按A、B计算）");
    expect(calendarBasis(["A"])).toBe("按A计算");
    expect(calendarBasis([])).toBe("");
  });
});

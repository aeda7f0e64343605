import { isWorkday as packageIsWorkday } from "chinese-days";
import { describe, expect, it } from "vitest";
import { calendarCoverage, isYearCovered } from "./holidays.js";
import { isWorkingDay } from "./working-days.js";

/** Expand "MM-DD..MM-DD" ranges of one year into ISO dates. */
function days(year: number, ...ranges: string[]): string[] {
  return ranges.flatMap((range) => {
    const [from, to = from] = range.split("..") as [string, string?];
    const out: string[] = [];
    for (let t = Date.parse(`${year}-${from}T00:00Z`); t <= Date.parse(`${year}-${to}T00:00Z`); t += 86_400_000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
    return out;
  });
}

/**
 * The State Council notices (国务院办公厅关于 2024 / 2025 / 2026 年部分节假日安排的通知), written out
 * by hand: days off (放假) and weekend days that are working days (上班).
 */
const NOTICES = [
  {
    year: 2024,
    off: days(2024, "01-01", "02-10..02-17", "04-04..04-06", "05-01..05-05", "06-10", "09-15..09-17", "10-01..10-07"),
    work: days(2024, "02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"),
  },
  {
    year: 2025,
    off: days(2025, "01-01", "01-28..02-04", "04-04..04-06", "05-01..05-05", "05-31..06-02", "10-01..10-08"),
    work: days(2025, "01-26", "02-08", "04-27", "09-28", "10-11"),
  },
  {
    year: 2026,
    off: days(
      2026,
      "01-01..01-03",
      "02-15..02-23",
      "04-04..04-06",
      "05-01..05-05",
      "06-19..06-21",
      "09-25..09-27",
      "10-01..10-07",
    ),
    work: days(2026, "01-04", "02-14", "02-28", "05-09", "09-20", "10-10"),
  },
];

describe("calendar coverage", () => {
  it("covers 2004 to 2026 without a gap", () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect({ firstYear, lastYear }).toEqual({ firstYear: 2004, lastYear: 2026 });
    for (let year = firstYear; year <= lastYear; year++) expect(isYearCovered(year)).toBe(true);
    expect(isYearCovered(2003)).toBe(false);
    expect(isYearCovered(2027)).toBe(false);
  });

  it.each(NOTICES)("agrees with the State Council notice for $year on every day of the year", ({ year, off, work }) => {
    const offDays = new Set(off);
    const workDays = new Set(work);
    for (const date of days(year, "01-01..12-23")) {
      const weekday = new Date(`${date}T00:00Z`).getUTCDay();
      const expected = workDays.has(date) || (!offDays.has(date) && weekday >= 1 && weekday <= 5);
      expect([date, isWorkingDay(date)]).toEqual([date, expected]);
    }
  });

  it("makes no working day of a weekday of a year it does not cover, unlike chinese-days", () => {
    // 2027-02-08 is a Monday inside the 2027 Spring Festival week, whose arrangement is unknown.
    expect(packageIsWorkday("2027-02-08")).toBe(true);
    expect(isWorkingDay("2027-02-08")).toBe("unknown");
  });
});

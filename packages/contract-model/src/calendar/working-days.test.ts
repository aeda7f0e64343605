import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addNaturalDays } from "./dates.js";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days.js";

describe("isWorkingDay", () => {
  it.each([
    ["2026-02-13", true], // Friday before the Spring Festival
    ["2026-02-14", true], // Saturday, make-up working day
    ["2026-02-15", false], // Sunday, first day off
    ["2026-02-16", false], // Monday, 除夕
    ["2026-02-23", false], // Monday, last day off
    ["2026-02-24", true],
    ["2026-02-28", true], // Saturday, make-up working day
    ["2026-03-01", false], // an ordinary Sunday
    ["2025-09-28", true], // Sunday, make-up for National Day
    ["2025-10-08", false], // Wednesday, last day off
    ["2025-10-11", true], // Saturday, make-up
    ["2024-09-14", true],
    ["2024-09-29", true],
  ] as const)("%s → %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("answers unknown outside the covered years, never a guess", () => {
    expect(isWorkingDay("2027-03-01")).toBe("unknown");
    expect(isWorkingDay("2003-06-02")).toBe("unknown");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), (offset) => {
        expect(isWorkingDay(addNaturalDays("2027-01-01", offset))).toBe("unknown");
      }),
    );
  });

  it("answers unknown for the last days of December before an unknown year", () => {
    expect(isWorkingDay("2026-12-23")).toBe(true); // Wednesday
    expect(isWorkingDay("2026-12-24")).toBe("unknown");
    expect(isWorkingDay("2026-12-31")).toBe("unknown");
    expect(isWorkingDay("2025-12-31")).toBe(true); // 2026 is known: an ordinary Wednesday
  });

  it("throws a RangeError for an invalid date", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // 000: from signing on Thursday 2026-03-19; 清明 04-04..06 and 劳动节 05-01..05 are off.
    ["2026-03-19", 30, "2026-05-06"],
    // 001 starts on Sunday 2024-09-01: 中秋 09-15..17 with Saturday 09-14 worked, 国庆 10-01..07
    // with Sunday 09-29 and Saturday 10-12 worked.
    ["2024-09-01", 11, "2024-09-14"],
    ["2024-09-01", 12, "2024-09-18"],
    ["2024-09-01", 15, "2024-09-23"],
    ["2024-09-01", 20, "2024-09-29"],
    ["2024-09-01", 21, "2024-09-30"],
    ["2024-09-01", 22, "2024-10-08"],
    ["2024-09-01", 26, "2024-10-12"],
    // Across New Year 2025 (01-01 off, no make-up day).
    ["2024-12-25", 10, "2025-01-09"],
    // Across New Year 2026 (01-01..03 off, Sunday 01-04 worked).
    ["2025-12-25", 4, "2025-12-31"],
    ["2025-12-25", 5, "2026-01-04"],
    ["2025-12-25", 10, "2026-01-09"],
    // Spring Festival 2026.
    ["2026-02-12", 1, "2026-02-13"],
    ["2026-02-12", 2, "2026-02-14"],
    ["2026-02-12", 3, "2026-02-24"],
    ["2026-02-12", 6, "2026-02-27"],
    ["2026-02-12", 7, "2026-02-28"],
    ["2026-02-12", 8, "2026-03-02"],
    // National Day 2025.
    ["2025-09-26", 1, "2025-09-28"],
    ["2025-09-26", 3, "2025-09-30"],
    ["2025-09-26", 4, "2025-10-09"],
    ["2025-09-26", 6, "2025-10-11"],
    ["2025-09-26", 7, "2025-10-13"],
    // Starting on a holiday.
    ["2025-10-01", 1, "2025-10-09"],
    // 003: 5 working days to report a leak, from Friday 2026-04-03 across 清明.
    ["2026-04-03", 5, "2026-04-13"],
  ] as const)("%s + %d working days is %s", (start, n, expected) => {
    expect(addWorkingDays(start, n)).toEqual({ kind: "date", date: expected });
  });

  it("reports an unknown calendar instead of guessing", () => {
    expect(addWorkingDays("2028-01-03", 1)).toEqual({
      kind: "unknown-calendar",
      year: 2028,
      message: "2028年的法定节假日安排尚未公布，无法按工作日计算",
    });
    expect(addWorkingDays("2026-12-10", 30)).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(addWorkingDays("2026-12-21", 2)).toEqual({ kind: "date", date: "2026-12-23" });
    expect(addWorkingDays("2026-12-21", 3)).toEqual({
      kind: "unknown-calendar",
      year: 2027,
      message: "2027年的法定节假日安排尚未公布，2026年12月下旬的调休可能随之变化，无法按工作日计算",
    });
    expect(addWorkingDays("2003-12-20", 1)).toEqual({
      kind: "unknown-calendar",
      year: 2003,
      message: "2003年的法定节假日安排不在日历数据中，无法按工作日计算",
    });
  });

  it("does not need the start day's own year to be known", () => {
    // 2004-01-01 was off; Friday 2004-01-02 was the first working day.
    expect(addWorkingDays("2003-12-31", 1)).toEqual({ kind: "date", date: "2004-01-02" });
  });

  it.each([0, -1, 1.5, Number.NaN])("throws a RangeError for n = %d", (n) => {
    expect(() => addWorkingDays("2026-03-19", n)).toThrow(RangeError);
  });

  it("lands on a working day that workingDaysBetween counts back to n", () => {
    const start = fc.integer({ min: 0, max: 8000 }).map((offset) => addNaturalDays("2004-01-01", offset));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 400 }), (from, n) => {
        const result = addWorkingDays(from, n);
        if (result.kind === "unknown-calendar") {
          expect(result.year).toBe(2027);
          return;
        }
        expect(isWorkingDay(result.date)).toBe(true);
        expect(workingDaysBetween(from, result.date)).toEqual({ kind: "count", count: n });
        expect(workingDaysBetween(from, addNaturalDays(result.date, -1))).toEqual({ kind: "count", count: n - 1 });
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to and including the second", () => {
    expect(workingDaysBetween("2026-03-19", "2026-05-06")).toEqual({ kind: "count", count: 30 });
    expect(workingDaysBetween("2026-05-06", "2026-03-19")).toEqual({ kind: "count", count: -30 });
    expect(workingDaysBetween("2026-03-19", "2026-03-19")).toEqual({ kind: "count", count: 0 });
    // The whole 2026 Spring Festival break: nothing between Saturday 02-14 and Tuesday 02-24 but 02-24.
    expect(workingDaysBetween("2026-02-14", "2026-02-24")).toEqual({ kind: "count", count: 1 });
  });

  it("reports an unknown calendar when the range reaches an uncovered year", () => {
    expect(workingDaysBetween("2026-03-19", "2027-03-18")).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(workingDaysBetween("2004-01-05", "2003-12-30")).toMatchObject({ kind: "unknown-calendar", year: 2003 });
  });
});

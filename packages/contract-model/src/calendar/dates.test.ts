import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeekday, readIsoDate, toDayNumber } from "./civil.js";
import { addMonths, addNaturalDays, compareDates, daysBetween, endOfMonth, isValidIsoDate } from "./dates.js";

const DAY_MS = 86_400_000;

/** Oracle: the same arithmetic through UTC timestamps (tests only; the module never uses Date). */
function utc(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const isoDate = fc
  .integer({ min: utc("1900-01-01") / DAY_MS, max: utc("2199-12-31") / DAY_MS })
  .map((day) => isoOf(day * DAY_MS));

describe("isValidIsoDate", () => {
  it.each(["2024-02-29", "2000-02-29", "2026-03-19", "0001-01-01", "9999-12-31"])("accepts %s", (text) => {
    expect(isValidIsoDate(text)).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "2024-01-00",
    "2024-1-01",
    "24-01-01",
    "0000-01-01",
    " 2024-01-01",
    "2024-01-01T00:00",
    "2024/01/01",
    "",
  ])("rejects %j", (text) => {
    expect(isValidIsoDate(text)).toBe(false);
  });
});

describe("daysBetween and addNaturalDays", () => {
  it.each([
    ["2024-02-28", "2024-03-01", 2],
    ["2023-02-28", "2023-03-01", 1],
    ["2024-09-01", "2024-12-31", 121],
    ["2026-03-19", "2027-03-18", 364],
    ["2024-10-08", "2025-10-07", 364],
    ["2026-02-01", "2026-12-31", 333],
    ["2026-05-06", "2026-03-19", -48],
    ["1970-01-01", "1970-01-01", 0],
  ] as const)("%s → %s is %d days", (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
    expect(addNaturalDays(a, days)).toBe(b);
  });

  it("agree with UTC timestamps", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(a, b)).toBe((utc(b) - utc(a)) / DAY_MS);
        expect(addNaturalDays(a, daysBetween(a, b))).toBe(b);
      }),
    );
  });

  it("throws a RangeError for invalid input and outside years 1–9999", () => {
    expect(() => daysBetween("2024-02-30", "2024-03-01")).toThrow(RangeError);
    expect(() => addNaturalDays("2024-01-01", 1.5)).toThrow(RangeError);
    expect(() => addNaturalDays("9999-12-31", 1)).toThrow(RangeError);
    expect(() => addNaturalDays("0001-01-01", -1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-05-31", 1, "2024-06-30"],
    ["2024-12-15", 1, "2025-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2026-03-19", 12, "2027-03-19"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-01-31", 13, "2026-02-28"],
    ["2026-04-02", 0, "2026-04-02"],
    ["2026-04-02", -24, "2024-04-02"],
  ] as const)("%s + %d months is %s", (start, n, expected) => {
    expect(addMonths(start, n)).toBe(expected);
  });

  it("keeps the day of month, or clamps it to the end of the target month", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (start, n) => {
        const [y, m, d] = start.split("-").map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
        expect(addMonths(start, n)).toBe(isoOf(Date.UTC(y, m - 1 + n, Math.min(d, lastDay))));
      }),
    );
  });

  it("throws a RangeError for a non-integer count or a year beyond 9999", () => {
    expect(() => addMonths("2024-01-31", 0.5)).toThrow(RangeError);
    expect(() => addMonths("9999-12-01", 1)).toThrow(RangeError);
  });
});

describe("endOfMonth", () => {
  it.each([
    ["2024-02", "2024-02-29"],
    ["2023-02", "2023-02-28"],
    ["2000-02", "2000-02-29"],
    ["1900-02", "1900-02-28"],
    ["2026-04", "2026-04-30"],
    ["2026-12", "2026-12-31"],
  ])("%s ends on %s", (month, expected) => {
    expect(endOfMonth(month)).toBe(expected);
  });

  it.each(["2024-13", "2024-00", "2024-2", "2024-02-01", "0000-01"])("rejects %s", (month) => {
    expect(() => endOfMonth(month)).toThrow(RangeError);
  });
});

describe("compareDates", () => {
  it("orders dates", () => {
    expect(compareDates("2024-09-01", "2024-12-31")).toBe(-1);
    expect(compareDates("2025-01-01", "2024-12-31")).toBe(1);
    expect(compareDates("2026-03-19", "2026-03-19")).toBe(0);
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(utc(a) - utc(b)));
      }),
    );
  });

  it("throws a RangeError for an invalid date", () => {
    expect(() => compareDates("2024-02-30", "2024-03-01")).toThrow(RangeError);
  });
});

describe("isoWeekday", () => {
  it("matches the UTC weekday", () => {
    expect(isoWeekday(toDayNumber(readIsoDate("2026-03-19")!))).toBe(4); // a Thursday
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(isoWeekday(toDayNumber(readIsoDate(date)!))).toBe(new Date(utc(date)).getUTCDay() || 7);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { describeTermLength, monthsLater, termEndAfterYears, termLength } from "./term.js";

describe("whole-year terms", () => {
  it("a year from 2027-04-02 ends 2028-04-01", () => {
    expect(termEndAfterYears("2027-04-02", 1)).toBe("2028-04-01");
    expect(termEndAfterYears("2027-04-02", 2)).toBe("2029-04-01");
    expect(termEndAfterYears("2025-01-01", 1)).toBe("2025-12-31");
  });

  it("a year starting on 29 February ends on 28 February, one starting 1 March ends on the 29th", () => {
    expect(monthsLater("2028-02-29", 12)).toBe("2029-03-01");
    expect(termEndAfterYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(termEndAfterYears("2027-03-01", 1)).toBe("2028-02-29");
    expect(termEndAfterYears("2028-02-29", 4)).toBe("2032-02-28");
  });

  it("measures terms in whole months and days, never by 365-day division", () => {
    expect(termLength("2026-04-02", "2029-04-01")).toEqual({ months: 36, days: 0, years: 3 });
    expect(termLength("2024-09-01", "2025-12-31")).toEqual({ months: 16, days: 0, years: 1.3333 });
    // 2028 is a leap year: 366 days are still exactly one year.
    expect(termLength("2028-01-01", "2028-12-31").years).toBe(1);
    expect(termLength("2026-04-02", "2029-04-02")).toMatchObject({ months: 36, days: 1 });
    expect(termLength("2026-04-02", "2026-04-01")).toEqual({ months: 0, days: 0, years: 0 });
  });

  it("describes a length in words", () => {
    expect(describeTermLength(termLength("2026-04-02", "2029-04-01"))).toBe("3 年");
    expect(describeTermLength(termLength("2024-09-01", "2025-12-31"))).toBe("1 年 4 个月");
    expect(describeTermLength(termLength("2026-04-02", "2029-04-02"))).toBe("3 年 1 天");
    expect(describeTermLength(termLength("2026-04-02", "2026-04-06"))).toBe("5 天");
  });
});

import { workingDayCalendar } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { BLANK_DATE, cnDate, dateOrBlank, workdayDue } from "./dates.js";

describe("date helpers", () => {
  it("cnDate writes 2026年3月19日", () => {
    expect(cnDate("2026-03-19")).toBe("2026年3月19日");
    expect(cnDate("2024-12-01")).toBe("2024年12月1日");
    expect(() => cnDate("2026-02-30")).toThrow(/YYYY-MM-DD/);
  });

  it("workdayDue counts the statutory calendar (the make-up Saturday 2024-09-14 is a working day)", () => {
    expect(workdayDue("2024-09-01", 15)).toBe("2024年9月23日");
  });

  it("workdayDue says so when the calendar of the year is not known", () => {
    expect(workdayDue("2099-06-01", 10)).toMatch(/^无法确定（2099年的法定节假日安排.*无法按工作日计算）$/);
    expect(() => workdayDue("2024-09-01", 0)).toThrow(/不小于 1/);
  });

  it("workdayDue counts a year supplied from a file, and names it", () => {
    const calendar = workingDayCalendar([{ year: 2027, source: "测试用虚构安排", holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }] }]);
    expect(workdayDue("2026-12-31", 1)).toMatch(/^无法确定（2027年/);
    expect(workdayDue("2026-12-31", 1, calendar)).toBe("2027年1月4日（按测试用虚构安排计算）");
    expect(workdayDue("2024-09-01", 15, calendar)).toBe("2024年9月23日");
  });

  it("dateOrBlank leaves a blank to fill in when no date is given", () => {
    expect(dateOrBlank(undefined)).toBe(BLANK_DATE);
    expect(BLANK_DATE).toBe("　　　　年　　月　　日");
    expect(dateOrBlank("2027-03-18")).toBe("2027年3月18日");
  });
});

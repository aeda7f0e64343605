import { describe, expect, it } from "vitest";
import { loadExample, loadExampleWith } from "../testing/examples.js";
import { deliverablePeriods, dueRule } from "./due.js";
import { parsePeriod, periodKeyOf, periodsBetween } from "./periods.js";

describe("reporting periods", () => {
  it("reads days, ISO weeks, months, quarters and years", () => {
    expect(parsePeriod("2026-04-03")).toEqual({ kind: "day", key: "2026-04-03", start: "2026-04-03", end: "2026-04-03" });
    expect(parsePeriod("2026-W15")).toEqual({ kind: "week", key: "2026-W15", start: "2026-04-06", end: "2026-04-12" });
    expect(parsePeriod("2026-W01")?.start).toBe("2025-12-29"); // 2026-01-01 is a Thursday
    expect(parsePeriod("2025-W53")).toBeUndefined(); // 2025 has 52 ISO weeks
    expect(parsePeriod("2026-W53")).toMatchObject({ start: "2026-12-28", end: "2027-01-03" }); // 2026 starts on a Thursday: 53
    expect(parsePeriod("2020-W53")?.end).toBe("2021-01-03");
    expect(parsePeriod("2026-02")).toMatchObject({ start: "2026-02-01", end: "2026-02-28" });
    expect(parsePeriod("2026-Q2")).toMatchObject({ start: "2026-04-01", end: "2026-06-30" });
    expect(parsePeriod("2026")).toMatchObject({ start: "2026-01-01", end: "2026-12-31" });
    for (const bad of ["2026-13", "2026-02-30", "2026-W00", "2026-Q5", "26-04", "April"]) expect(parsePeriod(bad)).toBeUndefined();
  });

  it("names the ISO week of a day, across the turn of the year", () => {
    expect(periodKeyOf("week", "2026-04-09")).toBe("2026-W15");
    expect(periodKeyOf("week", "2027-01-01")).toBe("2026-W53");
    expect(periodKeyOf("week", "2024-12-30")).toBe("2025-W01");
    expect(periodKeyOf("week", "2021-01-03")).toBe("2020-W53");
  });

  it("lists the periods overlapping a span", () => {
    expect(periodsBetween("month", "2026-03-19", "2026-06-02").map((p) => p.key)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(periodsBetween("week", "2026-02-01", "2026-02-15").map((p) => p.key)).toEqual(["2026-W05", "2026-W06", "2026-W07"]);
  });
});

describe("deliverable due dates on the statutory calendar", () => {
  const yuetan = loadExample("yuetan-2026").contract;
  const byId = (id: string) => yuetan.deliverables.find((d) => d.id === id)!;

  it("a report is due on the first working day after its period: across the Spring Festival 2026", () => {
    const weekly = deliverablePeriods(yuetan, byId("weekly-report"));
    // W06 ends Sun 8 Feb → Mon 9 Feb; W07 ends Sun 15 Feb, the holiday runs 15–23 Feb → Tue 24 Feb
    expect(weekly.find((p) => p.key === "2026-W06")?.due).toEqual({ kind: "date", date: "2026-02-09" });
    expect(weekly.find((p) => p.key === "2026-W07")?.due).toEqual({ kind: "date", date: "2026-02-24" });
    expect(weekly.find((p) => p.key === "2026-W08")?.due).toEqual({ kind: "date", date: "2026-02-24" });
    // Fri 13 Feb's daily report is due on Sat 14 Feb, a make-up working day (调休)
    const daily = deliverablePeriods(yuetan, byId("daily-report"));
    expect(daily.find((p) => p.key === "2026-02-13")?.due).toEqual({ kind: "date", date: "2026-02-14" });
    // Sat 28 Feb is a make-up working day too, but the month's report is due on the day after the month
    const monthly = deliverablePeriods(yuetan, byId("monthly-report"));
    expect(monthly.find((p) => p.key === "2026-02")?.due).toEqual({ kind: "date", date: "2026-03-02" });
  });

  it("across National Day 2026: September's report is due after the holiday, 8 October", () => {
    const monthly = deliverablePeriods(yuetan, byId("monthly-report"));
    expect(monthly.find((p) => p.key === "2026-09")?.due).toEqual({ kind: "date", date: "2026-10-08" });
    // Sat 10 Oct is a make-up working day: Fri 9 Oct's daily report is due then
    const daily = deliverablePeriods(yuetan, byId("daily-report"));
    expect(daily.find((p) => p.key === "2026-10-09")?.due).toEqual({ kind: "date", date: "2026-10-10" });
  });

  it("a deadline in a year without an official holiday calendar is reported as such, not guessed", () => {
    const pinggu = loadExample("pinggu-2026").contract;
    const monthly = deliverablePeriods(pinggu, pinggu.deliverables.find((d) => d.id === "monthly-report")!);
    const january = monthly.find((p) => p.key === "2027-01")!;
    expect(january.due).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(january.due.kind === "unknown-calendar" && january.due.message).toContain("2027年的法定节假日安排");
    // The last period is clipped to the term: 1–18 March 2027
    expect(monthly.at(-1)).toMatchObject({ key: "2027-03", start: "2027-03-01", end: "2027-03-18" });
    expect(monthly[0]).toMatchObject({ key: "2026-03", start: "2026-03-19", end: "2026-03-31", due: { kind: "date", date: "2026-04-01" } });
  });

  it("follows the contract's own days when it states them, natural unless working", () => {
    const edited = loadExampleWith("yuetan-2026", [[["deliverables", 2, "due"], { days: 5, unit: "working" }]]).contract;
    const monthly = deliverablePeriods(edited, edited.deliverables[2]!);
    // January has no period (term starts 1 Feb); 28 Feb + 5 working days = 6 Mar
    expect(monthly[0]).toMatchObject({ key: "2026-02", due: { kind: "date", date: "2026-03-06" } });
    expect(dueRule(edited.deliverables[2]!, edited)).toBe("期间结束后 5 个工作日内提交");
    const natural = loadExampleWith("yuetan-2026", [[["deliverables", 2, "due"], { days: 10 }]]).contract;
    expect(deliverablePeriods(natural, natural.deliverables[2]!)[0]?.due).toEqual({ kind: "date", date: "2026-03-10" });
  });

  it("a one-off deliverable is due on its date, or at acceptance, or at the end of the term", () => {
    const pinggu = loadExample("pinggu-2026").contract;
    expect(deliverablePeriods(pinggu, pinggu.deliverables.find((d) => d.id === "acceptance-statistics")!)).toEqual([
      { key: "once", start: "2026-03-19", end: "2027-03-18", due: { kind: "date", date: "2027-03-18" } },
    ]);
    const bda = loadExample("bda-2024").contract;
    expect(deliverablePeriods(bda, bda.deliverables.find((d) => d.id === "final-summary")!)[0]?.due).toEqual({ kind: "date", date: "2025-10-07" });
    expect(deliverablePeriods(bda, bda.deliverables.find((d) => d.id === "progress-report")!)).toEqual([]);
  });
});

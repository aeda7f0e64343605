/**
 * A year the built-in data does not cover, supplied from a file: the deadlines that were an
 * unknown calendar become dates, counted with the file and naming it. The 2027 file is a made-up
 * test fixture, not a State Council notice.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../calendar/index.js";
import { contractDeadlines } from "../deadlines/index.js";
import { deliverablePeriods } from "../deliverables/due.js";
import { parseEvents } from "../events/load.js";
import { computeSchedule } from "../schedule/index.js";
import { loadExample } from "../testing/examples.js";
import { validateContract } from "../validate/index.js";
import { RULES } from "../validate/validate.js";
import { contractStatus } from "./status.js";

const FIXTURE = fileURLToPath(new URL("../../../../test/fixtures/holidays-2027.fixture.yaml", import.meta.url));
const SOURCE = "测试用虚构安排（非官方通知）";
const calendar = await loadWorkingDayCalendar([FIXTURE]);

const pinggu = loadExample("pinggu-2026").contract;
const events = (yaml: string) => parseEvents(yaml, "events.yaml").events;
// Pinggu's last installment: 30 working days after the audit, which the ledger dates in 2027.
const audited = events("- { date: 2026-03-25, event: funds-received }\n- { date: 2027-03-25, event: audit-completed, amount: 1900000 }\n");

describe("a deadline in 2027", () => {
  it("is an unknown calendar without the year, and a date counted with it", () => {
    // From Thu 25 Mar 2027: 26 Mar (1), 29–31 Mar (4), 1–2 Apr (6), 3–5 Apr off, 6–9 Apr (10), 12–23 Apr (20),
    // Sun 25 Apr worked (21), 26–30 Apr (26), 1–5 May off, 6–7 May (28), Sat 8 May worked (29), Mon 10 May (30)
    const without = contractStatus(pinggu, audited, "2027-04-01").installments[2]!;
    expect(without.state).toBe("unknown-calendar");
    const withYear = contractStatus(pinggu, audited, "2027-04-01", calendar).installments[2]!;
    expect(withYear).toMatchObject({ state: "due", dueDate: "2027-05-10" });
    expect(withYear.due).toMatchObject({ kind: "date", calendarSources: [SOURCE] });
    expect(withYear.dueText).toBe(`2027年5月10日（2027年3月25日起 30 个工作日，按${SOURCE}计算）`);
  });

  it("a deliverable due on the first working day after December 2026", () => {
    const monthly = pinggu.deliverables.find((d) => d.id === "monthly-report")!;
    const december = (cal?: typeof calendar) => deliverablePeriods(pinggu, monthly, pinggu.term.end, cal).find((p) => p.key === "2026-12")!;
    expect(december().due).toMatchObject({ kind: "unknown-calendar", year: 2027 });
    expect(december(calendar).due).toEqual({ kind: "date", date: "2027-01-04", calendarSources: [SOURCE] });
  });

  it("the calendar of deadlines lists it with the notice, instead of as pending", () => {
    const pending = contractDeadlines(pinggu, []).pending.filter((p) => p.reason.includes("2027年"));
    expect(pending.length).toBeGreaterThan(0);
    const known = contractDeadlines(pinggu, [], calendar);
    expect(known.pending.filter((p) => p.reason.includes("2027年"))).toEqual([]);
    const report = known.deadlines.find((d) => d.key === "monthly-report.2026-12")!;
    expect(report.date).toBe("2027-01-04");
    expect(report.details.at(-1)).toContain(`（按${SOURCE}计算）`);
  });

  it("a schedule due date names the notice; one counted with the built-in data alone does not", () => {
    const haidian = loadExample("haidian-2024").contract;
    const first = computeSchedule(haidian, {}, calendar).rows[0]!;
    expect(first.due).toEqual({ kind: "date", date: "2024-09-23", from: "2024-09-01" });
    const late = computeSchedule(haidian, { signed: "2026-12-20", effective: "2026-12-20" }, calendar).rows[0]!;
    expect(late.due).toMatchObject({ kind: "date", calendarSources: [SOURCE] });
  });

  it("validate says nothing about an unpublished calendar for a year supplied", () => {
    const loaded = loadExample("pinggu-2026");
    const codes = (findings: { code: string }[]) => findings.filter((f) => f.code === "DEADLINE_UNKNOWN_CALENDAR");
    expect(codes(validateContract(loaded)).length).toBeGreaterThan(0);
    expect(codes(validateContract(loaded, RULES, calendar))).toEqual([]);
  });
});

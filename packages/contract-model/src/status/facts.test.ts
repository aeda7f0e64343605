import { describe, expect, it } from "vitest";
import { parseEvents } from "../events/load.js";
import { loadExample } from "../testing/examples.js";
import { paymentDeductions } from "./deductions.js";
import { contractStatus } from "./status.js";

const pinggu = loadExample("pinggu-2026").contract;
const sujiatuo = loadExample("sujiatuo-2026").contract;
const events = (yaml: string) => parseEvents(yaml, "events.yaml").events;

describe("the facts behind a penalty, for checking a deduction", () => {
  const ledger = events(`
- { date: 2026-03-19, event: signed }
- { date: 2026-04-01, event: deliverable-submitted, deliverable: monthly-report, period: 2026-03 }
- { date: 2026-05-09, event: deliverable-submitted, deliverable: monthly-report, period: 2026-04 }
- { date: 2026-04-10, event: meeting-missed }
- { date: 2026-04-24, event: meeting-missed, note: 出差 }
- { date: 2026-05-20, event: sla-breach, metric: sign-rate, month: 2026-04 }
`);
  const status = contractStatus(pinggu, ledger, "2026-05-31");

  it("a late deliverable: which report and period, its due date, the day it came in, the days late", () => {
    const late = status.penalties.find((p) => p.source === "late-deliverable")!;
    expect(late.facts).toEqual([{ subject: "月报 2026-04 期", due: "2026-05-06", date: "2026-05-09", days: 3 }]);
    expect(late.counting).toBeUndefined();
  });

  it("events: one fact each, with the day and the ledger's note; a breached level named as the contract names it", () => {
    const meetings = status.penalties.find((p) => p.source === "meeting-missed")!;
    expect(meetings.facts).toEqual([
      { subject: "未按时参加工作会议", date: "2026-04-10" },
      { subject: "未按时参加工作会议", date: "2026-04-24", note: "出差" },
    ]);
    const sla = status.penalties.find((p) => p.source === "sla-breach")!;
    expect(sla.what).toContain("未达到服务标准（签收率）");
    expect(sla.facts).toEqual([{ subject: "未达到服务标准（签收率）", date: "2026-05-20", count: 1, month: "2026-04" }]);
  });

  it("a deduction carries its facts, its base and its arithmetic", () => {
    const d = paymentDeductions(status.penalties, status.installments, "1");
    const late = d.items.find((i) => i.clause === "四.1")!;
    expect(late.facts).toHaveLength(1);
    expect(late.base).toMatch(/^合同总价款 1,979,100\.00 元/);
    expect(late.calculation).toEqual(["1% × 1,979,100.00 元 × 3 日 = 59,373.00 元"]);
  });

  it("several late deliverables: how the days were counted", () => {
    const two = events(`
- { date: 2026-04-02, event: deliverable-submitted, deliverable: monthly-report, period: 2026-03 }
- { date: 2026-05-09, event: deliverable-submitted, deliverable: monthly-report, period: 2026-04 }
`);
    const late = contractStatus(pinggu, two, "2026-05-31").penalties.find((p) => p.source === "late-deliverable")!;
    expect(late.facts.map((f) => f.days)).toEqual([1, 3]);
    expect(late.counting).toMatch(/^同一天有多项成果逾期的只计一日：共逾期 4 日/);
  });

  it("a threshold passed (四.3: more than three missed meetings) reports the clause's other entry, without adding it", () => {
    const four = events(
      ["2026-04-10", "2026-04-24", "2026-05-08", "2026-05-22"].map((d) => `- { date: ${d}, event: meeting-missed }`).join("\n"),
    );
    const meetings = contractStatus(pinggu, four, "2026-05-31").penalties.find((p) => p.source === "meeting-missed")!;
    expect(meetings.amount).toBe(400000);
    expect(meetings.thresholds).toEqual([
      expect.objectContaining({ clause: "四.3", title: "未按时参加工作会议超过三次", condition: "已发生 4 次，超过 3 次", amount: 19791000, deductible: true }),
    ]);
    expect(status.penalties.find((p) => p.source === "meeting-missed")?.thresholds).toEqual([]);
  });

  it("a monthly share: the month each breach counts in", () => {
    const s = contractStatus(sujiatuo, events("- { date: 2026-05-10, event: sla-breach, metric: sign-rate, month: 2026-04, count: 2 }\n"), "2026-05-31");
    const sla = s.penalties.find((p) => p.source === "sla-breach")!;
    expect(sla.facts).toEqual([expect.objectContaining({ date: "2026-05-10", count: 2, month: "2026-04" })]);
  });
});

import { describe, expect, it } from "vitest";
import { parseEvents } from "../events/load.js";
import { loadExample } from "../testing/examples.js";
import { contractDeadlines } from "./deadlines.js";

const events = (yaml: string) => parseEvents(yaml, "events.yaml").events;

describe("every deadline of a contract", () => {
  it("Pinggu: payments once their triggers are known, monthly reports, acceptance, term end, renewal, confidentiality", () => {
    const d = contractDeadlines(loadExample("pinggu-2026").contract, events("- { date: 2026-03-25, event: funds-received }\n"));
    const byKind = (kind: string) => d.deadlines.filter((x) => x.kind === kind).map((x) => [x.key, x.title, x.date]);
    expect(byKind("payment")).toEqual([["1", "第1期付款到期", "2026-05-11"]]);
    expect(byKind("deliverable").slice(0, 3)).toEqual([
      ["monthly-report.2026-03", "月报（2026-03）提交截止", "2026-04-01"],
      ["monthly-report.2026-04", "月报（2026-04）提交截止", "2026-05-06"],
      ["monthly-report.2026-05", "月报（2026-05）提交截止", "2026-06-01"],
    ]);
    expect(byKind("acceptance")).toEqual([["acceptance", "验收截止", "2027-03-18"]]);
    expect(byKind("term-end")).toEqual([["term", "服务期满", "2027-03-18"]]);
    expect(byKind("renewal-decision")).toEqual([["renewal", "续签决定截止", "2027-02-16"]]);
    expect(byKind("confidentiality-end")).toEqual([["confidentiality", "保密义务期满", "2029-03-18"]]);
    expect(d.deadlines.map((x) => x.date)).toEqual([...d.deadlines.map((x) => x.date)].sort());
  });

  it("lists what cannot be dated yet, with the reason, instead of inventing a date", () => {
    const d = contractDeadlines(loadExample("pinggu-2026").contract, []);
    expect(d.pending).toEqual([
      { kind: "payment", key: "1", title: "第1期付款到期", reason: "待：财政资金拨付到甲方账户" },
      { kind: "payment", key: "3", title: "第3期付款到期", reason: "待：结算评审 / 审计结束、财政资金拨付到甲方账户" },
      {
        kind: "deliverable",
        key: "monthly-report.2026-12",
        title: "月报（2026-12 至 2027-03，共 4 期）提交截止",
        reason: "无法计算：2027年的法定节假日安排尚未公布，无法按工作日计算",
      },
    ]);
  });

  it("Sujiatuo: a month's payment is dated once its invoice is recorded; daily reports are not put in one by one", () => {
    const d = contractDeadlines(loadExample("sujiatuo-2026").contract, events("- { date: 2026-05-06, event: invoice-issued, installment: 1/1 }\n"));
    expect(d.deadlines.find((x) => x.kind === "payment")).toMatchObject({ key: "1-1", title: "第1个月服务费付款到期", date: "2026-05-19" });
    expect(d.notes[0]).toMatch(/^日报每日提交，未逐日列入日历（共 365 期/);
    expect(d.notes[1]).toContain("长期有效");
  });
});

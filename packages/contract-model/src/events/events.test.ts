import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Issue } from "../errors/index.js";
import { loadExample } from "../testing/examples.js";
import { EventsLoadError, loadEvents, parseEvents } from "./load.js";

function issuesOf(source: string, options: Parameters<typeof parseEvents>[2] = {}): Issue[] {
  try {
    parseEvents(source, "events.yaml", options);
  } catch (e) {
    if (e instanceof EventsLoadError) return [...e.issues];
    throw e;
  }
  throw new Error("expected an EventsLoadError");
}

const ledger = `# 平谷区 12345 合同事件记录
- date: 2026-03-19
  event: signed
- { date: 2026-03-25, event: funds-received, note: 区财政局拨付 }
- date: 2026-04-10
  event: meeting-missed
- date: 2026-05-06
  event: manager-changed
  notified: false
- date: 2026-05-08
  event: deliverable-submitted
  deliverable: monthly-report
  period: 2026-04
- date: 2026-05-20
  event: sla-breach
  metric: sign-rate
  month: 2026-04
- date: 2026-05-21
  event: payment-received
  installment: 1
  amount: 989550
- date: 2026-06-01
  event: note
  text: 甲方口头催告
`;

describe("reading an events ledger", () => {
  it("reads every kind of entry, with defaults and money in 分", () => {
    const { events, contract } = parseEvents(ledger, "events.yaml");
    expect(contract).toBeUndefined();
    expect(events.map((e) => e.event)).toEqual([
      "signed",
      "funds-received",
      "meeting-missed",
      "manager-changed",
      "deliverable-submitted",
      "sla-breach",
      "payment-received",
      "note",
    ]);
    expect(events[1]).toEqual({ date: "2026-03-25", event: "funds-received", note: "区财政局拨付" });
    expect(events[5]).toMatchObject({ count: 1, month: "2026-04" });
    expect(events[6]).toMatchObject({ installment: "1", amount: 98955000 });
  });

  it("accepts the map form that names its contract, and checks it against the contract", () => {
    const source = `contract: pinggu-2026\nevents:\n  - { date: 2026-03-19, event: signed }\n`;
    const pinggu = loadExample("pinggu-2026").contract;
    expect(parseEvents(source, "e.yaml", { contract: pinggu }).contract).toBe("pinggu-2026");
    const [issue] = issuesOf(source, { contract: loadExample("haidian-2024").contract });
    expect(issue).toMatchObject({ code: "EVENTS_CONTRACT_MISMATCH", line: 1, column: 11 });
  });

  it("an empty file is an empty ledger", () => {
    expect(parseEvents("", "e.yaml").events).toEqual([]);
    expect(parseEvents("# 暂无事件\n", "e.yaml").events).toEqual([]);
  });

  it("an events file with mistakes: unknown event, unknown field, bad date — each at file:line:col", () => {
    const source = [
      "- date: 2026-03-19", // 1
      "  event: signed", // 2
      "- date: 2026-04-10", // 3
      "  event: meeting-skipped", // 4
      "- date: 2026-05-06", // 5
      "  event: manager-changed", // 6
      "  notified: false", // 7
      "  reason: 家庭原因", // 8
      "- date: 2026-02-30", // 9
      "  event: funds-received", // 10
      "",
    ].join("\n");
    const issues = issuesOf(source);
    expect(issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([
      ["EVENT_UNKNOWN", "events.yaml", 4, 10],
      ["SCHEMA_UNRECOGNIZED_KEYS", "events.yaml", 8, 3],
      ["INVALID_DATE", "events.yaml", 9, 9],
    ]);
    expect(issues[0]?.message).toMatch(/^未知事件“meeting-skipped”。可用的事件：signed（合同签订）、/);
    expect(issues[0]?.message).toContain("meeting-missed（未按时参加工作会议）");
    expect(issues[1]?.message).toBe("未知字段：reason（事件 manager-changed 可用的字段：date、event、notified、note）");
    expect(issues[2]?.message).toContain("YYYY-MM-DD");
  });

  it("a missing event name, a missing required field and a YAML error are explained", () => {
    expect(issuesOf("- date: 2026-03-19\n")[0]).toMatchObject({ code: "EVENT_MISSING", line: 1, column: 3 });
    const [missing] = issuesOf("- date: 2026-05-06\n  event: manager-changed\n");
    expect(missing).toMatchObject({ path: "[0].notified", line: 1, column: 3 });
    expect(missing?.message).toContain("缺少必填字段");
    expect(issuesOf("- date: 2026-05-06\n  event: [signed\n")[0]).toMatchObject({ code: "YAML_SYNTAX" });
  });

  it("checks installments, deliverables and periods against the contract", () => {
    const pinggu = loadExample("pinggu-2026").contract;
    const source = [
      "- { date: 2026-05-21, event: payment-received, installment: 4, amount: 100 }",
      "- { date: 2026-05-08, event: deliverable-submitted, deliverable: monthly-reprot, period: 2026-04 }",
      "- { date: 2026-05-08, event: deliverable-submitted, deliverable: monthly-report, period: 2026-W15 }",
      "- { date: 2026-05-08, event: deliverable-submitted, deliverable: monthly-report }",
      "- { date: 2026-05-08, event: deliverable-submitted, deliverable: monthly-report, period: 2025-04 }",
      "",
    ].join("\n");
    const issues = issuesOf(source, { contract: pinggu });
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["EVENT_INSTALLMENT_UNKNOWN", 1],
      ["EVENT_DELIVERABLE_UNKNOWN", 2],
      ["EVENT_PERIOD_KIND", 3],
      ["EVENT_PERIOD_MISSING", 4],
      ["EVENT_PERIOD_OUTSIDE_TERM", 5],
    ]);
    expect(issues[0]?.message).toBe("合同中没有第 4 期付款（合同的期次：1、2、3）");
    expect(issues[2]?.message).toContain("期间应写作如 2026-04");
  });

  it("a monthly installment must name its month", () => {
    const sujiatuo = loadExample("sujiatuo-2026").contract;
    const [issue] = issuesOf("- { date: 2026-05-21, event: payment-received, installment: 1, amount: 100 }\n", { contract: sujiatuo });
    expect(issue?.message).toContain("请写明第几个月，如 1/1");
    expect(parseEvents("- { date: 2026-05-21, event: payment-received, installment: 1/2, amount: 100 }\n", "e", { contract: sujiatuo }).events[0]).toMatchObject({
      installment: "1/2",
    });
  });

  it("a missing file is a load error, not a crash", async () => {
    await expect(loadEvents("no/such/events.yaml")).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
    const dir = mkdtempSync(join(tmpdir(), "qiyue-events-"));
    const file = join(dir, "events.yaml");
    writeFileSync(file, `\uFEFF${ledger}`);
    expect((await loadEvents(file)).events).toHaveLength(8);
  });
});

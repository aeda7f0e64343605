import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ContractDeadlines, loadContract, parseEvents } from "@qiyue/contract-model";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { deadlinesIcs } from "../ics/calendar.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { buildCalendar } from "./calendar.js";

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const example = (id: string) => root(`examples/contracts/${id}.yaml`);
const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01T00:00:00Z

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  isDate: boolean;
  description: string;
  alarms: string[];
}

function parseIcs(text: string): { name: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      isDate: e.startDate.isDate,
      description: e.description,
      alarms: v.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger"))),
    };
  });
  return { name: calendar.getFirstPropertyValue("x-wr-calname"), events };
}

async function run(argv: string[], env: Record<string, string> = EPOCH) {
  const io = memoryIo(env);
  const code = await main(["calendar", ...argv], io);
  return { code, out: io.out, err: io.err };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "qiyue-calendar-"));
}

describe("qiyue calendar", () => {
  it("writes an iCalendar file a real parser reads back: all-day events, Chinese summaries, reminders", async () => {
    const dir = tempDir();
    const out = join(dir, "deadlines.ics");
    const { code, out: stdout } = await run([example("pinggu-2026"), "--events", root("examples/events/pinggu-2026.yaml"), "--ics", out]);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    const ics = parseIcs(text);
    expect(ics.name).toBe("【平谷区12345】合同期限");
    const payment = ics.events.find((e) => e.uid === "pinggu-2026.payment.1@qiyue")!;
    expect(payment).toMatchObject({ summary: "【平谷区12345】第1期付款到期", start: "2026-05-11", isDate: true, alarms: ["-P3D", "-P1D"] });
    expect(payment.description).toContain("989,550.00 元（玖拾捌万玖仟伍佰伍拾元整）");
    expect(payment.description.split("\n")[0]).toBe("平谷区 12345 市民热线工作专业技术服务项目 合同书");
    const report = ics.events.find((e) => e.uid === "pinggu-2026.deliverable.monthly-report.2026-04@qiyue")!;
    expect(report).toMatchObject({ summary: "【平谷区12345】月报（2026-04）提交截止", start: "2026-05-06", alarms: ["-P3D"] });
    expect(ics.events.map((e) => e.summary)).toEqual(expect.arrayContaining(["【平谷区12345】服务期满", "【平谷区12345】续签决定截止", "【平谷区12345】保密义务期满"]));
    expect(new Set(ics.events.map((e) => e.uid)).size).toBe(ics.events.length);
    // what cannot be dated is listed, not invented
    expect(stdout).toContain("【平谷区12345】第3期付款到期：待：结算评审 / 审计结束");
    expect(stdout).toContain("月报（2026-12 至 2027-03，共 4 期）提交截止：无法计算：2027年的法定节假日安排尚未公布");
    expect(text).not.toContain("20270104"); // no weekday guessed for a 2027 deadline
  });

  it("is byte-identical run to run, with the same UIDs, and CRLF lines of at most 75 octets", async () => {
    const dir = tempDir();
    const args = (out: string) => [example("pinggu-2026"), example("sujiatuo-2026"), "--ics", join(dir, out)];
    expect((await run(args("a.ics"))).code).toBe(0);
    expect((await run(args("b.ics"))).code).toBe(0);
    const a = readFileSync(join(dir, "a.ics"));
    expect(a.equals(readFileSync(join(dir, "b.ics")))).toBe(true);
    const text = a.toString("utf8");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("DTSTAMP:20260101T000000Z");
    expect(parseIcs(text).name).toBe("合同期限（平谷区12345、苏家坨镇12345）");
    // no temporary file left behind
    expect(readdirSync(dir).sort()).toEqual(["a.ics", "b.ics"]);
  });

  it("a deadline keeps its UID when the ledger grows, so a re-import updates instead of duplicating", async () => {
    const { contract } = await loadContract(example("pinggu-2026"));
    const before = parseIcs(buildCalendar([{ contract, events: [] }], 0).ics);
    const ledger = parseEvents("- { date: 2026-03-25, event: funds-received }\n", "e.yaml").events;
    const after = parseIcs(buildCalendar([{ contract, events: ledger }], 0).ics);
    const uids = (x: { events: ParsedEvent[] }) => x.events.map((e) => e.uid);
    expect(uids(after)).toEqual(expect.arrayContaining(uids(before)));
    expect(uids(after).filter((u) => !uids(before).includes(u))).toEqual(["pinggu-2026.payment.1@qiyue"]);
  });

  it("escapes commas, semicolons, backslashes and line breaks so that they read back as written", () => {
    const c: ContractDeadlines = {
      contract: { id: "demo", title: "项目,一;二\\三\n四", shortName: "测试,区" },
      deadlines: [{ kind: "term-end", key: "term", title: "服务期满;到期", date: "2026-12-31", details: ["第一行,含逗号", "第二行"] }],
      pending: [],
      notes: [],
    };
    const [event] = parseIcs(deadlinesIcs([c], { stamp: 0 })).events;
    expect(event).toMatchObject({ summary: "【测试,区】服务期满;到期", description: "项目,一;二\\三\n四\n第一行,含逗号\n第二行" });
  });

  it("takes DTSTAMP from SOURCE_DATE_EPOCH, else from the inputs, never the clock", async () => {
    const dir = tempDir();
    const args = (out: string) => [example("haidian-2024"), "--ics", join(dir, out)];
    await run(args("x.ics"), {});
    await run(args("y.ics"), {});
    const x = readFileSync(join(dir, "x.ics"), "utf8");
    expect(x).toBe(readFileSync(join(dir, "y.ics"), "utf8"));
    expect(x).toContain("DTSTAMP:20240901T000000Z"); // the latest date in the input: signing / start
    const bad = await run(args("z.ics"), { SOURCE_DATE_EPOCH: "tomorrow" });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("SOURCE_DATE_EPOCH");
    expect(existsSync(join(dir, "z.ics"))).toBe(false);
  });

  it("with several contracts, a ledger must name its contract", async () => {
    const dir = tempDir();
    const bare = join(dir, "bare.yaml");
    writeFileSync(bare, "- { date: 2026-03-25, event: funds-received }\n");
    const r = await run([example("pinggu-2026"), example("sujiatuo-2026"), "--events", bare, "--ics", join(dir, "c.ics")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("事件记录须写明所属合同");
    const named = join(dir, "named.yaml");
    writeFileSync(named, "contract: pinggu-2026\nevents:\n  - { date: 2026-03-25, event: funds-received }\n");
    expect((await run([example("pinggu-2026"), example("sujiatuo-2026"), "--events", named, "--ics", join(dir, "c.ics")])).code).toBe(0);
    expect(readFileSync(join(dir, "c.ics"), "utf8")).toContain("UID:pinggu-2026.payment.1@qiyue");
  });

  it("needs --ics", async () => {
    expect((await run([example("pinggu-2026")])).code).toBe(2);
  });
});

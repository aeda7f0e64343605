/**
 * A year supplied from a holiday-arrangement file reaches the documents: due dates counted with
 * it are dates, and say which notice they were counted with. The 2027 file is a made-up test
 * fixture, not a State Council notice.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { computeSchedule, loadWorkingDayCalendar, parseContract } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { PendingList } from "./data/pending.js";
import { renewalView } from "./data/renewal.js";
import { scheduleView } from "./data/schedule.js";
import { renderDocumentBytes } from "./render-document.js";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/holidays-2027.fixture.yaml", import.meta.url));
const SOURCE = "测试用虚构安排（非官方通知）";
const TEMPLATES = fileURLToPath(new URL("../../../test/fixtures/templates", import.meta.url));
const HAIDIAN = fileURLToPath(new URL("../../../examples/contracts/haidian-2024.yaml", import.meta.url));

/** Haidian's first payment (15 working days after effect) with the contract signed on Sunday 20 December 2026. */
function signedLate2026() {
  const doc = parseDocument(readFileSync(HAIDIAN, "utf8"));
  doc.setIn(["signing", "date"], "2026-12-20");
  return parseContract(doc.toString(), "haidian-2026.yaml").contract;
}

describe("due dates counted with a year supplied from a file", () => {
  it("the schedule view: a date in words with the notice, and the notice on its own", async () => {
    const contract = signedLate2026();
    const unknown = scheduleView(computeSchedule(contract)).rows[0]!;
    expect(unknown.dueDate).toBeUndefined();
    expect(unknown.dueText).toMatch(/^无法确定（2027年的法定节假日安排尚未公布/);
    // Mon 21 – Fri 25 Dec (5), 28–31 Dec (9), 1–3 Jan off, 4–8 Jan (14), Mon 11 Jan (15)
    const row = scheduleView(computeSchedule(contract, {}, await loadWorkingDayCalendar([FIXTURE]))).rows[0]!;
    expect(row).toMatchObject({ dueDate: "2027-01-11", dueText: `2027年1月11日（按${SOURCE}计算）`, calendarSource: SOURCE });
    const builtIn = scheduleView(computeSchedule(contract, { signed: "2024-09-01", effective: "2024-09-01" })).rows[0]!;
    expect(builtIn.calendarSource).toBeUndefined();
  });

  it("a document names the notice where it prints a date counted with it, and workdayDue counts with it too", async () => {
    const request = { template: "due-dates", templatesDir: TEMPLATES, contract: signedLate2026(), formats: ["md" as const] };
    const without = await renderDocumentBytes(request);
    expect(without.md).toContain("第 1 期：无法确定（2027年的法定节假日安排尚未公布");
    expect(without.md).toContain("签订后第 15 个工作日：无法确定（2027年");
    const { md } = await renderDocumentBytes({ ...request, calendar: [FIXTURE] });
    expect(md).toContain(`- 第 1 期：2027年1月11日（按${SOURCE}计算）（节假日安排：${SOURCE}）`);
    expect(md).toContain(`签订后第 15 个工作日：2027年1月11日（按${SOURCE}计算）`);
    // a calendar already made does the same
    const made = await renderDocumentBytes({ ...request, calendar: await loadWorkingDayCalendar([FIXTURE]) });
    expect(made.md).toBe(md);
  });

  it("the renewal's schedule counts the next term's working days with the supplied year too", async () => {
    // Haidian moved to 2026, its first payment 4 months after the term starts and 15 working days on:
    // in the renewal (from 1 Jan 2027) that is 15 working days from 1 May 2027
    const doc = parseDocument(readFileSync(HAIDIAN, "utf8"));
    doc.setIn(["signing", "date"], "2026-08-25");
    doc.setIn(["term", "start"], "2026-09-01");
    doc.setIn(["term", "end"], "2026-12-31");
    doc.setIn(["payments", "installments", 0, "trigger"], doc.createNode([{ event: "months-after-start", months: 4 }]));
    const contract = parseContract(doc.toString(), "haidian-2026.yaml").contract;
    const inputs = { increase: 50_000 };
    expect(renewalView(contract, inputs).schedule.rows[0]?.dueText).toMatch(/^无法确定（2027年的法定节假日安排尚未公布/);
    const row = renewalView(contract, inputs, new PendingList(), await loadWorkingDayCalendar([FIXTURE])).schedule.rows[0];
    expect(row).toMatchObject({ calendarSource: SOURCE, dueText: expect.stringMatching(new RegExp(`^2027年5月\\d+日（按${SOURCE}计算）$`)) });
    expect(row?.trigger).toBe("服务期开始 4 个月后的 15 个工作日内");
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { runStatus, shanghaiDate, statusOf } from "./status.js";

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const example = (id: string) => root(`examples/contracts/${id}.yaml`);
const events = (id: string) => root(`examples/events/${id}.yaml`);

describe("qiyue status", () => {
  it("prints the sections 付款 / 成果 / 违约金 / 期限 and marks what is overdue", async () => {
    const io = memoryIo();
    expect(await main(["status", example("pinggu-2026"), "--events", events("pinggu-2026"), "--as-of", "2026-06-30"], io)).toBe(0);
    const lines = io.out.split("\n");
    expect(lines[0]).toBe("【平谷区12345】平谷区 12345 市民热线工作专业技术服务项目 合同书（pinggu-2026）");
    expect(lines[1]).toBe("截至2026年6月30日，合同总价 1,979,100.00 元");
    for (const section of ["付款", "成果", "违约金", "期限"]) expect(lines).toContain(section);
    expect(io.out).toContain("  ✗  第 1 期 989,550.00 元：【逾期 50 天】未付 989,550.00 元");
    expect(io.out).toContain("✗  2026-04 期 应于2026年5月6日前提交，2026年5月9日提交，逾期 3 天");
    expect(io.out).toContain("第四条第3款（未按时参加工作会议）：未按时参加工作会议 4 次");
    expect(io.out).toContain("【解除权已产生】");
    expect(io.out).toContain("第 1 期应付 989,550.00 元，扣除违约金 73,373.00 元，实付 916,177.00 元");
    expect(io.out).toContain("续签：合同未约定续签规则，按默认规则最多续签 2 次");
  });

  it("--json gives the whole status, with the deductions for the next payment request", async () => {
    const io = memoryIo();
    await main(["status", example("haidian-2024"), "--events", events("haidian-2024"), "--as-of", "2024-10-31", "--json"], io);
    const json = JSON.parse(io.out) as Record<string, unknown> & {
      asOf: string;
      installments: { state: string; latePenalty?: { amount: number } }[];
      deductionsForNextPayment: { installment: { key: string } };
    };
    expect(json.asOf).toBe("2024-10-31");
    expect(json.installments[0]).toMatchObject({ state: "paid-late", latePenalty: { amount: 8632230 } });
    expect(json.deductionsForNextPayment.installment.key).toBe("2");
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["file", "events", "contract", "installments", "deliverables", "penalties", "totals", "term", "renewal"]),
    );
  });

  it("--as-of defaults to today in Beijing, read once from the clock it is given", async () => {
    // 16:30 UTC on 30 June is 00:30 on 1 July in Beijing, whatever the process time zone
    expect(shanghaiDate(new Date("2026-06-30T16:30:00Z"))).toBe("2026-07-01");
    expect(shanghaiDate(new Date("2026-06-30T15:59:59Z"))).toBe("2026-06-30");
    const io = memoryIo();
    await runStatus([example("pinggu-2026"), "--events", events("pinggu-2026"), "--json"], io, new Date("2026-06-30T16:30:00Z"));
    expect((JSON.parse(io.out) as { asOf: string }).asOf).toBe("2026-07-01");
    // an explicit --as-of wins over the clock
    const given = memoryIo();
    await runStatus([example("pinggu-2026"), "--events", events("pinggu-2026"), "--as-of", "2026-04-30", "--json"], given, new Date("2030-01-01T00:00:00Z"));
    expect((JSON.parse(given.out) as { asOf: string }).asOf).toBe("2026-04-30");
  });

  it("a bad --as-of or a missing --events is a usage error (2)", async () => {
    const bad = memoryIo();
    expect(await main(["status", example("pinggu-2026"), "--events", events("pinggu-2026"), "--as-of", "2026-02-30"], bad)).toBe(2);
    expect(bad.err).toContain("--as-of 应为 YYYY-MM-DD");
    const missing = memoryIo();
    expect(await main(["status", example("pinggu-2026")], missing)).toBe(2);
    expect(missing.err).toContain("--events");
  });

  it("an events file with mistakes is reported at file:line:col (2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-status-"));
    const file = join(dir, "events.yaml");
    writeFileSync(file, "- date: 2026-03-19\n  event: signed\n- date: 2026-04-10\n  event: meeting-skipped\n");
    const io = memoryIo();
    expect(await main(["status", example("pinggu-2026"), "--events", file, "--as-of", "2026-06-30"], io)).toBe(2);
    expect(io.err).toContain(`${file}:4:10: [1].event: 未知事件“meeting-skipped”`);
    expect(io.err).toContain("[EVENT_UNKNOWN]");
  });

  it("the events are checked against the contract they are used with", async () => {
    await expect(statusOf({ file: example("haidian-2024"), eventsFile: events("pinggu-2026"), asOf: "2026-06-30" })).rejects.toMatchObject({
      code: "EVENTS_CONTRACT_MISMATCH",
    });
  });
});

/**
 * `--calendar FILE` on every command that counts working days. The 2027 file is a made-up test
 * fixture (test/fixtures), not a State Council notice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { memoryIo } from "./io.js";
import { main } from "./main.js";
import { renderRequest } from "./run/render.js";

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const example = (id: string) => root(`examples/contracts/${id}.yaml`);
const FIXTURE = root("test/fixtures/holidays-2027.fixture.yaml");
const NOTE = "（按测试用虚构安排（非官方通知）计算）";

/**
 * Haidian's contract signed on Sunday 20 December 2026: its first payment, 15 working days after
 * the contract takes effect, falls on Monday 11 January 2027 under the fixture (1–3 January off).
 */
function lateContract(): { dir: string; contract: string } {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-calendar-"));
  const doc = parseDocument(readFileSync(example("haidian-2024"), "utf8"));
  doc.setIn(["signing", "date"], "2026-12-20");
  const contract = join(dir, "haidian-2026.yaml");
  writeFileSync(contract, doc.toString());
  return { dir, contract };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ SOURCE_DATE_EPOCH: "1767225600" });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("--calendar", () => {
  it("qiyue schedule: a 2027 due date is computed with the file, and says so", async () => {
    const { contract } = lateContract();
    expect((await run(["schedule", contract])).out).toContain("应付日期：无法计算（2027年的法定节假日安排尚未公布");
    const withFile = await run(["schedule", contract, "--calendar", FIXTURE]);
    expect(withFile.code).toBe(0);
    expect(withFile.out).toContain(`应付日期：2027年1月11日${NOTE}`);
    const json = JSON.parse((await run(["schedule", contract, "--calendar", FIXTURE, "--json"])).out) as { rows: { due: unknown }[] };
    expect(json.rows[0]!.due).toMatchObject({ kind: "date", date: "2027-01-11", calendarSources: ["测试用虚构安排（非官方通知）"] });
  });

  it("qiyue status: the installment is due on a date instead of an unknown calendar", async () => {
    const { dir, contract } = lateContract();
    const events = join(dir, "events.yaml");
    writeFileSync(events, "- { date: 2026-12-20, event: signed }\n");
    const without = await run(["status", contract, "--events", events, "--as-of", "2027-01-05"]);
    expect(without.out).toContain("应付日期无法计算");
    const withFile = await run(["status", contract, "--events", events, "--as-of", "2027-01-05", "--calendar", FIXTURE]);
    expect(withFile.out).toContain("6 天后到期");
    expect(withFile.out).toContain(`应付日期：2027年1月11日（2026年12月20日起 15 个工作日，按测试用虚构安排（非官方通知）计算）`);
  });

  it("qiyue calendar: deadlines in 2027 are written to the calendar instead of listed as pending", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "qiyue-calendar-")), "deadlines.ics");
    const without = await run(["calendar", example("yuetan-2026"), "--ics", out]);
    expect(without.out).toContain("平台数据月报（2026-12）提交截止：无法计算：2027年");
    const withFile = await run(["calendar", example("yuetan-2026"), "--ics", out, "--calendar", FIXTURE]);
    expect(withFile.code).toBe(0);
    expect(withFile.out).not.toContain("2027年的法定节假日安排");
    expect(readFileSync(out, "utf8")).toContain("DTSTART;VALUE=DATE:20270104");
  });

  it("qiyue validate: no note about an unpublished year the file supplies", async () => {
    const codes = async (args: string[]) =>
      (JSON.parse((await run(["validate", example("sujiatuo-2026"), "--json", ...args])).out) as { files: { findings: { code: string }[] }[] }).files[0]!.findings.map(
        (f) => f.code,
      );
    expect(await codes([])).toContain("DEADLINE_UNKNOWN_CALENDAR");
    expect(await codes(["--calendar", FIXTURE])).not.toContain("DEADLINE_UNKNOWN_CALENDAR");
  });

  it("qiyue render: the document prints the due date with the notice", async () => {
    const { dir, contract } = lateContract();
    const args = ["render", "due-dates", "--templates", root("test/fixtures/templates"), "--contract", contract, "--format", "md", "--out", dir];
    const without = await run(args);
    expect(readFileSync(without.out.trim(), "utf8")).toContain("第 1 期：无法确定（2027年");
    const rendered = await run([...args, "--calendar", FIXTURE]);
    expect(rendered.code).toBe(0);
    expect(readFileSync(rendered.out.trim(), "utf8")).toContain(`第 1 期：2027年1月11日${NOTE}`);
  });

  it("render reads it into the request, repeatable, against the working directory", () => {
    const request = renderRequest(["acceptance", "--contract", "c.yaml", "--calendar", "2027.yaml", "--calendar", "/x/2028.yaml"], { cwd: "/srv", env: {} });
    expect(request.calendar).toEqual(["/srv/2027.yaml", "/x/2028.yaml"]);
    expect(renderRequest(["acceptance", "--contract", "c.yaml"], { cwd: "/srv", env: {} }).calendar).toBeUndefined();
  });

  it("a mistake in the file stops the command (exit 2) at its line and column, in Chinese", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-calendar-"));
    const bad = join(dir, "2027.yaml");
    writeFileSync(bad, "year: 2027\nsource: 通知\nholidays:\n  - { name: 元旦, date: 2027-01-01 }\nworkdays:\n  - 2027-01-04\n");
    for (const command of [["schedule", example("haidian-2024")], ["validate", example("haidian-2024")]]) {
      const result = await run([...command, "--calendar", bad]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`${bad}:6:5: workdays[0]: 2027-01-04 是星期一：调休上班日只能是星期六或星期日`);
    }
    const missing = await run(["schedule", example("haidian-2024"), "--calendar", join(dir, "none.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("文件不存在");
  });

  it("every command that counts working days documents it in --help", async () => {
    for (const command of ["render", "schedule", "status", "calendar", "validate"]) {
      const { out } = await run([command, "--help"]);
      expect([command, out.includes("--calendar 节假日安排.yaml")]).toEqual([command, true]);
    }
  });
});

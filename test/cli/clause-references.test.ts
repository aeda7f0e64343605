import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, qiyue } from "../support/qiyue.js";

/**
 * Every clause a command cites is printed in the one house form (`formatClause`): 第8.3条,
 * 第二条第1款, 附件一第5项. The old form put spaces and the raw id inside 第 … 条
 * ("第 二.1 条", "第 附件一 序号5 条"), which no contract prints.
 */
const contracts = readdirSync(join(ROOT, "examples/contracts")).map((f) => f.replace(/\.yaml$/, ""));
const ledgers = new Set(readdirSync(join(ROOT, "examples/events")).map((f) => f.replace(/\.yaml$/, "")));

/** "第 8.3 条", "第 二.1 条", "第 附件…": a raw id dressed up as an article. */
const RAW_REFERENCE = /第 [^\s期次个件行]+ 条|第 附件/u;

describe.each(contracts)("clause references in what the commands print: %s", (id) => {
  const contract = `examples/contracts/${id}.yaml`;
  const events = ledgers.has(id) ? ["--events", `examples/events/${id}.yaml`] : [];

  it.each([
    ["status", [...events, "--as-of", "2026-12-01"]],
    ["schedule", []],
    ["validate", []],
  ] as const)("%s", (command, extra) => {
    const r = qiyue([command, contract, ...extra]);
    const printed = `${r.stdout}\n${r.stderr}`;
    expect(printed).not.toMatch(RAW_REFERENCE);
    expect(r.status, printed).toBeLessThan(3);
  });

  it("calendar (.ics descriptions)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "qiyue-e2e-refs-")), `${id}.ics`);
    const r = qiyue(["calendar", contract, ...events, "--ics", out]);
    expect(r.status, r.stderr).toBe(0);
    const ics = readFileSync(out, "utf8").replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("合同条款：第");
    expect(ics).not.toMatch(RAW_REFERENCE);
  });
});

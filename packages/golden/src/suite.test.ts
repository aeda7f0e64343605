import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GoldenError } from "./errors.js";
import { DEFAULT_SOURCE_DATE_EPOCH, loadSuite } from "./suite.js";

/** The suites of these tests live in a temporary folder and name the repository's example files. */
const ANYWHERE = { root: "/" };

const HAIDIAN = fileURLToPath(new URL("../../../examples/contracts/haidian-2024.yaml", import.meta.url));

function suite(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-golden-suite-"));
  writeFileSync(join(dir, "golden.yaml"), yaml);
  return dir;
}

async function failure(yaml: string): Promise<GoldenError> {
  try {
    await loadSuite(suite(yaml), ANYWHERE);
  } catch (e) {
    if (e instanceof GoldenError) return e;
    throw e;
  }
  throw new Error("expected a GoldenError");
}

describe("loadSuite", () => {
  it("reads the cases with inputs in the model's units, defaults filled in", async () => {
    const dir = suite(`cases:
  - name: invoice
    template: invoice-request
    contract: ${HAIDIAN}
    inputs: { installment: 2, date: "2026-03-01" }
  - name: renewal
    template: renewal-draft
    contract: ${HAIDIAN}
    inputs: { increase: 5% }
    options: { theme: plain }
    formats: [pdf]
`);
    const loaded = await loadSuite(dir, ANYWHERE);
    expect(loaded.sourceDateEpoch).toBe(DEFAULT_SOURCE_DATE_EPOCH);
    expect(loaded.dir).toBe(dir);
    expect(loaded.cases).toEqual([
      { name: "invoice", template: "invoice-request", contract: HAIDIAN, inputs: { installment: 2, date: "2026-03-01" }, options: {}, formats: ["md", "docx", "pdf"], line: 2 },
      { name: "renewal", template: "renewal-draft", contract: HAIDIAN, inputs: { increase: 50_000 }, options: { theme: "plain" }, formats: ["pdf"], line: 6 },
    ]);
  });

  it("reads an events ledger relative to golden.yaml, and reports one that does not exist", async () => {
    const events = fileURLToPath(new URL("../../../examples/events/pinggu-2026.yaml", import.meta.url));
    const dir = suite(`cases:\n  - name: e\n    template: invoice-request\n    contract: ${HAIDIAN}\n    inputs: { installment: 1 }\n    events: { file: ${events}, asOf: 2026-06-30 }\n`);
    expect((await loadSuite(dir, ANYWHERE)).cases[0]!.events).toEqual({ file: events, asOf: "2026-06-30" });
    const missing = await failure(`cases:\n  - name: e\n    template: invoice-request\n    contract: ${HAIDIAN}\n    events:\n      file: none.yaml\n      asOf: 2026-06-30\n`);
    expect(missing.issues[0]).toMatchObject({ line: 6, column: 13 });
    const date = await failure(`cases:\n  - name: e\n    template: invoice-request\n    contract: ${HAIDIAN}\n    events:\n      file: none.yaml\n      asOf: 2026-02-30\n`);
    expect(date.issues[0]).toMatchObject({ line: 7, column: 13 });
  });

  it("says when there is no golden.yaml", async () => {
    await expect(loadSuite(mkdtempSync(join(tmpdir(), "qiyue-golden-none-")))).rejects.toMatchObject({ code: "GOLDEN_SUITE_NOT_FOUND" });
  });

  it("reports an unknown field at its line and column", async () => {
    const e = await failure(`cases:\n  - name: a\n    template: acceptance\n    contract: ${HAIDIAN}\n    colour: red\n`);
    expect(e.code).toBe("GOLDEN_SUITE_INVALID");
    expect(e.issues[0]).toMatchObject({ line: 5, column: 5 });
    expect(e.message).toContain("未知的字段“colour”");
  });

  it("reports an input no template takes, and an input that cannot be read, where they are written", async () => {
    const unknown = await failure(`cases:\n  - name: a\n    template: acceptance\n    contract: ${HAIDIAN}\n    inputs:\n      instalment: 1\n`);
    expect(unknown.issues[0]).toMatchObject({ line: 6, column: 7 });
    const bad = await failure(`cases:\n  - name: a\n    template: renewal-draft\n    contract: ${HAIDIAN}\n    inputs:\n      increase: ten\n`);
    expect(bad.issues[0]).toMatchObject({ line: 6, column: 17 });
    expect(bad.message).toContain("--increase 应写成百分比");
  });

  it("reports a duplicate case name, a missing contract and an unknown template", async () => {
    const duplicate = await failure(
      `cases:\n  - name: a\n    template: acceptance\n    contract: ${HAIDIAN}\n  - name: A\n    template: contract\n    contract: ${HAIDIAN}\n`,
    );
    expect(duplicate.issues[0]).toMatchObject({ line: 5, column: 11 });
    const missing = await failure("cases:\n  - name: a\n    template: acceptance\n    contract: nowhere.yaml\n");
    expect(missing.issues[0]).toMatchObject({ line: 4, column: 15 });
    const template = await failure(`cases:\n  - name: a\n    template: acceptence\n    contract: ${HAIDIAN}\n`);
    expect(template.issues[0]).toMatchObject({ line: 3, column: 15 });
    expect(template.message).toContain("acceptance");
  });

  it("refuses a case name that cannot be a folder name, and YAML that does not parse", async () => {
    const name = await failure(`cases:\n  - name: ../escape\n    template: acceptance\n    contract: ${HAIDIAN}\n`);
    expect(name.issues[0]).toMatchObject({ line: 2, column: 11 });
    const syntax = await failure("cases:\n  - name: [\n");
    expect(syntax.message).toContain("YAML 语法错误");
  });
});

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSuite } from "@qiyue/golden";
import { listTemplates } from "@qiyue/reports";
import { describe, expect, it } from "vitest";
import { qiyue, ROOT } from "../support/qiyue.js";
import { hasTool } from "../support/tools.js";

const SUITE = join(ROOT, "test", "golden");
const CONTRACTS = readdirSync(join(ROOT, "examples", "contracts"))
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => join(ROOT, "examples", "contracts", name));

describe("the project's golden suite (test/golden)", () => {
  it("covers every example contract with every built-in template", async () => {
    const suite = await loadSuite(SUITE);
    const pairs = new Set(suite.cases.map((c) => `${c.template} × ${c.contract}`));
    for (const template of await listTemplates()) {
      for (const contract of CONTRACTS) expect(pairs, `${template} × ${contract}`).toContain(`${template} × ${contract}`);
    }
    for (const c of suite.cases) expect(c.formats).toEqual(["md", "docx", "pdf"]);
    expect(suite.cases.filter((c) => c.template === "invoice-request").every((c) => c.inputs.installment === 1)).toBe(true);
    expect(suite.cases.filter((c) => c.template === "renewal-draft").every((c) => c.inputs.increase !== undefined)).toBe(true);
  });

  const poppler = hasTool("pdftotext", "pdfinfo", "pdffonts");
  for (const tz of ["UTC", "Asia/Shanghai"]) {
    it.skipIf(!poppler)(`qiyue golden check test/golden exits 0 under TZ=${tz}`, () => {
      const run = qiyue(["golden", "check", "test/golden"], { env: { TZ: tz, NO_COLOR: "1" } });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/\d+ 个用例：\d+ 个一致（用时/);
      expect(run.stderr).toBe("");
    });
  }
});

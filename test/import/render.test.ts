import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importContract, readSource } from "@qiyue/import";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { qiyue, ROOT } from "../support/qiyue.js";

/**
 * A draft is a contract the other commands take: `qiyue render contract` prints a finished one
 * again, clause by clause, and refuses one with placeholders left, naming each.
 */
const SEEDS = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"] as const;

const dir = mkdtempSync(join(tmpdir(), "qiyue-import-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(SEEDS)("qiyue render contract on the draft of %s", (id) => {
  it("prints every clause of the draft, or names the placeholders left", async () => {
    const source = await readSource(join(ROOT, "examples", "import", `${id}.txt`));
    const draft = importContract(source, { file: `${id}.yaml` });
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, draft.yaml);
    const r = qiyue(["render", "contract", "--contract", file, "--format", "md", "--out", dir]);
    if (draft.toConfirm === 0) {
      expect(r.status, r.stderr).toBe(0);
      const md = readFileSync(join(dir, `${id}-合同.md`), "utf8");
      const body = (parse(draft.yaml) as { body: { heading?: string }[] }).body;
      const headings = body.flatMap((s) => (s.heading === undefined ? [] : [s.heading]));
      expect(headings.length).toBeGreaterThanOrEqual(8);
      for (const heading of headings) expect(md).toContain(heading);
      // and each attachment's text, under its heading
      const attachments = (parse(draft.yaml) as { attachments?: { text?: string }[] }).attachments ?? [];
      for (const a of attachments) if (a.text !== undefined) expect(md).toContain(a.text.split("\n")[0]!.slice(0, 20));
    } else {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`尚有 ${draft.toConfirm} 处`);
      for (const f of draft.findings.filter((f) => f.code === "TO_CONFIRM" || f.code === "TO_FILL")) {
        expect(r.stderr).toContain(`${file}:${f.line}:`);
      }
    }
  });
});

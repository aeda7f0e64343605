import { test } from "vitest";
import { loadContract } from "@qiyue/contract-model";
import { loadTemplate } from "./catalog.js";
import { buildTemplateData } from "./data/index.js";
import { parseMarkdown } from "../render/index.js";
import { writeFileSync, mkdirSync } from "node:fs";

const T = process.env.T ?? "acceptance";
const INPUTS = JSON.parse(process.env.I ?? "{}");
test("s", async () => {
  mkdirSync("/tmp/qy", { recursive: true });
  for (const c of ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"]) {
    const { contract } = await loadContract(`../../examples/contracts/${c}.yaml`);
    const t = await loadTemplate(T);
    try {
      const data = buildTemplateData({ contract, inputs: INPUTS, needs: { payment: T === "invoice-request", renewal: T === "renewal-draft" }, options: { theme: "formal", toc: false } });
      const md = t.render(data);
      writeFileSync(`/tmp/qy/${c}-${T}.md`, md);
      const doc = parseMarkdown(md);
      writeFileSync(`/tmp/qy/${c}-${T}.json`, JSON.stringify(doc, null, 1));
      console.log(c, "ok", t.outputName(data), doc.blocks.length);
    } catch (e) { console.log(c, "ERR", (e as Error).message); }
  }
});

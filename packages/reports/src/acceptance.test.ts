import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Contract, formatClause, parseContract } from "@qiyue/contract-model";
import { documentText } from "@qiyue/document";
import { describe, expect, it } from "vitest";
import { parseRendered, renderTemplateMarkdown } from "./fill.js";
import { loadTemplate } from "./templates.js";

const EXAMPLES = ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"] as const;
const contractOf = (id: string): Contract => {
  const file = fileURLToPath(new URL(`../../../examples/contracts/${id}.yaml`, import.meta.url));
  return parseContract(readFileSync(file, "utf8"), `${id}.yaml`).contract;
};

/** The acceptance form's text as the two parties read it, and what it left open. */
async function form(contract: Contract) {
  const template = await loadTemplate("acceptance");
  const rendered = renderTemplateMarkdown({ template, contract });
  return { text: documentText(parseRendered(rendered, template, contract).blocks), pending: rendered.data.pending };
}

describe("the acceptance form as both parties read it", () => {
  it.each(EXAMPLES)("%s: names each service item once, not “值守工作：值守工作……”", async (id) => {
    const contract = contractOf(id);
    const { text } = await form(contract);
    for (const item of contract.scope.items) {
      if (item.title !== undefined) expect(text).not.toContain(`${item.title}：${item.title}`);
      // a clause id is a reference, never a name printed before the text
      if (item.clause !== undefined) expect(text).not.toContain(`${item.clause}：`);
    }
  });

  it.each(EXAMPLES)("%s: prints every clause reference in the house form", async (id) => {
    const contract = contractOf(id);
    const { text } = await form(contract);
    expect(text).not.toMatch(/第\s+\S|\s条|第[^第\s]*第[^条款项目]*条/);
    expect(text).not.toMatch(/附件\S*\s+序号/);
    const ids = [
      contract.acceptance?.clause,
      ...contract.scope.items.map((i) => i.clause),
      ...contract.serviceLevels.map((s) => s.clause),
      ...contract.deliverables.map((d) => d.clause),
    ].filter((c): c is string => c !== undefined);
    expect(ids.length).toBeGreaterThan(0);
    for (const clause of ids) expect(text.replace(/\s+/g, ""), clause).toContain(formatClause(clause));
  });

  it("Pinggu: quotes its acceptance clause as 第一条第9款, and Yuetan its service levels as 第二条（一）", async () => {
    expect((await form(contractOf("pinggu-2026"))).text).toContain("合同第一条第9款约定：");
    expect((await form(contractOf("yuetan-2026"))).text).toContain("签收率（第二条（一））");
    expect((await form(contractOf("haidian-2024"))).text).toMatch(/典型案例\s*\|?\s*附件一第5项/);
  });

  it.each(["bda-2024", "haidian-2024", "sujiatuo-2026", "yuetan-2026"])("%s: no grade, since the contract provides for none", async (id) => {
    const { text, pending } = await form(contractOf(id));
    expect(text).toContain("验收结论：□ 合格　□ 不合格");
    expect(text).not.toContain("验收等级");
    expect(text).not.toMatch(/□\s*优/);
    expect(pending).toEqual([]);
  });

  it("Pinggu: a grade, as 一.9 provides, with the grades it does not name left open and warned about", async () => {
    const { text, pending } = await form(contractOf("pinggu-2026"));
    expect(text).toContain("验收等级（合同第一条第9款）：");
    expect(text).toContain("【待确认：合同约定确定验收等级，未列明等级】");
    expect(text).not.toMatch(/□\s*优/);
    expect(pending).toEqual([{ what: "验收等级", reason: "合同约定确定验收等级，未列明等级", clause: "第一条第9款" }]);
  });

  it.each(EXAMPLES)("%s: a row for each member of the acceptance panel to sign: name, unit, title, signature", async (id) => {
    const { text } = await form(contractOf(id));
    const panel = text.slice(text.indexOf("验收小组成员"));
    expect(panel).toMatch(/序号\s*\|?\s*姓名\s*\|?\s*单位\s*\|?\s*职务\s*\|?\s*签字/);
    for (let n = 1; n <= 5; n++) expect(panel).toMatch(new RegExp(`(^|\\n)\\|?\\s*${n}\\s*\\|`));
    // then both sides' seals
    expect(panel).toMatch(/甲方（盖章）[\s\S]*乙方（盖章）/);
  });

  it("Pinggu: the client's right to supervise and to ask for replacements is not listed as the vendor's duty", async () => {
    const { text } = await form(contractOf("pinggu-2026"));
    expect(text).not.toContain("甲方对乙方的工作质量、进度有监督权");
    expect(text).toMatch(/人员要求[\s\S]*乙方安排专门负责人与甲方对接/);
  });
});

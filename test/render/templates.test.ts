import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { documentText, parseMarkdown } from "@qiyue/document";
import { listTemplates, loadTemplate, renderTemplateMarkdown } from "@qiyue/reports";
import type { TemplateInputs } from "@qiyue/templating";
import { describe, expect, it } from "vitest";

const CONTRACTS = ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"] as const;
const file = (id: string) => fileURLToPath(new URL(`../../examples/contracts/${id}.yaml`, import.meta.url));

/** Inputs each built-in template needs. */
const INPUTS: Record<string, TemplateInputs> = {
  acceptance: {},
  contract: {},
  "invoice-request": { installment: 1 },
  "renewal-draft": { increase: 100_000 },
};

/** All the text of a document, block by block, cells and signature rows included. */
const text = documentText;

/** Pinggu's second installment ("支付至 20%" after 50 % paid) cannot be renewed without the parties' shares. */
const inputsFor = (template: string, id: string): TemplateInputs =>
  template === "renewal-draft" && id === "pinggu-2026" ? { ...INPUTS[template], schedule: "50%/20%/30%" } : (INPUTS[template] ?? {});

async function render(template: string, id: string, inputs: TemplateInputs = inputsFor(template, id)) {
  const { contract } = await loadContract(file(id));
  const rendered = renderTemplateMarkdown({ template: await loadTemplate(template), contract, inputs });
  return { contract, rendered, text: text(parseMarkdown(rendered.markdown, { theme: rendered.theme }).blocks) };
}

describe("every built-in template renders every example contract", async () => {
  const templates = await listTemplates();

  it("has the five documents", () => {
    expect(templates).toEqual(["acceptance", "contract", "invoice-request", "monthly-report", "renewal-draft"]);
  });

  // The monthly report is made from work-order exports as well: its tests give it orders.
  for (const template of templates.filter((t) => t !== "monthly-report")) {
    for (const id of CONTRACTS) {
      it(`${template} × ${id}`, async () => {
        const { contract, rendered, text: t } = await render(template, id);
        expect(rendered.fileName.startsWith(`${id}-`)).toBe(true);
        expect(t).toContain(contract.parties.client.name);
        expect(t).toContain(contract.parties.vendor.name);
        expect(t).toContain(contract.projectName);
        // values are escaped for Markdown: nothing leaks through as syntax
        expect(t).not.toMatch(/\\[-.,:()*_]/);
      });
    }
  }
});

describe("key facts, checked against the contracts' own text", () => {
  it("haidian payment request, installment 1: 50 % of 3,252,191, with the printed capitals", async () => {
    const { text: t } = await render("invoice-request", "haidian-2024");
    expect(t).toContain("1,626,095.50 元（大写：壹佰陆拾贰万陆仟零玖拾伍元伍角）");
    expect(t).toContain("3,252,191.00");
    expect(t).toContain("税率 | 6%");
    expect(t).toContain("税额 | 92,043.14");
    expect(t).toContain("账号：0200003319210012727");
    expect(t).toContain("应付日期：2024年9月23日");
  });

  it("pinggu prints “/” for its bank details: the request asks for them", async () => {
    const { text: t } = await render("invoice-request", "pinggu-2026");
    expect(t).toContain("开户银行：【待确认：合同未载明，请乙方补充】");
    expect(t).toContain("账号：【待确认：合同未载明，请乙方补充】");
    expect(t).toContain("合同未载明适用税率");
    expect(t).toContain("989,550.00");
  });

  it("sujiatuo renewal at +10 %: 1,943,150.00 and its capitals, second renewal still possible", async () => {
    const { text: t } = await render("renewal-draft", "sujiatuo-2026");
    expect(t).toContain("1,943,150.00 元（大写：壹佰玖拾肆万叁仟壹佰伍拾元整）");
    expect(t).toContain("为第 1 次续签");
    expect(t).toContain("本次续签后还可续签 1 次");
    expect(t).toContain("除本合同约定的变更（见第六条对照表）外，原合同其他条款继续有效");
    expect(t).toContain("2027年4月2日起至2028年4月1日止");
  });

  it("sujiatuo renewal at +11 % is refused, naming the 10 % cap and its source", async () => {
    await expect(render("renewal-draft", "sujiatuo-2026", { increase: 110_000 })).rejects.toThrow(
      /超过 10% 的增幅上限（1,943,150\.00 元）.*依据：合同第二条第1款；《中华人民共和国政府采购法》第四十九条/,
    );
  });

  it("the acceptance form lists sujiatuo's 11 staff by role, and leaves the date blank unless given", async () => {
    const { text: t } = await render("acceptance", "sujiatuo-2026");
    expect(t).toContain("合计 | 11 人");
    expect(t).toContain("验收日期：　　　　年　　月　　日");
    const dated = await render("acceptance", "sujiatuo-2026", { date: "2027-04-10" });
    expect(dated.text).toContain("验收日期：2027年4月10日");
  });

  it("the contract reprint keeps the sections in order and prints the signing data", async () => {
    const { text: t } = await render("contract", "haidian-2024");
    expect(t.indexOf("第一条 项目内容")).toBeLessThan(t.indexOf("第十四条 协议有效期及其他"));
    expect(t).toContain("法定代表人/授权委托人：邵灼灼 (签章)");
    expect(t).toContain("附件一、服务清单");
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Contract, parseContract, parseEvents } from "@qiyue/contract-model";
import { documentText } from "@qiyue/document";
import { describe, expect, it } from "vitest";
import { parseRendered, renderTemplateMarkdown } from "./fill.js";
import { loadTemplate } from "./templates.js";

const file = (path: string) => fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url));
const contractOf = (id: string) => parseContract(readFileSync(file(`contracts/${id}.yaml`), "utf8"), `${id}.yaml`).contract;

/** The payment request's text as a reader sees it, and what it left open. */
async function request(contract: Contract, installment: number, events?: { id: string; asOf: string }) {
  const template = await loadTemplate("invoice-request");
  const ledger = events && {
    events: parseEvents(readFileSync(file(`events/${events.id}.yaml`), "utf8"), "events.yaml", { contract }).events,
    asOf: events.asOf,
  };
  const rendered = renderTemplateMarkdown({ template, contract, inputs: { installment }, ...(ledger ? { ledger } : {}) });
  return { text: documentText(parseRendered(rendered, template, contract).blocks), pending: rendered.data.pending };
}

describe("the payment request as finance reads it", () => {
  it("BDA installment 1: the contract sets no deadline, so the request gives none and says so", async () => {
    const { text, pending } = await request(contractOf("bda-2024"), 1);
    expect(text).toContain("应付日期：合同未约定付款期限");
    expect(text).not.toMatch(/应付日期：\s*\**2024年9月30日/);
    expect(pending).toContainEqual(expect.objectContaining({ what: "应付日期", reason: "合同未约定付款期限" }));
  });

  it("Pinggu with its ledger: the basis is the funds' arrival on 2026-03-25; the invoice asked for first came after the day it gives, so no day is computed", async () => {
    const { text } = await request(contractOf("pinggu-2026"), 1, { id: "pinggu-2026", asOf: "2026-06-30" });
    expect(text).toMatch(/财政资金拨付到甲方账户\s*\|?\s*2026年3月25日/);
    expect(text).toMatch(/乙方开具发票并交付甲方（第二条第3款）\s*\|?\s*2026年5月15日/);
    expect(text).toContain("应付日期：【待确认：发票2026年5月15日开具，晚于按付款条件算出的2026年5月11日");
    expect(text).not.toContain("待“财政资金拨付到甲方账户”发生后");
  });

  it("Pinggu with its ledger before the invoice: due 30 working days after the funds arrived", async () => {
    const { text } = await request(contractOf("pinggu-2026"), 1, { id: "pinggu-2026", asOf: "2026-05-12" });
    expect(text).toContain("应付日期：2026年5月11日");
  });

  it("each deduction shows the deliverable, its due date, the day it came in, the days late, the clause and the arithmetic", async () => {
    const { text } = await request(contractOf("pinggu-2026"), 1, { id: "pinggu-2026", asOf: "2026-06-30" });
    expect(text).toMatch(/月报 2026-04 期\s*\|?\s*2026年5月6日\s*\|?\s*2026年5月9日\s*\|?\s*3 日/);
    expect(text).toContain("第四条第1款（迟延履行）");
    expect(text).toContain("计算：1% × 1,979,100.00 元 × 3 日 = 59,373.00 元");
    expect(text).toMatch(/未按时参加工作会议\s*\|?\s*2026年5月22日\s*\|?\s*1\s*\|?\s*项目负责人出差/);
  });

  it("Yuetan asks for a 增值税专用发票 (5.2); BDA names no type", async () => {
    expect((await request(contractOf("yuetan-2026"), 1)).text).toContain("发票类型：增值税专用发票（合同第5.2条）");
    expect((await request(contractOf("bda-2024"), 1)).text).toContain("发票类型：合同未约定发票类型（□ 增值税专用发票　□ 增值税普通发票）");
  });

  it("the client's side is its approval chain: 经办人, 科室负责人, 财务, 分管领导, or the contract's own", async () => {
    const bda = contractOf("bda-2024");
    const { text } = await request(bda, 1);
    expect(text).toContain("七、甲方审批");
    for (const step of ["经办人", "科室负责人", "财务", "分管领导"]) expect(text).toMatch(new RegExp(`\\|?\\s*${step}\\s*\\|`));
    const own = await request({ ...bda, payments: { ...bda.payments, approval: ["经办人", "财务科长", "局长"] } }, 1);
    expect(own.text).toMatch(/财务科长/);
    expect(own.text).not.toMatch(/分管领导/);
  });
});

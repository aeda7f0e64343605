import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseContract, parseEvents } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { documentText } from "@qiyue/document";
import { parseRendered, renderTemplateMarkdown } from "./fill.js";
import { loadTemplate } from "./templates.js";

const contractFile = fileURLToPath(new URL("../../../examples/contracts/pinggu-2026.yaml", import.meta.url));
const contract = parseContract(readFileSync(contractFile, "utf8"), "pinggu-2026.yaml").contract;

/** Two missed meetings (四.3, ¥1,000 each) and one unannounced manager change (四.5, ¥10,000); 四.15 lets the client deduct them. */
const ledger = `contract: pinggu-2026
events:
  - { date: 2026-03-19, event: signed }
  - { date: 2026-04-10, event: meeting-missed }
  - { date: 2026-04-24, event: meeting-missed }
  - { date: 2026-05-06, event: manager-changed, notified: false }
`;

async function invoiceText(asOf?: string): Promise<string> {
  const template = await loadTemplate("invoice-request");
  const events = parseEvents(ledger, "events.yaml", { contract }).events;
  const rendered = renderTemplateMarkdown({
    template,
    contract,
    inputs: { installment: 1 },
    ...(asOf ? { ledger: { events, asOf } } : {}),
  });
  return documentText(parseRendered(rendered, template, contract).blocks);
}

describe("invoice-request with an events ledger", () => {
  it("deducts the deductible penalties recorded so far and shows the net payable", async () => {
    const text = await invoiceText("2026-06-30");
    // 50 % of 1,979,100.00 = 989,550.00; penalties 2 × 1,000 + 10,000 = 12,000.00; net 977,550.00
    expect(text).toContain("扣减金额：12,000.00 元（大写：壹万贰仟元整）");
    expect(text).toContain("本期应付：977,550.00 元（大写：玖拾柒万柒仟伍佰伍拾元整）");
    expect(text).toContain("1,000.00 元 × 2 次");
    expect(text).toContain("10,000.00 元 × 1 次");
  });

  it("reads the ledger at its date: nothing had happened by the end of March", async () => {
    const text = await invoiceText("2026-03-31");
    expect(text).toContain("扣减金额：无");
    expect(text).toContain("履约记录中没有可从合同款中扣除的违约金");
    expect(text).toContain("本期应付：989,550.00 元");
  });

  it("without a ledger the request leaves a line for deductions to fill in", async () => {
    const text = await invoiceText();
    expect(text).toContain("违约金及其他扣减：无");
    expect(text).toContain("本期应付：989,550.00 元");
  });
});

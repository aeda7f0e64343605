import { Invoice } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { compareLeaves, foundAt, modelOf, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractInvoice } from "./invoice.js";

describe("extractInvoice on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: required, days before payment, type and choices agree with the hand-made model`, () => {
      const model = modelOf(id);
      const found = foundAt(runOnSeed(extractInvoice, id), "payments", "invoice");
      expect(found).toBeDefined();
      const c = compareLeaves(model.payments.invoice, Invoice.parse(found?.value));
      expect({ wrong: c.wrong, extra: c.extra, missing: c.missing }).toEqual({ wrong: [], extra: [], missing: [] });
    });
  }
});

describe("extractInvoice on other wordings", () => {
  it("reads a ticked choice (☑) and leaves the unticked one as a choice", () => {
    const x = runOnText(extractInvoice, "乙方应在每次付款前开具发票，发票类型（请选择）：\n□增值税专用发票\n☑增值税普通发票");
    expect(foundAt(x, "payments", "invoice")?.value).toMatchObject({
      required: true,
      choices: ["增值税专用发票", "增值税普通发票"],
      type: "增值税普通发票",
    });
  });

  it("omits the type when no choice is ticked", () => {
    const x = runOnText(extractInvoice, "发票类型（请选择）：\n增值税专用发票\n增值税普通发票");
    const v = foundAt(x, "payments", "invoice")?.value as Record<string, unknown>;
    expect(v.type).toBeUndefined();
    expect(v.required).toBe(false);
  });

  it("reads the type required and how many days before payment", () => {
    const x = runOnText(extractInvoice, "每次付款前10日，乙方应向甲方开具增值税专用发票。");
    expect(foundAt(x, "payments", "invoice")?.value).toMatchObject({ required: true, daysBeforePayment: 10, type: "增值税专用发票" });
  });

  it("does not read 非增值税专用发票 as 增值税专用发票", () => {
    const x = runOnText(extractInvoice, "甲方收到乙方开具的非增值税专用发票后支付。");
    expect((foundAt(x, "payments", "invoice")?.value as { type?: string } | undefined)?.type).toBe("非增值税专用发票");
  });

  it("finds nothing when invoices are not mentioned", () => {
    expect(runOnText(extractInvoice, "甲方按月支付服务费。").found).toEqual([]);
  });
});

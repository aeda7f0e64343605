/**
 * A contract of our own in another wording (examples/import/other/security-service.txt): a security
 * service, its payments in a table paid by the quarter, sums printed as ¥360,000.00, periods in
 * 自然日. Read the way `qiyue import` reads a .txt, then through every extractor of fees, term,
 * payments, invoice, service levels, deliverables and penalties.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Installment, Penalty } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { textSource } from "../source/text-file.js";
import { foundAt, listAt, stubClause } from "../testing/extract-check.test-support.js";
import { REPO } from "../testing/seeds.test-support.js";
import { extractDeliverables } from "./deliverables.js";
import { extractInvoice } from "./invoice.js";
import { extractMoney } from "./money.js";
import { extractPayments } from "./payments.js";
import { extractPenalties } from "./penalties.js";
import { extractServiceLevels } from "./service-levels.js";
import { extractTerm } from "./term.js";
import type { Extractor } from "./types.js";

const FILE = join(REPO, "examples", "import", "other", "security-service.txt");
const source = textSource(readFileSync(FILE), "security-service.txt", "txt");
const run = (e: Extractor) => e({ source, clauseAt: stubClause });

describe("security-service.txt", () => {
  it("fees: ¥360,000.00 with its capitals, tax included at 6%, a fixed price", () => {
    const x = run(extractMoney);
    expect(foundAt(x, "fees", "total", "amount")?.value).toBe("360,000.00");
    expect(foundAt(x, "fees", "total", "capitals")?.value).toBe("人民币叁拾陆万元整");
    expect(foundAt(x, "fees", "taxIncluded")?.value).toBe(true);
    expect(foundAt(x, "fees", "taxRate")?.value).toBe("6%");
    expect(foundAt(x, "fees", "pricing")?.value).toEqual({ kind: "fixed" });
    expect(x.toConfirm).toEqual([]);
  });

  it("term: 2026-07-01 to 2027-06-30", () => {
    const x = run(extractTerm);
    expect([foundAt(x, "term", "start")?.value, foundAt(x, "term", "end")?.value]).toEqual(["2026-07-01", "2027-06-30"]);
  });

  it("payments: four quarterly installments read from the table, in natural days", () => {
    const x = run(extractPayments);
    const found = listAt(x, "payments", "installments").map((v) => Installment.parse(v));
    expect(found.map((i) => [i.label, i.basis, i.trigger, i.offset?.days, i.offset?.unit, i.printed?.amount])).toEqual([
      ["第一期", { kind: "share", share: 250_000 }, [{ event: "signed" }, { event: "other", text: "乙方进场" }], 10, "natural", 9_000_000],
      [
        "第二期",
        { kind: "share", share: 250_000 },
        [
          { event: "months-after-start", months: 3 },
          { event: "other", text: "考核合格" },
        ],
        10,
        "natural",
        9_000_000,
      ],
      [
        "第三期",
        { kind: "share", share: 250_000 },
        [
          { event: "months-after-start", months: 6 },
          { event: "other", text: "考核合格" },
        ],
        10,
        "natural",
        9_000_000,
      ],
      ["第四期", { kind: "remainder" }, [{ event: "term-ended" }, { event: "acceptance-passed" }], 10, "natural", 9_000_000],
    ]);
    expect(x.toConfirm).toEqual([]);
    expect(foundAt(x, "payments", "method")?.value).toBe("银行转账");
    expect(foundAt(x, "payments", "delayExcused")?.value).toBe("因财政资金审批原因导致付款延迟的，甲方不承担违约责任。");
  });

  it("invoice: a 增值税专用发票 before each payment", () => {
    expect(foundAt(run(extractInvoice), "payments", "invoice")?.value).toMatchObject({ required: true, type: "增值税专用发票" });
  });

  it("service levels: the rates with no name in the model, kept as other", () => {
    expect(listAt(run(extractServiceLevels), "serviceLevels")).toMatchObject([
      { metric: "other", target: "98%" },
      { metric: "other", target: "100%" },
    ]);
  });

  it("deliverables: a monthly, a quarterly and a yearly report", () => {
    expect(listAt(run(extractDeliverables), "deliverables")).toMatchObject([
      { name: "安保工作月报", frequency: "monthly", due: { days: 5, unit: "working" } },
      { name: "季度考核报告", frequency: "quarterly", due: { days: 10, unit: "natural" } },
      { name: "年度工作总结", frequency: "yearly" },
    ]);
  });

  it("penalties: five, of five shapes, the vendor's deductible", () => {
    const found = listAt(run(extractPenalties), "penalties").map((v) => Penalty.parse(v));
    expect(found).toMatchObject([
      { kind: "per-day", payer: "client", rate: 500, base: "overdue-amount", deductible: false },
      { kind: "per-occurrence", payer: "vendor", amount: 50_000, deductible: true },
      { kind: "per-occurrence-share", payer: "vendor", rate: 20_000, base: "monthly-fee", deductible: true },
      { kind: "share", payer: "vendor", rate: 100_000, base: "contract-total", deductible: true, termination: { by: "client", immediate: true } },
      { kind: "fixed", payer: "either", amount: 7_200_000, statedShare: 200_000, base: "contract-total", deductible: false },
    ]);
  });
});

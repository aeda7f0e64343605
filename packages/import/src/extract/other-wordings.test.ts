/**
 * The price, term, payments and penalties of the two other contracts of our own under
 * examples/import/other/ (a cleaning contract in .txt, a property-management contract in .md), read
 * the way `qiyue import` reads them. Their capitals come before the figure, one pays by the quarter
 * without saying how much a quarter is due when, and one deducts a share of a quarter's fee: what the
 * model cannot hold is left to confirm.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textSource } from "../source/text-file.js";
import type { SourceText } from "../source/types.js";
import { foundAt, listAt, reasonsAt, stubClause } from "../testing/extract-check.test-support.js";
import { REPO } from "../testing/seeds.test-support.js";
import { extractMoney } from "./money.js";
import { extractPayments } from "./payments.js";
import { extractPenalties } from "./penalties.js";
import { extractTerm } from "./term.js";
import type { Extractor } from "./types.js";

const read = (name: string) => readFileSync(join(REPO, "examples", "import", "other", name));

function sourceOf(name: string): SourceText {
  return textSource(read(name), name, name.endsWith(".md") ? "md" : "txt");
}

const run = (name: string, e: Extractor) => e({ source: sourceOf(name), clauseAt: stubClause });

describe("dongling-baojie-2025.txt (cleaning)", () => {
  const file = "dongling-baojie-2025.txt";

  it("reads a total printed as capitals first, the figure in brackets", () => {
    const x = run(file, extractMoney);
    expect(foundAt(x, "fees", "total", "amount")?.value).toBe("1,200,000.00");
    expect(foundAt(x, "fees", "total", "capitals")?.value).toBe("壹佰贰拾万元整");
    expect(foundAt(x, "fees", "taxIncluded")).toBeUndefined();
  });

  it("reads the term and three installments", () => {
    expect(foundAt(run(file, extractTerm), "term", "end")?.value).toBe("2026-03-31");
    expect(listAt(run(file, extractPayments), "payments", "installments")).toMatchObject([
      { basis: { kind: "share", share: "40%" }, trigger: [{ event: "signed" }], offset: { days: 10, unit: "working" } },
      { basis: { kind: "share", share: "30%" }, trigger: [{ event: "months-after-start", months: 6 }, { event: "other", text: "考核合格" }] },
      { basis: { kind: "remainder" }, trigger: [{ event: "term-ended" }, { event: "acceptance-passed" }] },
    ]);
  });

  it("reads 每发现一次扣除当月服务费的 1% as a share of the month's fee per occurrence", () => {
    expect(listAt(run(file, extractPenalties), "penalties")).toMatchObject([
      { kind: "per-occurrence-share", payer: "vendor", rate: "1%", base: "monthly-fee", deductible: true },
    ]);
  });
});

describe("qinglin-wuye-2025.md (property management)", () => {
  const file = "qinglin-wuye-2025.md";

  it("reads the total and a term printed with dotted dates", () => {
    expect(foundAt(run(file, extractMoney), "fees", "total", "amount")?.value).toBe("2,400,000.00");
    const term = run(file, extractTerm);
    expect([foundAt(term, "term", "start")?.value, foundAt(term, "term", "end")?.value]).toEqual(["2025-03-01", "2026-02-28"]);
  });

  it("leaves quarterly payments with no schedule to confirm rather than inventing one", () => {
    const x = run(file, extractPayments);
    expect(listAt(x, "payments", "installments")).toEqual([]);
    expect(reasonsAt(x, "payments", "installments")).toEqual(["合同按季度（或按期）支付，未写明各期的比例和付款条件，请逐期填写"]);
  });

  it("leaves a deduction from a quarter's fee, which the model has no base for, to confirm", () => {
    const x = run(file, extractPenalties);
    expect(listAt(x, "penalties")).toEqual([]);
    expect(reasonsAt(x, "penalties", 0)[0]).toContain("当季价款");
  });
});

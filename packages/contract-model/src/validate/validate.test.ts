import { describe, expect, it } from "vitest";
import { EXAMPLES, type ExampleId, loadExample, loadExampleWith } from "../testing/examples.js";
import { validateContract } from "./validate.js";

const codes = (id: ExampleId, severity: string) =>
  validateContract(loadExample(id))
    .filter((f) => f.severity === severity)
    .map((f) => f.code)
    .sort();

/**
 * What a careful reviewer reports on the five real contracts, read off the printed text:
 * the forbidden 一 in Pinggu's capitals, its "支付至合同总额的 20%" after 50 % was paid,
 * Sujiatuo's signature page dated 2020 under a 2026 cover, Haidian's doubled 海淀区 on the cover,
 * its "7 日内或 12 月 31 日前" deadline and its excused late payments, courts not named, ...
 */
describe("the five example contracts", () => {
  it("Pinggu: forbidden character in the capitals and an impossible cumulative share", () => {
    expect(codes("pinggu-2026", "error")).toEqual(["CAPITALS_INVALID", "PAYMENT_CUMULATIVE_BELOW_PAID"]);
    expect(codes("pinggu-2026", "warning")).toEqual(["BANK_DETAILS_MISSING", "PENALTY_DAILY_RATE_HIGH", "PENALTY_RANGE_DISCRETIONARY"]);
    const capitals = validateContract(loadExample("pinggu-2026")).find((f) => f.code === "CAPITALS_INVALID");
    expect(capitals?.message).toContain("“一”");
    expect(capitals?.message).toContain("壹佰玖拾柒万玖仟壹佰元整");
    expect(capitals?.path).toBe("fees.total.capitals");
  });

  it("Haidian: amounts and capitals all agree; the cover and signature page disagree", () => {
    expect(codes("haidian-2024", "error")).toEqual([]);
    expect(codes("haidian-2024", "warning")).toEqual(["COMPLETION_AMBIGUOUS", "LATE_PAYMENT_PENALTY_EXCUSED", "PARTY_MISMATCH"]);
    const party = validateContract(loadExample("haidian-2024")).find((f) => f.code === "PARTY_MISMATCH");
    expect(party?.message).toContain("海淀区海淀区");
  });

  it("Yuetan: a subjective payment condition and an unnamed court", () => {
    expect(codes("yuetan-2026", "error")).toEqual([]);
    expect(codes("yuetan-2026", "warning")).toEqual(["COURT_UNSPECIFIED", "PAYMENT_SOFT_CONDITION"]);
  });

  it("Sujiatuo: the signature page says 2020 on both sides", () => {
    const findings = validateContract(loadExample("sujiatuo-2026"));
    const dates = findings.filter((f) => f.code === "SIGNATURE_DATE_MISMATCH");
    expect(dates.map((f) => f.path)).toEqual(["signing.signaturePage.client.date", "signing.signaturePage.vendor.date"]);
    expect(dates[0]?.message).toContain("2020年3月30日");
    expect(codes("sujiatuo-2026", "error")).toEqual(["SIGNATURE_DATE_MISMATCH", "SIGNATURE_DATE_MISMATCH"]);
    expect(codes("sujiatuo-2026", "info")).toContain("MONTHLY_FEE_UNEVEN");
  });

  it("BDA: installments without a payment deadline", () => {
    expect(codes("bda-2024", "error")).toEqual([]);
    expect(codes("bda-2024", "warning")).toEqual(["COURT_UNSPECIFIED", "PAYMENT_NO_DEADLINE", "PAYMENT_NO_DEADLINE"]);
  });

  it.each(EXAMPLES)("%s: every finding points at a line and column of its YAML", (id) => {
    for (const f of validateContract(loadExample(id))) {
      expect(f.line, `${f.code} ${f.path}`).toBeGreaterThan(0);
      expect(f.column, `${f.code} ${f.path}`).toBeGreaterThan(0);
    }
  });
});

describe("rules, on deliberately broken copies of the examples", () => {
  const only = (id: ExampleId, edits: Parameters<typeof loadExampleWith>[1], code: string) =>
    validateContract(loadExampleWith(id, edits)).filter((f) => f.code === code);

  it("a printed installment amount that is not its share of the total", () => {
    const [f] = only("haidian-2024", [[["payments", "installments", 0, "printed", "amount"], "1626095.6"]], "PAYMENT_AMOUNT_MISMATCH");
    expect(f?.message).toContain("1,626,095.60");
    expect(f?.message).toContain("1,626,095.50");
    expect(f?.path).toBe("payments.installments[0].printed.amount");
  });

  it("printed capitals that name another amount", () => {
    const [f] = only("haidian-2024", [[["payments", "installments", 1, "printed", "capitals"], "玖拾柒万伍仟陆佰伍拾柒元肆角"]], "CAPITALS_MISMATCH");
    expect(f?.message).toContain("975,657.40");
  });

  it("shares that add up to more than the total", () => {
    const [f] = only("haidian-2024", [[["payments", "installments", 0, "basis", "share"], "60%"]], "PAYMENT_SHARES_SUM");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("多 325,219.10 元");
  });

  it("a fixed penalty that is not the share it says it is", () => {
    const broken = loadExampleWith("sujiatuo-2026", []);
    const index = broken.contract.penalties.findIndex((p) => p.clause === "九.4");
    const [f] = only("sujiatuo-2026", [[["penalties", index, "amount"], "353,000.00"]], "PENALTY_FIXED_SHARE_MISMATCH");
    expect(f?.message).toContain("353,300.00");
  });

  it("a term that ends before it starts", () => {
    expect(only("bda-2024", [[["term", "end"], "2024-10-01"]], "TERM_ORDER")).toHaveLength(1);
  });

  it("copies that do not add up", () => {
    expect(only("haidian-2024", [[["copies", "vendor"], 2]], "COPIES_SUM")).toHaveLength(1);
  });

  it("staffing roles that do not add up to the stated head-count", () => {
    expect(only("sujiatuo-2026", [[["scope", "staffing", "total"], 12]], "STAFFING_SUM")).toHaveLength(1);
  });

  it("a renewal policy looser than the statute, or incoherent", () => {
    expect(only("sujiatuo-2026", [[["renewal", "policy", "maxIncrease"], "15%"]], "RENEWAL_INCREASE_ABOVE_STATUTE")).toHaveLength(1);
    expect(only("sujiatuo-2026", [[["renewal", "policy", "maxRenewals"], 3]], "RENEWAL_POLICY_INCOHERENT")).toHaveLength(1);
    expect(only("sujiatuo-2026", [], "RENEWAL_POLICY_INCOHERENT")).toHaveLength(0);
  });

  it("a reference to a penalty clause that does not exist", () => {
    expect(only("sujiatuo-2026", [[["confidentiality", "penaltyClause"], "九.9"]], "REF_PENALTY_CLAUSE")).toHaveLength(1);
  });

  it("a signature page that agrees with the cover raises nothing", () => {
    const fixed = loadExampleWith("sujiatuo-2026", [
      [["signing", "signaturePage", "client", "date"], "2026-03-30"],
      [["signing", "signaturePage", "vendor", "date"], "2026-03-30"],
    ]);
    expect(validateContract(fixed).filter((f) => f.severity === "error")).toEqual([]);
  });
});

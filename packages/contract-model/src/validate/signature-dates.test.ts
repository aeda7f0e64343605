import { describe, expect, it } from "vitest";
import { EXAMPLES, loadExample, loadExampleWith } from "../testing/examples.js";
import { signatureDateQueries } from "./signature-dates.js";
import { validateContract } from "./validate.js";

describe("signature dates the validator questions, with the note a reprint prints beside them", () => {
  it("Sujiatuo: 2020年3月30日 on both sides of a contract signed on 2026年3月30日", () => {
    const queries = signatureDateQueries(loadExample("sujiatuo-2026").contract);
    expect(queries.map((q) => [q.code, q.path.join("."), q.date])).toEqual([
      ["SIGNATURE_DATE_MISMATCH", "signing.signaturePage.client.date", "2020-03-30"],
      ["SIGNATURE_DATE_MISMATCH", "signing.signaturePage.vendor.date", "2020-03-30"],
    ]);
    expect(queries[0]!.note).toBe("〔注：签署日期与封面签订日期2026年3月30日年份不同，疑为笔误，请核对〕");
    expect(queries[0]!.message).toBe("签署页甲方日期为 2020年3月30日，与封面签订日期 2026年3月30日 不一致（年份不同，疑为笔误）");
  });

  it("an attachment's signature page is checked as the contract's is", () => {
    const loaded = loadExampleWith("sujiatuo-2026", [
      [["attachments", 0, "signaturePage", "vendor", "date"], "2026-04-30"],
      [["signing", "signaturePage", "client", "date"], "2026-03-30"],
      [["signing", "signaturePage", "vendor", "date"], "2026-03-30"],
    ]);
    const [query, ...rest] = signatureDateQueries(loaded.contract);
    expect(rest).toEqual([]);
    expect(query).toMatchObject({ code: "SIGNATURE_DATE_MISMATCH", path: ["attachments", 0, "signaturePage", "vendor", "date"] });
    expect(query!.note).toBe("〔注：签署日期与封面签订日期2026年3月30日不一致，请核对〕");
    expect(validateContract(loaded).find((f) => f.code === "SIGNATURE_DATE_MISMATCH")?.path).toBe("attachments[0].signaturePage.vendor.date");
  });

  it("without a signing date on the cover, a date a year or more before the term, or after it, is questioned against the term", () => {
    const loaded = loadExampleWith("sujiatuo-2026", [
      [["signing", "date"], undefined],
      [["signing", "signaturePage", "vendor", "date"], "2027-05-01"],
    ]);
    const queries = signatureDateQueries(loaded.contract);
    expect(queries.map((q) => [q.code, q.severity, q.path.join(".")])).toEqual([
      ["SIGNATURE_DATE_OUTSIDE_TERM", "warning", "signing.signaturePage.client.date"],
      ["SIGNATURE_DATE_OUTSIDE_TERM", "warning", "signing.signaturePage.vendor.date"],
    ]);
    expect(queries.map((q) => q.note)).toEqual([
      "〔注：签署日期早于服务期（2026年4月2日起）一年以上，请核对〕",
      "〔注：签署日期晚于服务期结束日2027年4月1日，请核对〕",
    ]);
    const findings = validateContract(loaded).filter((f) => f.code === "SIGNATURE_DATE_OUTSIDE_TERM");
    expect(findings.map((f) => f.line)).toEqual([expect.any(Number), expect.any(Number)]);
    // a date shortly before the term, as contracts are signed, is not questioned
    const usual = loadExampleWith("sujiatuo-2026", [
      [["signing", "date"], undefined],
      [["signing", "signaturePage", "client", "date"], "2026-03-30"],
      [["signing", "signaturePage", "vendor", "date"], "2025-04-03"],
    ]);
    expect(signatureDateQueries(usual.contract)).toEqual([]);
  });

  it("the other examples' signature dates are their signing dates", () => {
    for (const id of EXAMPLES.filter((e) => e !== "sujiatuo-2026")) expect(signatureDateQueries(loadExample(id).contract), id).toEqual([]);
  });
});

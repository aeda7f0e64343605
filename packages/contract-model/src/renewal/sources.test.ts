import { describe, expect, it } from "vitest";
import { STATUTORY_RENEWAL_POLICY } from "./policy.js";
import { citeCap, citeSource } from "./sources.js";

const NOTICE_37 = "《财政部关于推进和完善服务项目政府采购有关问题的通知》（财库〔2014〕37号）";

describe("citeSource: a regulation is cited by its title in 《》 and its number", () => {
  it("a document the default caps cite, written without title marks or by its number alone, is cited as they cite it", () => {
    expect(citeSource("财政部关于推进和完善服务项目政府采购有关问题的通知（财库〔2014〕37号）")).toBe(NOTICE_37);
    expect(citeSource("财库〔2014〕37号")).toBe(NOTICE_37);
    expect(citeSource(NOTICE_37)).toBe(NOTICE_37);
  });

  it("another document written by its name and number gets the title marks; anything else is cited as written", () => {
    expect(citeSource("政府采购竞争性磋商采购方式管理暂行办法(财库〔2014〕214号)")).toBe("《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）");
    expect(citeSource("《中华人民共和国政府采购法》第四十九条")).toBe("《中华人民共和国政府采购法》第四十九条");
    expect(citeSource("苏家坨镇 2026 年接诉即办服务项目合同 二.1")).toBe("苏家坨镇 2026 年接诉即办服务项目合同 二.1");
  });

  it("a cap's sources are cited so", () => {
    const policy = { ...STATUTORY_RENEWAL_POLICY, sources: [{ title: "财政部关于推进和完善服务项目政府采购有关问题的通知（财库〔2014〕37号）" }] };
    expect(citeCap("total-years", policy, { kind: "given" })).toBe(NOTICE_37);
  });
});

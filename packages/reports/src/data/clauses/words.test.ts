import { describe, expect, it } from "vitest";
import { articleName, bare, cnNumber, exactShare, runningText, sentence, yuanWords } from "./words.js";

describe("words of the generated text", () => {
  it("numbers articles and copies in Chinese numerals", () => {
    expect([0, 1, 9, 10, 11, 20, 23, 99].map(cnNumber)).toEqual(["零", "一", "九", "十", "十一", "二十", "二十三", "九十九"]);
    expect(articleName(12)).toBe("第十二条");
  });

  it("ends the model's words as one sentence, whatever they ended with", () => {
    expect(sentence("负责统计记录平台每日工作运行情况；")).toBe("负责统计记录平台每日工作运行情况。");
    expect(sentence("甲方有权解除合同, ")).toBe("甲方有权解除合同。");
    expect(sentence("a\n\nb")).toBe("a\nb。");
    expect(bare("学历不得低于专科。")).toBe("学历不得低于专科");
  });

  it("writes an amount with its capitals; a share of it only when it is exact to the 分", () => {
    expect(yuanWords(162_609_550)).toBe("人民币1,626,095.50元（大写：壹佰陆拾贰万陆仟零玖拾伍元伍角）");
    expect(exactShare(197_910_000, 10_000)).toBe(1_979_100);
    // 0.3 % of 3,252,191.00 is 9,756.573: not a sum the contract states
    expect(exactShare(325_219_100, 3_000)).toBeUndefined();
  });

  it("writes the schedule's conditions as running text", () => {
    expect(runningText("签订合同 2 个月后")).toBe("签订合同2个月后");
    expect(runningText("结算评审 / 审计结束且财政资金拨付到甲方账户后 30 个工作日内")).toBe("结算评审或审计结束且财政资金拨付到甲方账户后30个工作日内");
    expect(runningText("2026年6月30日前")).toBe("2026年6月30日前");
  });
});

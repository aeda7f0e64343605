import { describe, expect, it } from "vitest";
import { findDays, findOffsetAfter } from "./offsets.js";
import { findPercentRange, findPercents } from "./percent.js";

describe("findPercents", () => {
  it("reads figures, words and per-mille forms exactly", () => {
    expect(findPercents("0.3%的违约金，合同总价的 10 ％，百分之二十，千分之三，万分之五").map((p) => p.value)).toEqual([
      "0.3%",
      "10%",
      "20%",
      "0.3%",
      "0.05%",
    ]);
  });

  it("reads a range", () => {
    expect(findPercentRange("按照合同金额的 10-30% 支付违约金")).toMatchObject({ min: "10%", max: "30%" });
    expect(findPercentRange("扣除10%至20%")).toMatchObject({ min: "10%", max: "20%" });
  });
});

describe("findDays", () => {
  it("tells working days from natural ones, and a bare 日 from a stated unit", () => {
    expect(findDays("15个工作日内；10个自然日；30日内；五天").map((d) => [d.days, d.unit, d.explicit])).toEqual([
      [15, "working", true],
      [10, "natural", true],
      [30, "natural", false],
      [5, "natural", false],
    ]);
  });

  it("does not read a date or 日报 as a period", () => {
    expect(findDays("2027 年 3 月 18 日前完成日报")).toEqual([]);
  });

  it("finds the period after an event", () => {
    expect(findOffsetAfter("财政资金到位后 20 个工作日，甲方支付")).toMatchObject({ days: 20, unit: "working" });
    expect(findOffsetAfter("签订合同 3 个月后，甲方支付")).toBeUndefined();
  });
});

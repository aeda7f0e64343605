import { describe, expect, it } from "vitest";
import { findCapitals, findFigures, printedSum } from "./amounts.js";

describe("findFigures", () => {
  it("reads figures with 元, 万元 or ¥, as printed", () => {
    expect(findFigures("含税总价 4815162元(大写…)").map((f) => [f.fen, f.value])).toEqual([[481516200, 4815162]]);
    expect(findFigures("即¥2407581.5元,大写").map((f) => f.value)).toEqual([2407581.5]);
    expect(findFigures("合同价：2,400,000.00 元").map((f) => f.value)).toEqual(["2,400,000.00"]);
    expect(findFigures("合同金额：¥360,000.00（大写）").map((f) => f.value)).toEqual(["360,000.00"]);
    expect(findFigures("总价为36万元").map((f) => f.fen)).toEqual([36_000_000]);
  });

  it("reads a figure a scan spaced out, and says so", () => {
    const [f] = findFigures("应向对方支付 482, 600. 00 元 (或…)");
    expect([f?.fen, f?.value, f?.spaced]).toEqual([48_260_000, "482,600.00", true]);
  });

  it("does not read dates, counts or shares as sums", () => {
    expect(findFigures("2025年10月付合同总价的25%，7*24小时，12345热线，30日内")).toEqual([]);
  });
});

describe("findCapitals and printedSum", () => {
  it("keeps a 人民币 that follows the label's colon, drops one that is part of the label", () => {
    expect(findCapitals("(大写:人民币贰佰肆拾万零伍仟元整)")?.text).toBe("人民币贰佰肆拾万零伍仟元整");
    expect(findCapitals("大写人民币肆拾捌万贰仟陆佰元叁角。")?.text).toBe("肆拾捌万贰仟陆佰元叁角");
  });

  it("joins capitals a page break cut in two", () => {
    expect(findCapitals("大写人民币贰佰肆拾万柒仟伍佰捌", 0, "拾壹元伍角。")?.fen).toBe(240_758_150);
  });

  it("reads everyday numerals leniently but says the capitals are not standard", () => {
    const c = findCapitals("(大写人民币: 贰佰肆拾万零三百元整)");
    expect([c?.fen, c?.standard]).toEqual([240_030_000, false]);
  });

  it("checks the figure against its capitals", () => {
    const text = "计984000元（大写：玖拾捌万伍仟元整）";
    expect(printedSum(text, findFigures(text)[0]!).agree).toBe(false);
    const ok = "计984000元（大写：玖拾捌万肆仟元整）";
    expect(printedSum(ok, findFigures(ok)[0]!).agree).toBe(true);
  });
});

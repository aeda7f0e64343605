import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCapitals } from "./format.js";

/** Amounts from the People's Bank of China rules and from hand-worked cases, in 分. */
const EXAMPLES: ReadonlyArray<readonly [number, string]> = [
  [0, "零元整"],
  [5, "伍分"],
  [50, "伍角"],
  [55, "伍角伍分"],
  [100, "壹元整"],
  [105, "壹元零伍分"],
  [150, "壹元伍角"],
  [1000, "壹拾元整"],
  [1050, "壹拾元零伍角"],
  [1600, "壹拾陆元整"],
  [11000, "壹佰壹拾元整"],
  [32504, "叁佰贰拾伍元零肆分"],
  [100500, "壹仟零伍元整"],
  [140950, "壹仟肆佰零玖元伍角"],
  [168032, "壹仟陆佰捌拾元零叁角贰分"],
  [600714, "陆仟零柒元壹角肆分"],
  [1001000, "壹万零壹拾元整"],
  [1640902, "壹万陆仟肆佰零玖元零贰分"],
  [10050000, "壹拾万零伍佰元整"],
  [10700053, "壹拾万零柒仟元零伍角叁分"],
  [16000000, "壹拾陆万元整"],
  [100010000, "壹佰万零壹佰元整"],
  [100500000, "壹佰万零伍仟元整"],
  [105000000, "壹佰零伍万元整"],
  [1001000000, "壹仟零壹万元整"],
  [10000000100, "壹亿零壹元整"],
  [10000500000, "壹亿零伍仟元整"],
  [105000000000, "壹拾亿零伍仟万元整"],
  [1000000000000, "壹佰亿元整"],
  [100000000000000, "壹万亿元整"],
  [100050000000000, "壹万零伍亿元整"],
  [Number.MAX_SAFE_INTEGER, "玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分"],
];

describe("formatCapitals", () => {
  it.each(EXAMPLES)("writes %d 分 as %s", (fen, text) => {
    expect(formatCapitals(fen)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("rejects %d with a RangeError", (fen) => {
    expect(() => formatCapitals(fen)).toThrow(RangeError);
  });

  it("never writes 整 after 角 or 分, and always after 元", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), (fen) => {
        const text = formatCapitals(fen);
        expect(text.endsWith("整")).toBe(fen % 100 === 0);
        expect(text.endsWith("分")).toBe(fen % 10 !== 0);
      }),
    );
  });

  it("writes one 零 for each run of zeros between nonzero digits of the figure", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const runs = String(fen).match(/(?<=[1-9])0+(?=[1-9])/g)?.length ?? 0;
        expect(formatCapitals(fen).match(/零/g)?.length ?? 0).toBe(runs);
      }),
    );
  });

  it("writes every nonzero digit with its unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const digits = String(fen).replace(/0/g, "").length;
        const text = formatCapitals(fen);
        expect(text.match(/[壹贰叁肆伍陆柒捌玖]/g)?.length).toBe(digits);
        expect(text).toMatch(/^[壹贰叁肆伍陆柒捌玖]/);
        expect(text).not.toMatch(/[壹贰叁肆伍陆柒捌玖][壹贰叁肆伍陆柒捌玖零]/);
      }),
    );
  });
});

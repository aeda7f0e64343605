import { describe, expect, it } from "vitest";
import { formatListNumber } from "./number-formats.js";

describe("formatListNumber", () => {
  it("counts in Chinese as contracts number their articles", () => {
    const cases: [number, string][] = [
      [1, "一"],
      [9, "九"],
      [10, "十"],
      [11, "十一"],
      [20, "二十"],
      [21, "二十一"],
      [100, "一百"],
      [101, "一百零一"],
      [110, "一百一十"],
    ];
    for (const [n, text] of cases) expect(formatListNumber(n, "chineseCounting"), String(n)).toBe(text);
    expect(formatListNumber(12, "chineseLegalSimplified")).toBe("壹拾贰");
    expect(formatListNumber(3, "ideographTraditional")).toBe("丙");
  });

  it("writes Word's other common formats", () => {
    expect(formatListNumber(3, "decimal")).toBe("3");
    expect(formatListNumber(3, "decimalZero")).toBe("03");
    expect(formatListNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatListNumber(2, "decimalEnclosedParen")).toBe("⑵");
    expect(formatListNumber(28, "upperLetter")).toBe("BB");
    expect(formatListNumber(2, "lowerLetter")).toBe("b");
    expect(formatListNumber(14, "upperRoman")).toBe("XIV");
    expect(formatListNumber(4, "lowerRoman")).toBe("iv");
    expect(formatListNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatListNumber(1, "bullet")).toBe("");
    expect(formatListNumber(1, "someNewFormat")).toBeUndefined();
  });
});

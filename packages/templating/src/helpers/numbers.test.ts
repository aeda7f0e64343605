import { describe, expect, it } from "vitest";
import { add, cnIndex, cnParen } from "./numbers.js";

describe("number helpers", () => {
  it("cnIndex writes Chinese numerals for numbering", () => {
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
      [1005, "一千零五"],
      [9999, "九千九百九十九"],
    ];
    for (const [n, text] of cases) expect(cnIndex(n)).toBe(text);
    expect(() => cnIndex(0)).toThrow();
    expect(() => cnIndex(10000)).toThrow(/9999/);
  });

  it("cnParen wraps in full-width parentheses", () => {
    expect(cnParen(1)).toBe("（一）");
    expect(cnParen(12)).toBe("（十二）");
  });

  it("add adds integers only", () => {
    expect(add(0, 1)).toBe(1);
    expect(() => add("1", 1)).toThrow(/整数/);
  });
});

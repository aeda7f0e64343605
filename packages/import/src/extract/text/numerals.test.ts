import { describe, expect, it } from "vitest";
import { parseSmallNumber } from "./numerals.js";

describe("parseSmallNumber", () => {
  it.each([
    ["4", 4],
    ["１２", 12],
    ["肆", 4],
    ["两", 2],
    ["十", 10],
    ["拾", 10],
    ["十二", 12],
    ["二十", 20],
    ["贰拾伍", 25],
    ["一百零五", 105],
    ["壹佰", 100],
    ["二〇二五", 2025],
    ["一九九九", 1999],
  ])("%s → %d", (text, n) => {
    expect(parseSmallNumber(text)).toBe(n);
  });

  it.each(["", "十十", "二二十", "百二", "abc", "3份"])("%s is not a number", (text) => {
    expect(parseSmallNumber(text)).toBeUndefined();
  });
});

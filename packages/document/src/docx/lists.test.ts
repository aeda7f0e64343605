import { describe, expect, it } from "vitest";
import { getTheme } from "../theme/index.js";
import { decimalNumbering } from "./lists.js";

describe("decimal list numbering", () => {
  it("starts every level at the list's start, so a nested list that starts at 3 prints 3", () => {
    const levels = decimalNumbering(getTheme("formal"), 3).levels;
    expect(levels).toHaveLength(9);
    for (const level of levels) expect(level.start).toBe(3);
    expect(levels[1]!.text).toBe("%2.");
  });
});

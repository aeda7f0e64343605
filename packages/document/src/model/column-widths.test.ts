import { describe, expect, it } from "vitest";
import { columnWeights, scaleWidths, textEms } from "./column-widths.js";
import type { TableBlock } from "./types.js";

const table = (rows: string[][], widths?: number[]): TableBlock => ({
  type: "table",
  header: [rows[0]!.map((text) => ({ runs: [{ text }] }))],
  body: rows.slice(1).map((r) => r.map((text) => ({ runs: [{ text }] }))),
  align: rows[0]!.map(() => "left" as const),
  repeatHeader: true,
  ...(widths === undefined ? {} : { widths }),
});

describe("column widths", () => {
  it("measures CJK as one em and Latin as half", () => {
    expect(textEms("序号")).toBe(2);
    expect(textEms("No.1")).toBe(2);
    expect(textEms("金额1,000")).toBe(4.5);
  });

  it("keeps short columns narrow and gives long text the rest, capped", () => {
    const weights = columnWeights(table([["序号", "内容", "金额"], ["1", "很长的诉求内容".repeat(10), "1,000.00"]]));
    expect(weights[0]).toBe(3);
    expect(weights[1]).toBe(25);
    expect(weights[2]).toBe(5);
  });

  it("uses the author's widths when given", () => {
    expect(columnWeights(table([["a", "b"]], [1, 3]))).toEqual([1, 3]);
  });

  it("scales to the total with a minimum width", () => {
    const widths = scaleWidths([1, 30], 300, 40);
    expect(widths[0]).toBe(40);
    expect(widths[0]! + widths[1]!).toBeCloseTo(300);
    expect(scaleWidths([1, 1], 100, 10)).toEqual([50, 50]);
  });
});

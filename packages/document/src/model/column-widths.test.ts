import { describe, expect, it } from "vitest";
import { columnMinimums, columnWeights, scaleWidths, textEms } from "./column-widths.js";
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

describe("columns wide enough for the values they hold", () => {
  it("a column's minimum is its widest date, number or percentage; text that may break needs none", () => {
    const t = table([
      ["单位", "响应率", "日期"],
      ["北京市平谷区城市管理指挥中心所属各承办单位", "100.00%", "2026年3月19日"],
      ["交通委员会", "98.5%", "2026年12月1日"],
    ]);
    expect(columnMinimums(t)).toEqual([0, 3.5, 6.5]);
  });

  it("a column of clause references holds the widest whole part, and one of targets its sign with the number, even where the author's widths make them narrow", () => {
    const t = table(
      [
        ["服务标准", "合同条款", "目标"],
        ["签收率", "第二条（一）", "≥ 100.00%"],
        ["响应率", "第一条第2款第（1）项", "≥ 100.00%"],
      ],
      [12, 6, 7],
    );
    expect(columnMinimums(t)).toEqual([0, 6, 4.5]);
  });

  it("a column below its minimum gets it, the others share the rest in proportion", () => {
    const widths = scaleWidths([30, 1, 1], 300, [0, 40, 40]);
    expect(widths[1]).toBe(40);
    expect(widths[2]).toBe(40);
    expect(widths[0]).toBeCloseTo(220);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(300);
    // minimums that cannot all fit leave the proportions alone
    expect(scaleWidths([1, 1], 100, [80, 80])).toEqual([50, 50]);
  });
});

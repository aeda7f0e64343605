import { describe, expect, it } from "vitest";
import { sealRow } from "./seal.js";
import { mergeRuns, plainText, walkBlocks } from "./text.js";
import type { Block } from "./types.js";

describe("model helpers", () => {
  it("merges neighbouring runs with the same marks and drops empty ones", () => {
    expect(mergeRuns([{ text: "甲" }, { text: "" }, { text: "方" }, { text: "应", bold: true }, { text: "当", bold: true }])).toEqual([
      { text: "甲方" },
      { text: "应当", bold: true },
    ]);
    expect(plainText([{ text: "甲" }, { text: "方", bold: true }])).toBe("甲方");
  });

  it("walks blocks inside list items", () => {
    const blocks: Block[] = [
      { type: "list", ordered: false, start: 1, items: [[{ type: "heading", level: 1, runs: [] }]] },
      { type: "rule" },
    ];
    const seen: string[] = [];
    walkBlocks(blocks, (b) => seen.push(b.type));
    expect(seen).toEqual(["list", "heading", "rule"]);
  });

  it("puts the seal under the row that asks for it", () => {
    const row = (label: string) => ({ label: [{ text: label }], value: [] });
    expect(sealRow({ rows: [row("单位名称"), row("乙方（盖章）"), row("日期")] })).toBe(1);
    expect(sealRow({ rows: [row("单位名称"), row("日期")] })).toBe(0);
    expect(sealRow({ rows: [row("名称"), row("技术合同专用章或单位公章")] })).toBe(1);
    // a line printed on its own, “(盖章)”, has no label: its value names the seal
    expect(sealRow({ rows: [row("甲方"), { label: [], value: [{ text: "(盖章)" }] }, row("日期")] })).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { mergeLine } from "./merge-inlines.js";

const font = {};
const inline = (text: string, x: number, width: number, extra: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 16, ...extra });

describe("mergeLine", () => {
  it("joins touching inlines that look the same", () => {
    const out = mergeLine([inline("甲", 0, 16), inline("方", 16, 16), inline("，", 32, 16)]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: "甲方，", x: 0, width: 48, characterSpacing: 0 });
  });

  it("turns even justification gaps between single characters into character spacing", () => {
    const out = mergeLine([inline("甲", 0, 16), inline("方", 17.5, 16), inline("乙", 35, 16)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.characterSpacing).toBeCloseTo(1.5);
    expect(out[0]!.width).toBe(48);
  });

  it("keeps apart inlines that differ in look, in spacing, or that follow a word with a gap", () => {
    const bold = {};
    expect(mergeLine([inline("甲", 0, 16), inline("方", 16, 16, { font: bold })])).toHaveLength(2);
    expect(mergeLine([inline("甲", 0, 16), inline("方", 17, 16), inline("乙", 35, 16)])).toHaveLength(2);
    expect(mergeLine([inline("12345", 0, 40), inline("件", 41, 16)])).toHaveLength(2);
    expect(mergeLine([inline("甲", 0, 16), inline("1", 16, 8, { _pageNodeRef: {} })])).toHaveLength(2);
  });
});

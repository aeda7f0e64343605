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

  it("never spreads the letters of a word: a justified gap before or after a word keeps it apart", () => {
    // "负责“12345”管": a word between spaced single characters; joining would spread its letters and push "管" over
    const out = mergeLine([inline("负", 0, 16), inline("责", 18, 16), inline("“12345”", 36, 56), inline("管", 94, 16), inline("理", 112, 16)]);
    expect(out.map((i) => i.text)).toEqual(["负责", "“12345”", "管理"]);
    expect(mergeLine([inline("7", 0, 8), inline("*", 10, 8), inline("24", 20, 16), inline("小", 38, 16)]).map((i) => i.text)).toEqual(["7*", "24", "小"]);
  });
});

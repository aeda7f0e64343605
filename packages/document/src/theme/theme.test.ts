import { describe, expect, it } from "vitest";
import { linePitch } from "../pdf/styles.js";
import { getTheme, HAO, textBlock, themeNames } from "./index.js";

describe("themes", () => {
  it("formal follows GB/T 9704-2012: A4, 156 × 225 mm text block, 22 lines, 号 sizes", () => {
    const formal = getTheme("formal");
    const block = textBlock(formal);
    expect(block.widthPt / (72 / 25.4)).toBeCloseTo(156, 5);
    expect(block.heightPt / (72 / 25.4)).toBeCloseTo(225, 5);
    const pitch = linePitch(formal.body.line, formal.body.sizePt);
    expect(pitch).toBe(28.95);
    expect(Math.floor(block.heightPt / pitch)).toBe(22);
    expect(formal.title).toMatchObject({ font: "song", sizePt: HAO.二号, bold: true, align: "center" });
    expect(formal.body).toMatchObject({ font: "fangsong", sizePt: HAO.三号, firstLineIndentChars: 2 });
    expect(formal.heading1).toMatchObject({ font: "hei", sizePt: 16 });
    expect(formal.heading2).toMatchObject({ font: "kai", sizePt: 16 });
    expect(formal.pageNumber).toEqual({ prefix: "— ", suffix: " —", font: "song", sizePt: HAO.四号, position: "outer" });
  });

  it("plain is A4 with 25 mm margins, 宋体 小四 at 1.5 lines", () => {
    const plain = getTheme("plain");
    expect(plain.page.margins).toEqual({ topMm: 25, bottomMm: 25, leftMm: 25, rightMm: 25 });
    expect(plain.body).toMatchObject({ font: "song", sizePt: 12, line: { multiple: 1.5 } });
  });

  it("lists its names and rejects others", () => {
    expect(themeNames).toEqual(["formal", "plain"]);
    expect(() => getTheme("gov")).toThrow(expect.objectContaining({ code: "RENDER_UNKNOWN_THEME" }));
  });
});

import { describe, expect, it } from "vitest";
import { linePitch } from "../pdf/styles.js";
import { getTheme, textBlock } from "../theme/index.js";
import { docxTocPitch } from "./toc-pitch.js";

describe("the DOCX contents' line pitch", () => {
  for (const name of ["formal", "plain"] as const) {
    const theme = getTheme(name);
    const themePitch = linePitch(theme.toc.entry.line, theme.toc.entry.sizePt);
    const { heightPt } = textBlock(theme);

    it(`${name}: the theme's pitch while the PDF's pages hold no more than it fits`, () => {
      expect(docxTocPitch(theme, [2, 2, 2, 3])).toBe(themePitch);
      expect(docxTocPitch(theme, [])).toBe(themePitch);
    });

    it(`${name}: closer, in whole twips, where a PDF page holds more entries than the theme's pitch fits`, () => {
      const many = Math.ceil(heightPt / themePitch) + 3;
      const pitch = docxTocPitch(theme, Array.from({ length: many }, () => 2));
      expect(pitch).toBeLessThan(themePitch);
      expect(Number.isInteger(pitch * 20)).toBe(true);
      const around = theme.toc.entry.spaceBeforePt + theme.toc.entry.spaceAfterPt;
      expect(many * (pitch + around)).toBeLessThan(heightPt);
    });
  }
});

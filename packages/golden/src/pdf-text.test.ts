import { describe, expect, it } from "vitest";
import { pageName, parseFonts } from "./pdf-text.js";

describe("parseFonts", () => {
  it("reads pdffonts' table, types with spaces included", () => {
    const table = [
      "name                                 type              encoding         emb sub uni object ID",
      "------------------------------------ ----------------- ---------------- --- --- --- ---------",
      "BZZZZZ+NotoSerifSC-Bold              CID TrueType      Identity-H       yes yes yes     10  0",
      "Helvetica                            Type 1            WinAnsi          no  no  no       7  0",
      "",
    ].join("\n");
    expect(parseFonts(table)).toEqual([
      { name: "BZZZZZ+NotoSerifSC-Bold", type: "CID TrueType", encoding: "Identity-H", embedded: true, subset: true, unicode: true },
      { name: "Helvetica", type: "Type 1", encoding: "WinAnsi", embedded: false, subset: false, unicode: false },
    ]);
  });

  it("numbers pages with three digits", () => {
    expect(pageName(7, "txt")).toBe("page-007.txt");
    expect(pageName(123, "png")).toBe("page-123.png");
  });
});

import { describe, expect, it } from "vitest";
import { fontBytes, fontPath } from "./files.js";
import { BUILTIN_FONTS, faceFor, familyFace, PDF_FAMILIES } from "./roles.js";

describe("fonts", () => {
  it("resolves the TrueType files shipped in @qiyue/fonts and reads each once", () => {
    for (const face of ["serif", "serifBold", "serifLight", "sans", "sansBold", "kai"] as const) {
      expect(fontPath(face)).toMatch(/[\\/]files[\\/](Noto(Serif|Sans)SC-(Regular|Bold|Light)|LXGWWenKai-Regular)\.ttf$/);
      const bytes = fontBytes(face);
      expect(bytes.readUInt32BE(0)).toBe(0x00010000);
      expect(fontBytes(face)).toBe(bytes);
    }
  });

  it("sets each of 宋体, 仿宋, 楷体 and 黑体 in a face of its own", () => {
    expect(faceFor("song")).toBe("NotoSerifSC");
    expect(faceFor("fangsong")).toBe("FangSong");
    expect(faceFor("kai")).toBe("LXGWWenKai");
    expect(faceFor("hei")).toBe("NotoSansSC");
    const faces = (["song", "fangsong", "kai", "hei"] as const).map((role) => familyFace(BUILTIN_FONTS.roles[role], false));
    expect(faces).toEqual(["serif", "serifLight", "kai", "sans"]);
    expect(new Set(faces).size).toBe(4);
    expect(PDF_FAMILIES.NotoSerifSC).toEqual({ normal: "serif", bold: "serifBold" });
  });
});

import { describe, expect, it } from "vitest";
import { fontBytes, fontPath } from "./files.js";
import { faceFor, PDF_FAMILIES } from "./roles.js";

describe("fonts", () => {
  it("resolves the TrueType files shipped in @qiyue/fonts and reads each once", () => {
    for (const face of ["serif", "serifBold", "sans", "sansBold"] as const) {
      expect(fontPath(face)).toMatch(/[\\/]files[\\/]Noto(Serif|Sans)SC-(Regular|Bold)\.ttf$/);
      const bytes = fontBytes(face);
      expect(bytes.readUInt32BE(0)).toBe(0x00010000);
      expect(fontBytes(face)).toBe(bytes);
    }
  });

  it("stands Noto Sans SC in for 黑体 and Noto Serif SC for 宋体, 仿宋 and 楷体", () => {
    expect(faceFor("hei")).toBe("NotoSansSC");
    expect(["song", "fangsong", "kai"].map((r) => faceFor(r as "song"))).toEqual(["NotoSerifSC", "NotoSerifSC", "NotoSerifSC"]);
    expect(PDF_FAMILIES.NotoSerifSC).toEqual({ normal: "serif", bold: "serifBold" });
  });
});

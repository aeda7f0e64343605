import type { FontRole } from "../theme/types.js";
import type { FontFace } from "./files.js";

/** pdfmake font families and the files behind their faces (no CJK italics exist: italic uses upright). */
export const PDF_FAMILIES = {
  NotoSerifSC: { normal: "serif", bold: "serifBold" },
  NotoSansSC: { normal: "sans", bold: "sansBold" },
} as const satisfies Record<string, { normal: FontFace; bold: FontFace }>;

export type PdfFamily = keyof typeof PDF_FAMILIES;

/** The PDF family standing in for each role: 黑体 → Noto Sans SC; 宋体, 仿宋, 楷体 → Noto Serif SC. */
export function faceFor(role: FontRole): PdfFamily {
  return role === "hei" ? "NotoSansSC" : "NotoSerifSC";
}

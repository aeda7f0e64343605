import { faceFor, PDF_FAMILIES } from "../fonts/roles.js";
import type { LineSpacing, TextStyle } from "../theme/types.js";
import { lineHeightEm } from "../fonts/cache.js";

/**
 * Single line spacing as Word applies it to 宋体-style fonts, in ems. "1.5 lines"
 * means 1.5 × this in both backends, so their pages break in similar places.
 */
export const SINGLE_LINE_EM = 1.3;

/** The pitch in points from one line to the next. */
export function linePitch(line: LineSpacing, sizePt: number): number {
  return "exactPt" in line ? line.exactPt : line.multiple * SINGLE_LINE_EM * sizePt;
}

/** pdfmake's `lineHeight` multiplies the font's own line height; this gives the theme's pitch. */
export function lineHeightFactor(style: TextStyle): number {
  const family = faceFor(style.font);
  const em = lineHeightEm(PDF_FAMILIES[family].normal);
  return linePitch(style.line, style.sizePt) / (em * style.sizePt);
}

export interface PdfTextStyle {
  font: string;
  fontSize: number;
  bold: boolean;
  lineHeight: number;
  alignment: "left" | "center" | "right" | "justify";
  margin: [number, number, number, number];
  leadingIndent?: number;
}

export function pdfStyle(style: TextStyle, options: { indent?: boolean } = {}): PdfTextStyle {
  const out: PdfTextStyle = {
    font: faceFor(style.font),
    fontSize: style.sizePt,
    bold: style.bold,
    lineHeight: lineHeightFactor(style),
    alignment: style.align,
    margin: [0, style.spaceBeforePt, 0, style.spaceAfterPt],
  };
  if ((options.indent ?? true) && style.firstLineIndentChars > 0) {
    out.leadingIndent = style.firstLineIndentChars * style.sizePt;
  }
  return out;
}

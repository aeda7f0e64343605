import type { Align, ThemeName } from "../model/types.js";

/**
 * The four typeface roles of Chinese official documents. Each backend maps a role
 * to a real font: DOCX names the Windows font (宋体, 仿宋, 黑体, 楷体) in the East
 * Asian slot, PDF embeds the open font that stands in for it (see `fonts/`).
 */
export type FontRole = "song" | "fangsong" | "hei" | "kai";

/** Line spacing: an exact line pitch in points, or a multiple of single spacing. */
export type LineSpacing = { exactPt: number } | { multiple: number };

export interface TextStyle {
  font: FontRole;
  sizePt: number;
  bold: boolean;
  line: LineSpacing;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** First-line indent in characters (of this style's size). */
  firstLineIndentChars: number;
  align: Align;
}

export interface PageNumberStyle {
  /** Text around the number: “— 1 —”. */
  prefix: string;
  suffix: string;
  font: FontRole;
  sizePt: number;
  /** `outer`: right on odd pages and left on even pages, one character in from the text block edge. */
  position: "outer" | "center";
}

export interface Theme {
  name: ThemeName;
  page: {
    widthMm: number;
    heightMm: number;
    margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
    /** Distance from the page edge to the header text and to the footer (page number) text. */
    headerMm: number;
    footerMm: number;
  };
  /** Names that DOCX writes for each role (East Asian slot and Latin slots). */
  docxFonts: Record<FontRole, { eastAsia: string; latin: string }>;
  title: TextStyle;
  body: TextStyle;
  heading1: TextStyle;
  heading2: TextStyle;
  heading3: TextStyle;
  /** Text in tables, kv tables and signature blocks. */
  table: TextStyle & { cellPaddingPt: number; borderPt: number; headerFill: string | undefined };
  /** Header and footer text. */
  pageText: TextStyle;
  pageNumber: PageNumberStyle | undefined;
  toc: { title: TextStyle; entry: TextStyle; indentChars: number };
  code: TextStyle;
}

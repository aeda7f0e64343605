import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions, LeaderType, LineRuleType, TabStopType } from "docx";
import type { Align } from "../model/types.js";
import type { FontRole, TextStyle, Theme } from "../theme/types.js";
import { ptToTwip } from "../theme/units.js";

/** Paragraph style ids the backend writes. Heading1–3 and TOC1–2 are Word's own, so its TOC field finds them. */
export const STYLE = {
  body: "Normal",
  title: "Title",
  heading1: "Heading1",
  heading2: "Heading2",
  heading3: "Heading3",
  toc1: "TOC1",
  toc2: "TOC2",
  tocTitle: "TOCHeading",
  table: "TableText",
  pageText: "PageText",
  pageNumber: "PageNumber",
  code: "Code",
} as const;

export function docxAlign(align: Align): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case "center":
      return AlignmentType.CENTER;
    case "right":
      return AlignmentType.RIGHT;
    case "justify":
      return AlignmentType.BOTH;
    default:
      return AlignmentType.LEFT;
  }
}

/** The East Asian slot (w:eastAsia) names the Chinese font of the role; the Latin slots follow the theme. */
export function docxFont(theme: Theme, role: FontRole) {
  const { eastAsia, latin } = theme.docxFonts[role];
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: "eastAsia" };
}

function spacing(style: TextStyle) {
  const line =
    "exactPt" in style.line
      ? { line: ptToTwip(style.line.exactPt), lineRule: LineRuleType.EXACT }
      : { line: Math.round(style.line.multiple * 240), lineRule: LineRuleType.AUTO };
  return { ...line, before: ptToTwip(style.spaceBeforePt), after: ptToTwip(style.spaceAfterPt) };
}

function paragraphStyle(
  id: string,
  name: string,
  theme: Theme,
  style: TextStyle,
  extra: { outlineLevel?: number; keepNext?: boolean; indentLeftPt?: number; rightTabPt?: number } = {},
): IParagraphStyleOptions {
  const indent: { firstLine: number; left?: number } = { firstLine: ptToTwip(style.firstLineIndentChars * style.sizePt) };
  if (extra.indentLeftPt !== undefined) indent.left = ptToTwip(extra.indentLeftPt);
  return {
    id,
    name,
    ...(id === STYLE.body ? {} : { basedOn: STYLE.body }),
    next: STYLE.body,
    quickFormat: true,
    run: { font: docxFont(theme, style.font), size: Math.round(style.sizePt * 2), bold: style.bold },
    paragraph: {
      alignment: docxAlign(style.align),
      spacing: spacing(style),
      indent,
      ...(extra.outlineLevel === undefined ? {} : { outlineLevel: extra.outlineLevel }),
      ...(extra.keepNext === true ? { keepNext: true, keepLines: true } : {}),
      ...(extra.rightTabPt === undefined
        ? {}
        : { tabStops: [{ type: TabStopType.RIGHT, position: ptToTwip(extra.rightTabPt), leader: LeaderType.DOT }] }),
    },
  };
}


/**
 * The paragraph styles. The TOC entry styles carry a dotted right tab at the edge
 * of the text block: Word stops at the first tab stop past the entry text, so the
 * page numbers line up there rather than at docx's default text width.
 */
export function documentStyles(theme: Theme, textWidthPt: number, tocPitchPt?: number): IStylesOptions {
  const toc = tocPitchPt === undefined ? theme.toc : { ...theme.toc, entry: { ...theme.toc.entry, line: { exactPt: tocPitchPt } } };
  return {
    default: {
      document: {
        run: { font: docxFont(theme, theme.body.font), size: Math.round(theme.body.sizePt * 2) },
        paragraph: { spacing: spacing(theme.body) },
      },
    },
    paragraphStyles: [
      paragraphStyle(STYLE.body, "Normal", theme, theme.body),
      paragraphStyle(STYLE.title, "Title", theme, theme.title, { keepNext: true }),
      paragraphStyle(STYLE.heading1, "heading 1", theme, theme.heading1, { outlineLevel: 0, keepNext: true }),
      paragraphStyle(STYLE.heading2, "heading 2", theme, theme.heading2, { outlineLevel: 1, keepNext: true }),
      paragraphStyle(STYLE.heading3, "heading 3", theme, theme.heading3, { outlineLevel: 2, keepNext: true }),
      paragraphStyle(STYLE.tocTitle, "TOC Heading", theme, toc.title),
      paragraphStyle(STYLE.toc1, "toc 1", theme, toc.entry, { rightTabPt: textWidthPt }),
      paragraphStyle(STYLE.toc2, "toc 2", theme, toc.entry, { indentLeftPt: toc.indentChars * toc.entry.sizePt, rightTabPt: textWidthPt }),
      paragraphStyle(STYLE.table, "Table Text", theme, theme.table),
      paragraphStyle(STYLE.pageText, "Page Text", theme, theme.pageText),
      paragraphStyle(STYLE.code, "Code", theme, theme.code),
      ...(theme.pageNumber === undefined
        ? []
        : [
            paragraphStyle(STYLE.pageNumber, "Page Number", theme, {
              ...theme.pageText,
              font: theme.pageNumber.font,
              sizePt: theme.pageNumber.sizePt,
            }),
          ]),
    ],
  };
}

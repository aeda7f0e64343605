import type { Run } from "../model/types.js";
import type { PdfTextStyle } from "./styles.js";

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  link?: string | undefined;
  font?: string;
  [style: string]: unknown;
}

/**
 * Runs as pdfmake inlines. Links stay plain hyperlinks (a link annotation; the
 * target is never fetched). CJK fonts have no italics: italic text stays upright.
 */
export function pdfInlines(runs: readonly Run[]): PdfInline[] {
  if (runs.length === 0) return [{ text: "" }];
  return runs.map((run) => {
    const inline: PdfInline = { text: run.text };
    if (run.bold) inline.bold = true;
    if (run.italic) inline.italics = true;
    if (run.code) inline.font = "NotoSansSC";
    if (run.link !== undefined && run.link !== "") inline.link = run.link;
    return inline;
  });
}

/**
 * Inlines that carry every style property pdfmake looks up, resolved. pdfmake
 * looks each property of each word up through its style stack (about twenty
 * per word, and every CJK character is a word), which dominates layout time;
 * a property set on the inline is copied to its words and found at once.
 * "" means "none" for decorations and backgrounds.
 */
export function styledInlines(
  runs: readonly Run[],
  style: PdfTextStyle,
  marks: { bold?: boolean; noWrap?: boolean; characterSpacing?: number } = {},
): PdfInline[] {
  if (runs.length === 0) runs = [{ text: "" }];
  const bold = style.bold || marks.bold === true;
  return runs.map((run) => ({
    text: run.text,
    font: run.code ? "NotoSansSC" : style.font,
    fontSize: style.fontSize,
    bold: bold || run.bold === true,
    italics: run.italic === true,
    link: run.link === undefined || run.link === "" ? undefined : run.link,
    lineHeight: style.lineHeight,
    alignment: style.alignment,
    leadingIndent: style.leadingIndent ?? 0,
    color: "black",
    characterSpacing: marks.characterSpacing ?? 0,
    opacity: 1,
    sup: false,
    sub: false,
    noWrap: marks.noWrap ?? false,
    wordBreak: "normal",
    preserveLeadingSpaces: false,
    preserveTrailingSpaces: false,
    decoration: "",
    decorationColor: "",
    decorationStyle: "",
    decorationThickness: "",
    background: "",
  }));
}

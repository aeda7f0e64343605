import { lineHeightEm } from "../fonts/cache.js";
import { faceFor, familyFace } from "../fonts/roles.js";
import type { Run } from "../model/types.js";
import { EDITOR_NOTE_FONT, noteSizePt } from "../theme/note.js";
import type { PdfTextStyle } from "./styles.js";

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  link?: string | undefined;
  font?: string;
  [style: string]: unknown;
}

/** How a run is set in text of `style`: its pdfmake family, size and line height factor. */
export interface RunLook {
  font: string;
  fontSize: number;
  lineHeight: number;
}

/**
 * The family, size and line height of a run in text of `style`: code in 黑体; an editor's note in
 * 楷体 a 字号 smaller (see `EDITOR_NOTE_FONT`), its line as tall as the text's, so that a line of
 * the note alone keeps the pitch; anything else in the style's own.
 */
export function runLook(run: Run, style: PdfTextStyle): RunLook {
  if (run.code) return { font: "NotoSansSC", fontSize: style.fontSize, lineHeight: style.lineHeight };
  if (run.note !== true) return { font: style.font, fontSize: style.fontSize, lineHeight: style.lineHeight };
  const font = faceFor(EDITOR_NOTE_FONT);
  const fontSize = noteSizePt(style.fontSize);
  const pitch = style.lineHeight * lineHeightEm(familyFace(style.font, false)) * style.fontSize;
  return { font, fontSize, lineHeight: pitch / (lineHeightEm(familyFace(font, false)) * fontSize) };
}

/**
 * Runs as pdfmake inlines. Links stay plain hyperlinks (a link annotation; the
 * target is never fetched). CJK fonts have no italics: italic text stays upright.
 * An editor's note is set in 楷体 (its size is the node's: these inlines carry none).
 */
export function pdfInlines(runs: readonly Run[]): PdfInline[] {
  if (runs.length === 0) return [{ text: "" }];
  return runs.map((run) => {
    const inline: PdfInline = { text: run.text };
    if (run.bold) inline.bold = true;
    if (run.italic) inline.italics = true;
    if (run.note) inline.font = faceFor(EDITOR_NOTE_FONT);
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
  return runs.map((run) => {
    const look = runLook(run, style);
    return {
      text: run.text,
      font: look.font,
      fontSize: look.fontSize,
      bold: bold || run.bold === true,
      italics: run.italic === true,
      link: run.link === undefined || run.link === "" ? undefined : run.link,
      lineHeight: look.lineHeight,
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
    };
  });
}

import type { Run } from "../model/types.js";

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  link?: string;
  font?: string;
  color?: string;
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

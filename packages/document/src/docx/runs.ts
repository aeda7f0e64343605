import { ExternalHyperlink, type ParagraphChild, TextRun } from "docx";
import { joinUnbreakable } from "../model/line-breaking.js";
import type { Run } from "../model/types.js";
import type { Theme } from "../theme/types.js";
import { docxFont } from "./styles.js";

/**
 * Text runs; "\n" becomes a line break, a link a plain external hyperlink (never fetched).
 * Dates, numbers, percentages and clause numbers are joined with WORD JOINER so that Word and
 * LibreOffice break no line inside them, as the PDF does not (see model/line-breaking).
 */
export function docxRuns(runs: readonly Run[], theme: Theme, marks: { bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    const lines = run.text.split("\n");
    const textRuns = lines.map(
      (text, i) =>
        new TextRun({
          text: joinUnbreakable(text),
          ...(i > 0 ? { break: 1 } : {}),
          ...(run.bold || marks.bold ? { bold: true } : {}),
          ...(run.italic ? { italics: true } : {}),
          ...(run.code ? { font: docxFont(theme, "hei") } : {}),
        }),
    );
    if (run.link !== undefined && run.link !== "") {
      out.push(new ExternalHyperlink({ link: run.link, children: textRuns }));
    } else {
      out.push(...textRuns);
    }
  }
  return out;
}

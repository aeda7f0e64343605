import { ExternalHyperlink, type ParagraphChild, TextRun } from "docx";
import { unbreakablePieces } from "../model/line-breaking.js";
import type { Run } from "../model/types.js";
import { EDITOR_NOTE_FONT, noteSizePt } from "../theme/note.js";
import type { Theme } from "../theme/types.js";
import { docxFont } from "./styles.js";

/**
 * The language of a run that must stay on one line (a date, a number, a clause number): none
 * (zxx). Word keeps it whole by its WORD JOINERs; LibreOffice 7.4 ignores those in Chinese
 * text, but breaks a run of no language by the Unicode rules, which honour them.
 */
const WHOLE = { eastAsia: "zxx" } as const;

/**
 * Text runs; "\n" becomes a line break, a link a plain external hyperlink (never fetched).
 * Dates, numbers, percentages and clause numbers are joined with WORD JOINER so that Word and
 * LibreOffice break no line inside them, as the PDF does not (see model/line-breaking). An
 * editor's note is set in 楷体 a 字号 smaller than the text it stands in, `sizePt` (the body's
 * unless given), as the PDF sets it.
 */
export function docxRuns(runs: readonly Run[], theme: Theme, marks: { bold?: boolean; sizePt?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const note = { font: docxFont(theme, EDITOR_NOTE_FONT), size: Math.round(noteSizePt(marks.sizePt ?? theme.body.sizePt) * 2) };
  for (const run of runs) {
    const lines = run.text.split("\n");
    const look = {
      ...(run.bold || marks.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.note ? note : {}),
      ...(run.code ? { font: docxFont(theme, "hei") } : {}),
    };
    const textRuns = lines.flatMap((text, i) =>
      unbreakablePieces(text).map(
        (piece, j) =>
          new TextRun({
            text: piece.text,
            ...(i > 0 && j === 0 ? { break: 1 } : {}),
            ...look,
            // LibreOffice ignores WORD JOINER in Chinese text, but keeps a run of no language whole
            ...(piece.whole ? { language: WHOLE } : {}),
          }),
      ),
    );
    if (run.link !== undefined && run.link !== "") {
      out.push(new ExternalHyperlink({ link: run.link, children: textRuns }));
    } else {
      out.push(...textRuns);
    }
  }
  return out;
}

import { ExternalHyperlink, type ParagraphChild, TextRun } from "docx";
import { breakAfterPunctuation, joinLastTwo, joinUnbreakable } from "../model/line-breaking.js";
import type { Run } from "../model/types.js";
import { EDITOR_NOTE_FONT, noteSizePt } from "../theme/note.js";
import type { Theme } from "../theme/types.js";
import { docxFont } from "./styles.js";

/**
 * Text runs; "\n" becomes a line break, a link a plain external hyperlink (never fetched).
 * Dates, numbers, percentages and clause numbers are joined with WORD JOINER so that Word and
 * LibreOffice break no line inside them, as the PDF does not, and Chinese punctuation before a
 * digit or a Latin letter is followed by a ZERO WIDTH SPACE, where the PDF may break and
 * LibreOffice would not (see model/line-breaking). With `lastTwoTogether` (a table cell), the
 * last two ideographs are joined too, so that no line holds one alone. An
 * editor's note is set in 楷体 a 字号 smaller than the text it stands in, `sizePt` (the body's
 * unless given), as the PDF sets it.
 */
export function docxRuns(
  runs: readonly Run[],
  theme: Theme,
  marks: { bold?: boolean; sizePt?: number; lastTwoTogether?: boolean } = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const note = { font: docxFont(theme, EDITOR_NOTE_FONT), size: Math.round(noteSizePt(marks.sizePt ?? theme.body.sizePt) * 2) };
  for (const [r, run] of runs.entries()) {
    const lines = run.text.split("\n");
    // a cell's last two ideographs stay together (see joinLastTwo)
    const last = (i: number) => marks.lastTwoTogether === true && r === runs.length - 1 && i === lines.length - 1;
    const textRuns = lines.map(
      (text, i) =>
        new TextRun({
          text: breakAfterPunctuation(last(i) ? joinLastTwo(joinUnbreakable(text)) : joinUnbreakable(text)),
          ...(i > 0 ? { break: 1 } : {}),
          ...(run.bold || marks.bold ? { bold: true } : {}),
          ...(run.italic ? { italics: true } : {}),
          ...(run.note ? note : {}),
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

import { linePitch } from "../pdf/styles.js";
import { textBlock } from "../theme/index.js";
import type { Theme } from "../theme/types.js";

/**
 * The line pitch (points) of the DOCX table of contents' entries. The DOCX prints the page
 * numbers of the PDF's layout, so its contents must take the same pages as the PDF's: where the
 * PDF's contents hold more entries on a page than the theme's pitch fits on a DOCX page (the PDF
 * draws a contents closer to end a page earlier, see pdf/toc-fit.ts), the entries are set closer,
 * to exact twips, with a little room for the word processor's rounding.
 * `entryPages` is the page each entry is printed on in the PDF, in order.
 */
export function docxTocPitch(theme: Theme, entryPages: readonly number[]): number {
  const { entry, title } = theme.toc;
  const themePitch = linePitch(entry.line, entry.sizePt);
  // the space around each entry stays; only the lines come closer
  const around = entry.spaceBeforePt + entry.spaceAfterPt;
  if (entryPages.length === 0) return themePitch;
  const height = textBlock(theme).heightPt;
  // a title in lines of a multiple is as tall as its font makes it: allow half a line more
  const titleLine = linePitch(title.line, title.sizePt) * ("exactPt" in title.line ? 1 : 1.5);
  const titleHeight = title.spaceBeforePt + titleLine + title.spaceAfterPt;
  const first = Math.min(...entryPages);
  const counts = new Map<number, number>();
  for (const page of entryPages) counts.set(page, (counts.get(page) ?? 0) + 1);
  let pitch = themePitch;
  for (const [page, count] of counts) {
    const room = height - (page === first ? titleHeight : 0);
    pitch = Math.min(pitch, (room / count) * 0.98 - around);
  }
  // whole twips, rounded down
  return pitch === themePitch ? pitch : Math.floor(pitch * 20) / 20;
}

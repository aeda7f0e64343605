import type { PageText } from "../model/types.js";
import type { Theme } from "../theme/types.js";
import { mmToPt } from "../theme/units.js";
import type { PdfNode } from "./context.js";
import { pdfInlines } from "./runs.js";
import { linePitch, pdfStyle } from "./styles.js";

/** “— 1 —”. */
export function pageNumberText(theme: Theme, page: number): string {
  const style = theme.pageNumber;
  return style === undefined ? "" : `${style.prefix}${page}${style.suffix}`;
}

/**
 * The footer of a page: the page number (GB/T 9704: 四号, its top 7 mm under the
 * text block; outer side, one character in: right on odd pages, left on even
 * pages) and the document's footer text under it.
 */
export function footer(theme: Theme, text: PageText | undefined): (page: number) => PdfNode {
  const { page: p, pageNumber } = theme;
  const left = mmToPt(p.margins.leftMm);
  const right = mmToPt(p.margins.rightMm);
  return (page) => {
    const stack: PdfNode[] = [];
    let top = 0;
    if (pageNumber !== undefined) {
      const pitch = linePitch({ multiple: 1 }, pageNumber.sizePt);
      top = mmToPt(p.margins.bottomMm - p.footerMm) - pitch;
      const inset = pageNumber.position === "outer" ? pageNumber.sizePt : 0;
      const alignment = pageNumber.position === "center" ? "center" : page % 2 === 1 ? "right" : "left";
      stack.push({
        text: pageNumberText(theme, page),
        ...pdfStyle({ ...theme.pageText, font: pageNumber.font, sizePt: pageNumber.sizePt, line: { multiple: 1 } }, { indent: false }),
        alignment,
        margin: [left + inset, Math.max(0, top), right + inset, 0],
      });
    }
    if (text !== undefined) {
      stack.push({
        text: pdfInlines(text.runs),
        ...pdfStyle(theme.pageText, { indent: false }),
        alignment: text.align,
        margin: [left, pageNumber === undefined ? mmToPt(p.margins.bottomMm - p.footerMm) : 2, right, 0],
      });
    }
    return { stack };
  };
}

export function header(theme: Theme, text: PageText): () => PdfNode {
  const { page: p } = theme;
  return () => ({
    text: pdfInlines(text.runs),
    ...pdfStyle(theme.pageText, { indent: false }),
    alignment: text.align,
    margin: [mmToPt(p.margins.leftMm), mmToPt(p.headerMm), mmToPt(p.margins.rightMm), 0],
  });
}

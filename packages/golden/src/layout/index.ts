import { requirePoppler } from "../tools.js";
import { type DocxTocEntry, docxToc } from "./docx-toc.js";
import { layoutModelOfMarkdown } from "./model.js";
import { pdfBoxes } from "./pdf-boxes.js";
import { findLayoutFaults, LAYOUT_RULES, type LayoutFinding } from "./rules.js";

export { type DocxTocEntry, docxToc, docxTocEntries } from "./docx-toc.js";
export { type KnownHeading, type KnownTable, type LayoutModel, layoutModel, layoutModelOfMarkdown, squeeze } from "./model.js";
export { type Box, parseBboxLayout, type PdfLine, type PdfPage, type PdfWord, pdfBoxes } from "./pdf-boxes.js";
export {
  CLOSING_PUNCTUATION,
  findLayoutFaults,
  LAYOUT_RULE_NAMES,
  LAYOUT_RULES,
  type LayoutFinding,
  type LayoutRule,
  OVERLAP_TOLERANCE,
} from "./rules.js";

export interface LayoutInput {
  /** The PDF: its bytes or a path. */
  pdf: Uint8Array | string;
  /** The Markdown the document was rendered from: it says which texts are headings, tables, cells. */
  markdown: string;
  /** The DOCX rendered from the same Markdown, to check its table of contents against the PDF. */
  docx?: Uint8Array;
}

/**
 * Reads a rendered PDF with poppler (`pdftotext -bbox-layout`) and finds the faults a
 * typesetter would send back, each with its page and text: glyphs that overlap, a heading or
 * a table header at the foot of a page, a page with only the signatures (or an approval table,
 * an acceptance panel, the end marker), a table row split over two pages, a table row alone on
 * one side of a page break, a line break inside a long number, a date or a percentage or before closing
 * punctuation, a title or cell whose last line is one character, and DOCX table-of-contents
 * page numbers that differ from the PDF's. Findings are in page order, rule by rule.
 */
export async function checkLayout(input: LayoutInput): Promise<LayoutFinding[]> {
  requirePoppler(["pdftotext"]);
  const pages = await pdfBoxes(input.pdf);
  const toc: DocxTocEntry[] = input.docx === undefined ? [] : docxToc(input.docx);
  const findings = findLayoutFaults(pages, layoutModelOfMarkdown(input.markdown), toc);
  const order = (f: LayoutFinding) => LAYOUT_RULES.indexOf(f.rule);
  return findings.sort((a, b) => a.page - b.page || order(a) - order(b));
}

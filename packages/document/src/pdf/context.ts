import type { RenderOptions } from "../options.js";
import type { Theme } from "../theme/types.js";

/** A pdfmake content node as the engine builds it (pdfmake's types are stricter than its engine). */
export type PdfNode = Record<string, unknown>;

export interface PdfContext {
  theme: Theme;
  options: RenderOptions;
  /** Text block width in points. */
  widthPt: number;
  /** Whether the document has a `::toc`: headings then become table-of-contents items. */
  toc: boolean;
  /** Heading nodes in document order; after layout they carry their page numbers. */
  headings: { level: number; node: PdfNode }[];
}

/** The document definition fields the engine reads. */
export interface PdfDefinition {
  pageSize: { width: number; height: number };
  pageMargins: [number, number, number, number];
  language: string;
  info: { title?: string; author?: string; subject?: string; keywords?: string; creator: string; producer: string };
  defaultStyle: PdfNode;
  styles: Record<string, PdfNode>;
  content: PdfNode[];
  header?: () => PdfNode;
  footer: (page: number) => PdfNode;
}

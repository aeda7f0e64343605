import { createRequire } from "node:module";
import { teachKeepLastRows } from "./keep-last-rows.js";

/**
 * pdfmake 0.3's layout and rendering classes, loaded from its CommonJS build. The
 * public `createPdf` entry point keeps global state (fonts, a shared virtual file
 * system) and re-parses every font for every document; the engine in this folder
 * drives the same classes itself so it can reuse parsed fonts across documents.
 * These are the few members it touches.
 */
const require = createRequire(import.meta.url);
const base = "pdfmake/js/";

/** A pdfkit embedded font (pdfkit's `EmbeddedFont`); `font` is the fontkit font. */
export interface EmbeddedFontLike {
  font: FontkitFontLike;
  layoutCache: Record<string, unknown> | undefined;
  lineHeight(size: number, includeGap?: boolean): number;
  widthOfString(text: string, size: number): number;
}

export interface FontkitFontLike {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  postscriptName: string;
  familyName?: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** The font's name table records (fontkit): `name.records.fontFamily` by language. */
  name?: { records?: { fontFamily?: Record<string, string> } };
}

export type EmbeddedFontCtor = new (document: unknown, font: FontkitFontLike, id: string) => EmbeddedFontLike;

/** A pdfkit indirect object (`PDFReference`). */
export interface PdfReferenceLike {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

/** The parts of pdfmake's PDFDocument (a pdfkit document) the engine uses or overrides. */
export interface PdfKitDocumentLike {
  _font: EmbeddedFontLike | null;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _id: Buffer;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  getFontType(bold: boolean, italics: boolean): string;
  fontSize(size: number): this;
  font(src: unknown, family?: unknown, size?: unknown): this;
  openImage(src: unknown): unknown;
  ref(data?: Record<string, unknown>): PdfReferenceLike;
  on(event: "data", listener: (chunk: Buffer) => void): this;
  on(event: "end", listener: () => void): this;
  on(event: "error", listener: (error: unknown) => void): this;
  end(): void;
}

export type PdfKitDocumentCtor = new (
  fonts: Record<string, Record<string, string>>,
  images: Record<string, unknown>,
  patterns: Record<string, unknown>,
  attachments: Record<string, unknown>,
  options: Record<string, unknown>,
  virtualfs: VirtualFs | null,
  localAccessPolicy: ((path: string) => boolean) | undefined,
) => PdfKitDocumentLike;

export interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string, options?: unknown): Buffer | string;
  writeFileSync(name: string, content: Buffer | string): void;
}

/** A laid-out page: items are lines, vectors, images, SVGs… */
export interface LaidOutPage {
  items: { type: string; item: unknown }[];
}

export interface LayoutBuilderLike {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(
    content: unknown,
    pdfDocument: PdfKitDocumentLike,
    styles: unknown,
    defaultStyle: unknown,
    background: unknown,
    header: unknown,
    footer: unknown,
    watermark: unknown,
    pageBreakBefore: unknown,
  ): LaidOutPage[];
}

export interface UrlResolverLike {
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}

export interface PrinterLike {
  resolveUrls(docDefinition: unknown): Promise<void>;
}

/** The UAX #14 line breaker pdfmake uses (package `linebreak`). */
export type LineBreakerCtor = new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

interface Internals {
  LineBreaker: LineBreakerCtor;
  PDFDocument: PdfKitDocumentCtor;
  LayoutBuilder: new (pageSize: unknown, pageMargins: unknown, svgMeasure: unknown) => LayoutBuilderLike;
  SVGMeasure: new () => unknown;
  Renderer: new (pdfDocument: PdfKitDocumentLike, progressCallback?: unknown) => { renderPages(pages: LaidOutPage[]): void };
  URLResolver: new (fs: VirtualFs) => UrlResolverLike;
  Printer: new (fonts: unknown, fs: VirtualFs, urlResolver: UrlResolverLike, localAccessPolicy: (path: string) => boolean) => PrinterLike;
  tableLayouts: unknown;
  normalizePageSize(size: unknown, orientation?: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): unknown;
}

let cached: Internals | undefined;

export function internals(): Internals {
  if (cached === undefined) {
    const pageSize = require(`${base}PageSize.js`) as Pick<Internals, "normalizePageSize" | "normalizePageMargin">;
    const fromPdfmake = createRequire(require.resolve(`${base}TextBreaker.js`));
    cached = {
      LineBreaker: fromPdfmake("linebreak") as LineBreakerCtor,
      PDFDocument: (require(`${base}PDFDocument.js`) as { default: PdfKitDocumentCtor }).default,
      LayoutBuilder: (require(`${base}LayoutBuilder.js`) as { default: Internals["LayoutBuilder"] }).default,
      SVGMeasure: (require(`${base}SVGMeasure.js`) as { default: Internals["SVGMeasure"] }).default,
      Renderer: (require(`${base}Renderer.js`) as { default: Internals["Renderer"] }).default,
      URLResolver: (require(`${base}URLResolver.js`) as { default: Internals["URLResolver"] }).default,
      Printer: (require(`${base}Printer.js`) as { default: Internals["Printer"] }).default,
      tableLayouts: (require(`${base}tableLayouts.js`) as { tableLayouts: unknown }).tableLayouts,
      normalizePageSize: pageSize.normalizePageSize,
      normalizePageMargin: pageSize.normalizePageMargin,
    };
    // the layout builder makes its table processors from this class
    teachKeepLastRows((require(`${base}TableProcessor.js`) as { default: Parameters<typeof teachKeepLastRows>[0] }).default);
  }
  return cached;
}

import { createHash } from "node:crypto";
import type { Document } from "../model/types.js";
import { chartBlocks, unrenderableChart } from "../charts.js";
import { RenderError } from "../errors.js";
import { describeGaps, type GlyphReport } from "../fonts/glyphs.js";
import { BUILTIN_FONTS, resolveFonts } from "../fonts/roles.js";
import { type RenderOptions, sourceDate } from "../options.js";
import type { PdfContext } from "./context.js";
import { buildDefinition } from "./definition.js";
import { type LaidOut, layOut, writeLaidOut } from "./engine.js";
import { fittedTocScale, nextTocScale, TOC_FIT_MAX_PAGES, type TocLine, tocSpread } from "./toc-fit.js";
import { internals } from "../pdfmake/internals.js";

/** A stable digest of everything that determines the output, for the PDF's /ID. */
function contentId(doc: Document, options: RenderOptions): Buffer {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(doc));
  for (const id of Object.keys(options.charts ?? {}).sort()) {
    hash.update(`\0${id}\0${options.charts?.[id]?.svg ?? ""}\0${options.charts?.[id]?.title ?? ""}`);
  }
  hash.update(`\0${options.sourceDateEpoch ?? 0}`);
  const fonts = resolveFonts(options.fonts);
  if (fonts !== BUILTIN_FONTS) hash.update(`\0${JSON.stringify([fonts.roles, fonts.fallbacks])}`);
  return hash.digest().subarray(0, 16);
}

export interface HeadingPage {
  level: number;
  /** 1-based physical page the heading starts on. */
  page: number;
  /** For a heading listed in the table of contents: the 1-based page its entry is printed on. */
  tocAt?: number;
}

export interface LaidOutPdf {
  bytes: Uint8Array;
  /** The page of every heading, in document order, from the layout the bytes were written from. */
  headings: HeadingPage[];
}

/**
 * The page of every heading after layout. A heading in the table of contents takes the number
 * its entry prints (`tocPages`, in the entries' order): the node pdfmake laid out last, which is
 * not always the one built here (a heading kept with what follows is laid out inside an
 * unbreakable stack, and a page-break hook lays the document out again). Other headings take
 * their own node's position.
 */
function headingsOf(context: PdfContext, tocPages: readonly number[], tocAt: readonly number[]): HeadingPage[] {
  let entry = 0;
  return context.headings.map(({ level, node }) => {
    // pdfmake turns `tocItem: true` into a list of table-of-contents ids on the nodes it lays out
    const listed = node.tocItem !== undefined && node.tocItem !== false;
    if (listed && entry < tocPages.length) {
      const at = tocAt[entry];
      return { level, page: tocPages[entry++]!, ...(at === undefined ? {} : { tocAt: at }) };
    }
    const positions = node.positions as { pageNumber: number }[] | undefined;
    return { level, page: positions?.[0]?.pageNumber ?? 1 };
  });
}

/**
 * When pdfmake fails on a document with charts, the chart it could not read, as a
 * RENDER_BAD_CHART at its line (pdfmake's own message names neither); undefined when every
 * chart's SVG parses and has a size, and the failure lies elsewhere.
 */
function badChart(doc: Document, options: RenderOptions): RenderError | undefined {
  const measure = new (internals().SVGMeasure)() as { measureSVG(svg: string): { width?: number; height?: number } };
  for (const block of chartBlocks(doc.blocks)) {
    const svg = options.charts?.[block.id]?.svg.trim() ?? "";
    let reason: string | undefined;
    try {
      const { width, height } = measure.measureSVG(svg);
      if (!(width !== undefined && width > 0 && height !== undefined && height > 0)) reason = "没有有效的宽度和高度（width、height 或 viewBox）";
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (reason !== undefined) return unrenderableChart(block, reason);
  }
  return undefined;
}

async function explained<T>(doc: Document, options: RenderOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RenderError) throw error;
    throw badChart(doc, options) ?? error;
  }
}

/** Tells `options.onWarning` of the characters the PDF cannot print as written. */
function warnGlyphs(glyphs: GlyphReport, options: RenderOptions): void {
  const warn = options.onWarning;
  if (warn === undefined) return;
  if (glyphs.missing.length > 0) {
    warn({
      code: "RENDER_MISSING_GLYPHS",
      message: `PDF 的字体中没有 ${glyphs.missing.length} 个字符，印出来是空框：${describeGaps(glyphs.missing)}。可用 fonts.fallback（--font 备用=字体文件）给出包含它们的字体，或修改文字`,
      characters: glyphs.missing,
    });
  }
  if (glyphs.invisible.length > 0) {
    warn({
      code: "RENDER_INVISIBLE_CHARACTERS",
      message: `${glyphs.invisible.length} 种不可见的控制字符（零宽字符、方向标记等）未写入 PDF：${describeGaps(glyphs.invisible)}`,
      characters: glyphs.invisible,
    });
  }
}

interface Laid {
  laid: LaidOut;
  headings: HeadingPage[];
  tocAt: number[];
  tocLines: TocLine[];
}

/** Lays the document out once, its table of contents' line height scaled by `tocScale`. */
async function layOnce(doc: Document, options: RenderOptions, tocScale: number, id: Buffer, warn: boolean): Promise<Laid> {
  const { definition, context, glyphs } = buildDefinition(doc, options, tocScale);
  if (warn) warnGlyphs(glyphs, options);
  const tocPages: number[] = [];
  const tocAt: number[] = [];
  const tocLines: TocLine[] = [];
  const laid = await explained(doc, options, () => layOut({ definition, date: sourceDate(options), id, tocPages, tocAt, tocLines }));
  return { laid, headings: headingsOf(context, tocPages, tocAt), tocAt, tocLines };
}

/**
 * The part of a document that decides where its table of contents' entries stand: what comes
 * before the contents, the contents, and the headings after it (which make its entries) without
 * the text between them. Laid out, it takes a page or two; undefined without a contents.
 */
export function contentsProbe(doc: Document): Document | undefined {
  const at = doc.blocks.findIndex((block) => block.type === "toc");
  if (at < 0) return undefined;
  return { ...doc, blocks: [...doc.blocks.slice(0, at + 1), ...doc.blocks.slice(at + 1).filter((block) => block.type === "heading")] };
}

/**
 * Lays the document out; a contents that leaves a few entries on a page of their own is drawn
 * closer (toc-fit.ts). Where the entries stand depends only on what comes before them, so the
 * pitch is worked out from the contents laid out alone (`contentsProbe`, a page or two), and the
 * document is laid out once at that pitch; the pitch is kept when the contents did end a page
 * earlier there. Otherwise the document is laid out at the theme's pitch and fitted from that.
 */
async function layOutFitted(doc: Document, options: RenderOptions, id: Buffer, warn: boolean): Promise<Laid> {
  const probe = contentsProbe(doc);
  let warned = !warn;
  // a pitch tried already is not laid out again
  let tried: { scale: number; laid: Laid } | undefined;
  if (probe !== undefined) {
    const { tocAt, tocLines } = await layOnce(probe, options, 1, id, false);
    const spread = tocSpread(tocAt);
    const scale = tocLines.length === tocAt.length ? fittedTocScale(spread, tocLines) : undefined;
    if (spread !== undefined && scale !== undefined) {
      const fitted = await layOnce(doc, options, scale, id, !warned);
      warned = true;
      const now = tocSpread(fitted.tocAt);
      if ((now !== undefined && now.pages < spread.pages) || fitted.laid.pages.length > TOC_FIT_MAX_PAGES) return fitted;
      tried = { scale, laid: fitted };
    }
  }
  const first = await layOnce(doc, options, 1, id, !warned);
  if (first.laid.pages.length > TOC_FIT_MAX_PAGES) return first;
  const pages = tocSpread(first.tocAt)?.pages ?? 0;
  let scale = 1;
  let spread = tocSpread(first.tocAt);
  // first the pitch worked out from where the entries stood (none when no pitch down to the
  // floor would do), then closer by the entries over; by the entries alone when their
  // positions are not known
  let next = first.tocLines.length === first.tocAt.length ? fittedTocScale(spread, first.tocLines) : nextTocScale(spread, scale);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (next === undefined) break;
    const closer = tried?.scale === next ? tried.laid : await layOnce(doc, options, next, id, false);
    spread = tocSpread(closer.tocAt);
    if (spread !== undefined && spread.pages < pages) return closer;
    scale = next;
    next = nextTocScale(spread, scale);
  }
  return first;
}

/** Renders a document to PDF bytes, with the page each heading landed on. */
export async function renderPdfLaidOut(doc: Document, options: RenderOptions = {}): Promise<LaidOutPdf> {
  const id = contentId(doc, options);
  const { laid, headings } = await layOutFitted(doc, options, id, true);
  const bytes = await explained(doc, options, () => writeLaidOut(laid, id));
  return { bytes, headings };
}

/** Renders a document to PDF bytes. */
export async function renderPdf(doc: Document, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderPdfLaidOut(doc, options)).bytes;
}

/** Lays the document out as its PDF (without writing it) and gives the page of every heading, in document order. */
export async function headingPages(doc: Document, options: RenderOptions = {}): Promise<HeadingPage[]> {
  return (await layOutFitted(doc, options, Buffer.alloc(16), false)).headings;
}

/** The page of every heading with the contents' line height scaled by `tocScale` and not fitted: for tests of the fitting. */
export async function headingPagesAtScale(doc: Document, tocScale: number, options: RenderOptions = {}): Promise<HeadingPage[]> {
  return (await layOnce(doc, options, tocScale, Buffer.alloc(16), false)).headings;
}

/** Where the contents' entries stand with the line height scaled by `tocScale`, not fitted: for tests of the fitting. */
export async function tocLinesAtScale(doc: Document, tocScale: number, options: RenderOptions = {}): Promise<TocLine[]> {
  return (await layOnce(doc, options, tocScale, Buffer.alloc(16), false)).tocLines;
}

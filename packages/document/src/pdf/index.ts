import { createHash } from "node:crypto";
import type { Document } from "../model/types.js";
import { chartBlocks, unrenderableChart } from "../charts.js";
import { RenderError } from "../errors.js";
import { describeGaps, type GlyphReport } from "../fonts/glyphs.js";
import { BUILTIN_FONTS, resolveFonts } from "../fonts/roles.js";
import { type RenderOptions, sourceDate } from "../options.js";
import type { PdfContext } from "./context.js";
import { buildDefinition } from "./definition.js";
import { layoutDefinition, renderDefinition } from "./engine.js";
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
function headingsOf(context: PdfContext, tocPages: readonly number[]): HeadingPage[] {
  let entry = 0;
  return context.headings.map(({ level, node }) => {
    // pdfmake turns `tocItem: true` into a list of table-of-contents ids on the nodes it lays out
    const listed = node.tocItem !== undefined && node.tocItem !== false;
    if (listed && entry < tocPages.length) return { level, page: tocPages[entry++]! };
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

/** Renders a document to PDF bytes, with the page each heading landed on. */
export async function renderPdfLaidOut(doc: Document, options: RenderOptions = {}): Promise<LaidOutPdf> {
  const { definition, context, glyphs } = buildDefinition(doc, options);
  warnGlyphs(glyphs, options);
  const tocPages: number[] = [];
  const bytes = await explained(doc, options, () => renderDefinition({ definition, date: sourceDate(options), id: contentId(doc, options), tocPages }));
  return { bytes, headings: headingsOf(context, tocPages) };
}

/** Renders a document to PDF bytes. */
export async function renderPdf(doc: Document, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderPdfLaidOut(doc, options)).bytes;
}

/** Lays the document out as its PDF (without writing it) and gives the page of every heading, in document order. */
export async function headingPages(doc: Document, options: RenderOptions = {}): Promise<HeadingPage[]> {
  const { definition, context } = buildDefinition(doc, options);
  const tocPages: number[] = [];
  await explained(doc, options, () => layoutDefinition({ definition, date: sourceDate(options), id: Buffer.alloc(16), tocPages }));
  return headingsOf(context, tocPages);
}

import { Document as DocxDocument, Packer } from "docx";
import type { Document } from "../model/types.js";
import { type HeadingPage, headingPages } from "../pdf/index.js";
import { type RenderOptions, sourceDate } from "../options.js";
import { themeWithFonts } from "../fonts/roles.js";
import { getTheme, textBlock } from "../theme/index.js";
import { bookmarkName, convertBlocks, tocHeadings } from "./blocks.js";
import { type ChartRasters, rasteriseCharts } from "./chart.js";
import type { DocxContext } from "./context.js";
import { normalizePackage } from "./normalize.js";
import { sectionPage, usesEvenFooters } from "./page.js";
import { docxTocPitch } from "./toc-pitch.js";
import { documentStyles } from "./styles.js";
import { readZip, writeZip } from "./zip.js";

/**
 * The table of contents, pre-filled: Word shows fields as written and asks
 * nothing. Its page numbers come from laying the same document out as its PDF
 * (same theme, margins, sizes and line pitch), so they match the PDF; Word's
 * own line breaking may differ slightly, and updating the field in Word
 * recomputes them from Word's layout.
 */
async function tocEntries(
  doc: Document,
  options: RenderOptions,
  known: readonly HeadingPage[] | undefined,
): Promise<DocxContext["tocEntries"] | undefined> {
  if (!doc.blocks.some((b) => b.type === "toc")) return undefined;
  const pages = known ?? (await headingPages(doc, options));
  return tocHeadings(doc.blocks).map(({ index, level, title }) => {
    const tocAt = pages[index]?.tocAt;
    return { title, level, page: pages[index]?.page ?? 1, href: bookmarkName(index), ...(tocAt === undefined ? {} : { tocAt }) };
  });
}

export interface DocxLayout {
  /**
   * The page of every heading from the PDF layout of the same document (see `renderPdfLaidOut`),
   * when that PDF is rendered anyway: the document is then not laid out a second time.
   * Charts may differ between the two (outlined text for the DOCX): only their sizes,
   * which are the same, affect the layout.
   */
  headings?: readonly HeadingPage[];
  /** The charts rasterised ahead by `docxChartRasters` (e.g. while the PDF was rendered); by default rasterised here, in parallel. */
  charts?: ChartRasters;
}

/** Starts rasterising the document's charts for its DOCX, off this thread (see `rasteriseCharts`). */
export function docxChartRasters(doc: Document, options: RenderOptions = {}): Promise<ChartRasters> {
  return rasteriseCharts(doc.blocks, options, textBlock(getTheme(doc.theme)).widthPt);
}

/** Renders a document to DOCX bytes. */
export async function renderDocx(doc: Document, options: RenderOptions = {}, layout: DocxLayout = {}): Promise<Uint8Array> {
  // the roles given a user's font file name its family
  const theme = themeWithFonts(getTheme(doc.theme), options.fonts);
  const textWidthPt = textBlock(theme).widthPt;
  const rasters = layout.charts === undefined ? rasteriseCharts(doc.blocks, options, textWidthPt) : Promise.resolve(layout.charts);
  // a failed raster is reported when awaited, after the table of contents is laid out
  rasters.catch(() => {});
  const entries = await tocEntries(doc, options, layout.headings);
  const ctx: DocxContext = {
    theme,
    options,
    textWidthPt,
    rasters: await rasters,
    tocPages: entries === undefined ? undefined : entries.map((e) => e.page ?? 1),
    headingCount: 0,
    numbering: new Map(),
    listInstances: 0,
    tocEntries: entries ?? [],
  };
  const children = convertBlocks(doc.blocks, ctx);
  const author = doc.meta.author ?? "qiyue";
  const document = new DocxDocument({
    title: doc.meta.title,
    creator: author,
    lastModifiedBy: author,
    revision: 1,
    ...(doc.meta.subject === undefined ? {} : { subject: doc.meta.subject }),
    ...(doc.meta.keywords === undefined ? {} : { keywords: doc.meta.keywords.join(", ") }),
    styles: documentStyles(theme, ctx.textWidthPt, entries === undefined ? undefined : docxTocPitch(theme, entries.flatMap((e) => (e.tocAt === undefined ? [] : [e.tocAt])))),
    numbering: { config: [...ctx.numbering.values()] },
    evenAndOddHeaderAndFooters: usesEvenFooters(theme),
    sections: [{ ...sectionPage(theme, doc.header, doc.footer), children }],
  });
  const date = sourceDate(options);
  return writeZip(normalizePackage(await packageParts(document), date), date);
}

interface PartsCompiler {
  compile(file: DocxDocument, prettify: undefined, overrides: []): Map<string, string | Uint8Array | ArrayBuffer>;
}

/**
 * The package's parts before zipping. docx's Packer compiles the parts and then
 * zips them; the parts are taken from its compiler directly, to zip them once,
 * deterministically. If a docx release moves the compiler, the zipped package is
 * read back instead.
 */
async function packageParts(document: DocxDocument): Promise<Map<string, string | Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile === "function") {
    const parts = new Map<string, string | Uint8Array>();
    for (const [name, data] of compiler.compile(document, undefined, [])) {
      parts.set(name, data instanceof ArrayBuffer ? new Uint8Array(data) : data);
    }
    return parts;
  }
  return readZip(await Packer.toBuffer(document));
}

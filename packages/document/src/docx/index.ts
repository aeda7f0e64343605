import { Document as DocxDocument, Packer, XmlComponent } from "docx";
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
import { keepWholeInLibreOffice } from "./keep-whole.js";
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
  const styles = documentStyles(theme, ctx.textWidthPt, entries === undefined ? undefined : docxTocPitch(theme, entries.flatMap((e) => (e.tocAt === undefined ? [] : [e.tocAt]))));
  const author = doc.meta.author ?? "qiyue";
  const document = new DocxDocument({
    title: doc.meta.title,
    creator: author,
    lastModifiedBy: author,
    revision: 1,
    ...(doc.meta.subject === undefined ? {} : { subject: doc.meta.subject }),
    ...(doc.meta.keywords === undefined ? {} : { keywords: doc.meta.keywords.join(", ") }),
    styles,
    numbering: { config: [...ctx.numbering.values()] },
    evenAndOddHeaderAndFooters: usesEvenFooters(theme),
    sections: [{ ...sectionPage(theme, doc.header, doc.footer), children }],
  });
  const date = sourceDate(options);
  const parts = await packageParts(document, JSON.stringify(styles));
  const body = parts.get("word/document.xml");
  if (typeof body === "string") parts.set("word/document.xml", keepWholeInLibreOffice(body));
  return writeZip(normalizePackage(parts, date), date);
}

interface PartsCompiler {
  compile(file: DocxDocument, prettify: undefined, overrides: []): Map<string, string | Uint8Array | ArrayBuffer>;
}

/**
 * The parts that depend only on the styles given to docx: the style sheet and the
 * theme (docx's own, the same for every document). They take a fifth of the time
 * docx spends writing a ten-page document, so they are written once per set of
 * styles and reused; a test checks that the package is the same byte for byte.
 */
const STYLE_PARTS = ["word/styles.xml", "word/theme/theme1.xml"] as const;
const styleParts = new Map<string, ReadonlyMap<string, string>>();
const STYLE_PARTS_MAX = 16;

/** Forgets the style sheets written so far (for tests: the next document writes its own). */
export function forgetStyleParts(): void {
  styleParts.clear();
}

/** An empty part, in place of one that is known already. */
class KnownPart extends XmlComponent {}

/** docx's style sheet and theme, left empty when they are known already. */
interface StyleHolders {
  styles?: unknown;
  theme?: unknown;
}

/**
 * The package's parts before zipping. docx's Packer compiles the parts and then
 * zips them; the parts are taken from its compiler directly, to zip them once,
 * deterministically. If a docx release moves the compiler, the zipped package is
 * read back instead.
 */
async function packageParts(document: DocxDocument, stylesKey: string): Promise<Map<string, string | Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile !== "function") return readZip(await Packer.toBuffer(document));
  const holders = document as unknown as StyleHolders;
  const known = styleParts.get(stylesKey);
  const reuse = known !== undefined && holders.styles instanceof XmlComponent && holders.theme instanceof XmlComponent;
  if (reuse) {
    holders.styles = new KnownPart("w:styles");
    holders.theme = new KnownPart("a:theme");
  }
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, data] of compiler.compile(document, undefined, [])) {
    parts.set(name, data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  }
  if (reuse) {
    // same keys: the parts keep their place in the package
    for (const [name, xml] of known) parts.set(name, xml);
  } else {
    const written = new Map<string, string>();
    for (const name of STYLE_PARTS) {
      const xml = parts.get(name);
      // "{" would be a numbering placeholder docx fills per document
      if (typeof xml === "string" && !xml.includes("{")) written.set(name, xml);
    }
    if (written.size === STYLE_PARTS.length) {
      if (styleParts.size >= STYLE_PARTS_MAX) styleParts.delete(styleParts.keys().next().value as string);
      styleParts.set(stylesKey, written);
    }
  }
  return parts;
}

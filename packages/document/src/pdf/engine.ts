import { PDF_FAMILIES } from "../fonts/roles.js";
import { breakBeforeHeadingWithoutTable } from "./blocks.js";
import type { PdfDefinition } from "./context.js";
import { pdfDocumentClass } from "./document-class.js";
import { internals, type LaidOutPage, type PdfKitDocumentLike } from "../pdfmake/internals.js";
import { MemoryFs } from "./memory-fs.js";
import type { TocLine } from "./toc-fit.js";
import { justifyWords, mergeInlines } from "./merge-inlines.js";

/** Deny every URL and every local path pdfmake could be asked to read. */
const denyAll = (): boolean => false;

export interface EngineInput {
  definition: PdfDefinition;
  /** Written as CreationDate and ModDate. */
  date: Date;
  /** The file identifier (/ID), 16 bytes derived from the content. */
  id: Buffer;
  /**
   * Filled after layout with the page number each table-of-contents entry prints, in the
   * order of the entries: read from the laid-out entries themselves, as pdfmake's renderer
   * reads them, so they are the PDF's own numbers.
   */
  tocPages?: number[];
  /** Filled after layout with the page each table-of-contents entry is printed on, in the order of the entries. */
  tocAt?: number[];
  /** Filled with where the laid-out table-of-contents entries stand on their pages (see toc-fit.ts). */
  tocLines?: TocLine[];
}

interface PageRefLine {
  _pageNodeRef?: { positions?: { pageNumber: number }[] };
  inlines?: { _pageNodeRef?: { positions?: { pageNumber: number }[] } }[];
  y?: number;
  getHeight?(): number;
}

/**
 * The page numbers the laid-out table-of-contents entries print, the page each is printed on,
 * in order, and where each entry's line stands (`bottom` is the page's lowest line position).
 */
function tocPageNumbers(pages: readonly LaidOutPage[], bottom: number): { target: number[]; at: number[]; lines: TocLine[] } {
  const target: number[] = [];
  const at: number[] = [];
  const lines: TocLine[] = [];
  let current = 0;
  const add = (ref: PageRefLine["_pageNodeRef"], line: PageRefLine) => {
    const page = ref?.positions?.[0]?.pageNumber;
    if (page === undefined) return;
    target.push(page);
    at.push(current);
    if (line.y !== undefined && line.getHeight !== undefined) lines.push({ page: current, top: line.y, height: line.getHeight(), bottom });
  };
  for (const [index, page] of pages.entries()) {
    current = index + 1;
    for (const entry of page.items) {
      if (entry.type !== "line") continue;
      const line = entry.item as PageRefLine;
      if (line._pageNodeRef !== undefined) add(line._pageNodeRef, line);
      else for (const inline of line.inlines ?? []) if (inline._pageNodeRef !== undefined) add(inline._pageNodeRef, line);
    }
  }
  return { target, at, lines };
}

function fontDescriptors(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [family, faces] of Object.entries(PDF_FAMILIES)) {
    out[family] = { normal: faces.normal, bold: faces.bold, italics: faces.normal, bolditalics: faces.bold };
  }
  return out;
}

/** Lays the definition out as pdfmake's Printer does, with the engine's document class and policies. */
async function layout(input: EngineInput): Promise<{ doc: PdfKitDocumentLike; pages: LaidOutPage[] }> {
  const { definition } = input;
  const lib = internals();
  const fs = new MemoryFs();
  const urlResolver = new lib.URLResolver(fs);
  urlResolver.setUrlAccessPolicy(denyAll);
  const fonts = fontDescriptors();
  // pdfmake's own URL step, with every URL denied: a URL anywhere it looks (fonts, images,
  // attachments, files) fails the render instead of being fetched.
  await new lib.Printer(fonts, fs, urlResolver, denyAll).resolveUrls(definition);

  const pageSize = lib.normalizePageSize(definition.pageSize);
  const { info } = definition;
  const DocumentClass = pdfDocumentClass();
  const doc = new DocumentClass(fonts, {}, {}, {}, {
    size: [pageSize.width, pageSize.height],
    pdfVersion: "1.7",
    compress: true,
    tagged: false,
    displayTitle: true,
    lang: definition.language,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    font: null,
    info: Object.fromEntries(
      Object.entries({
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Keywords: info.keywords,
        Creator: info.creator,
        Producer: info.producer,
        CreationDate: input.date,
        ModDate: input.date,
      }).filter(([, value]) => value !== undefined),
    ),
  }, fs, denyAll);

  const margins = lib.normalizePageMargin(definition.pageMargins) as { bottom: number };
  const builder = new lib.LayoutBuilder(pageSize, margins, new lib.SVGMeasure());
  builder.registerTableLayouts(lib.tableLayouts);
  const pages = builder.layoutDocument(
    definition.content,
    doc,
    definition.styles,
    definition.defaultStyle,
    undefined,
    definition.header,
    definition.footer,
    undefined,
    breakBeforeHeadingWithoutTable,
  );
  if (input.tocPages !== undefined || input.tocAt !== undefined || input.tocLines !== undefined) {
    const toc = tocPageNumbers(pages, pageSize.height - margins.bottom);
    input.tocPages?.push(...toc.target);
    input.tocAt?.push(...toc.at);
    input.tocLines?.push(...toc.lines);
  }
  return { doc, pages };
}

/** A laid-out document, ready to be written. */
export interface LaidOut {
  doc: PdfKitDocumentLike;
  pages: LaidOutPage[];
}

/** Lays the definition out; `writeLaidOut` writes it. */
export function layOut(input: EngineInput): Promise<LaidOut> {
  return layout(input);
}

/** Lays out and writes the PDF. */
export async function renderDefinition(input: EngineInput): Promise<Uint8Array> {
  return writeLaidOut(await layout(input), input.id);
}

/** Writes a laid-out document as PDF bytes, with the file identifier `id`. */
export async function writeLaidOut({ doc, pages }: LaidOut, id: Buffer): Promise<Uint8Array> {
  justifyWords(pages);
  mergeInlines(pages);
  new (internals().Renderer)(doc).renderPages(pages);
  doc._id = id;
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.end();
  await done;
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

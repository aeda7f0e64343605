import { docxChartRasters, renderDocx } from "./docx-backend.js";
import type { Document } from "./model/types.js";
import { renderPdfLaidOut } from "./pdf/index.js";
import type { RenderOptions } from "./options.js";

export type DocumentFormat = "docx" | "pdf";

/**
 * One document in several formats, in the order asked. The PDF is rendered first when
 * both are asked for: its layout gives the DOCX its table of contents' page numbers, so the
 * document is laid out once rather than twice, and the DOCX's charts are rasterised on other
 * threads while the PDF is rendered here. `optionsFor` lets the formats differ in their
 * charts (e.g. outlined text for the DOCX), never in anything that changes the layout.
 */
export async function renderFormats(
  doc: Document,
  formats: readonly DocumentFormat[],
  optionsFor: (format: DocumentFormat) => RenderOptions,
): Promise<Map<DocumentFormat, Uint8Array>> {
  const out = new Map<DocumentFormat, Uint8Array>();
  const wanted = new Set(formats);
  const docxOptions = wanted.has("docx") ? optionsFor("docx") : undefined;
  const rasters = docxOptions === undefined ? undefined : docxChartRasters(doc, docxOptions);
  // reported when awaited below; if the PDF fails first, its error is the one thrown
  rasters?.catch(() => {});
  let headings: Awaited<ReturnType<typeof renderPdfLaidOut>>["headings"] | undefined;
  if (wanted.has("pdf")) {
    const pdf = await renderPdfLaidOut(doc, optionsFor("pdf"));
    out.set("pdf", pdf.bytes);
    headings = pdf.headings;
  }
  if (docxOptions !== undefined && rasters !== undefined) {
    const charts = await rasters;
    out.set("docx", await renderDocx(doc, docxOptions, headings === undefined ? { charts } : { charts, headings }));
  }
  return new Map([...wanted].map((f) => [f, out.get(f)!]));
}

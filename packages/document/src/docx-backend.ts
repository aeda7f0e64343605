/**
 * The DOCX backend, loaded when a DOCX is first asked for: the docx library is a megabyte of
 * JavaScript, and a command that writes only PDF (or that reads work orders first) need not
 * parse it before it starts. The same functions as `./docx/index.js`.
 */
import type { ChartRasters } from "./docx/chart.js";
import type { DocxLayout } from "./docx/index.js";
import type { Document } from "./model/types.js";
import type { RenderOptions } from "./options.js";

let backend: Promise<typeof import("./docx/index.js")> | undefined;

/** Loads the DOCX backend (once); loading it ahead of the first DOCX lets that work overlap other work. */
export function loadDocxBackend(): Promise<typeof import("./docx/index.js")> {
  backend ??= import("./docx/index.js");
  return backend;
}

/** Renders a document to DOCX bytes. */
export async function renderDocx(doc: Document, options: RenderOptions = {}, layout: DocxLayout = {}): Promise<Uint8Array> {
  return (await loadDocxBackend()).renderDocx(doc, options, layout);
}

/** Starts rasterising the document's charts for its DOCX, off this thread. */
export async function docxChartRasters(doc: Document, options: RenderOptions = {}): Promise<ChartRasters> {
  return (await loadDocxBackend()).docxChartRasters(doc, options);
}

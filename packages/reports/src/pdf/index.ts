import { createHash } from "node:crypto";
import type { Document } from "../model/types.js";
import { type RenderOptions, sourceDate } from "../render/options.js";
import { buildDefinition } from "./definition.js";
import { layoutDefinition, renderDefinition } from "./engine.js";

/** A stable digest of everything that determines the output, for the PDF's /ID. */
function contentId(doc: Document, options: RenderOptions): Buffer {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(doc));
  for (const id of Object.keys(options.charts ?? {}).sort()) {
    hash.update(`\0${id}\0${options.charts?.[id]?.svg ?? ""}\0${options.charts?.[id]?.title ?? ""}`);
  }
  hash.update(`\0${options.sourceDateEpoch ?? 0}`);
  return hash.digest().subarray(0, 16);
}

/** Renders a document to PDF bytes. */
export async function renderPdf(doc: Document, options: RenderOptions = {}): Promise<Uint8Array> {
  const { definition } = buildDefinition(doc, options);
  return renderDefinition({ definition, date: sourceDate(options), id: contentId(doc, options) });
}

export interface HeadingPage {
  level: number;
  /** 1-based physical page the heading starts on. */
  page: number;
}

/** Lays the document out as its PDF and gives the page of every heading, in document order. */
export async function headingPages(doc: Document, options: RenderOptions = {}): Promise<HeadingPage[]> {
  const { definition, context } = buildDefinition(doc, options);
  await layoutDefinition({ definition, date: sourceDate(options), id: Buffer.alloc(16) });
  return context.headings.map(({ level, node }) => {
    const positions = node.positions as { pageNumber: number }[] | undefined;
    return { level, page: positions?.[0]?.pageNumber ?? 1 };
  });
}

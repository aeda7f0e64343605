import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProgram } from "../tools.js";

/** A rectangle in PDF points, origin at the top left of the page (as poppler gives it). */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A word as poppler groups glyphs: a run without a space or a gap between its glyphs. */
export interface PdfWord extends Box {
  text: string;
}

/** A line of text as poppler finds it, with its words left to right. */
export interface PdfLine extends Box {
  words: PdfWord[];
  /** The words joined by a space. */
  text: string;
  /** Index of poppler's block on the page (lines of one block share it). */
  block: number;
}

export interface PdfPage {
  /** 1-based, in the order of the file. */
  number: number;
  width: number;
  height: number;
  /** Every line of the page, in poppler's reading order. */
  lines: PdfLine[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name]!;
  });
}

function attribute(tag: string, name: string): number {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match === null ? 0 : Number(match[1]);
}

const box = (tag: string): Box => ({
  xMin: attribute(tag, "xMin"),
  yMin: attribute(tag, "yMin"),
  xMax: attribute(tag, "xMax"),
  yMax: attribute(tag, "yMax"),
});

/**
 * Reads the XHTML that `pdftotext -bbox-layout` prints (page › flow › block › line › word, each
 * with its box) into pages of lines.
 */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: PdfPage | undefined;
  let line: PdfLine | undefined;
  let block = -1;
  const tags = /<(page|block|line|word)\b([^>]*)>(?:([^<]*)<\/word>)?|<\/(line|page)>/g;
  for (let match = tags.exec(xhtml); match !== null; match = tags.exec(xhtml)) {
    const [, open, attributes = "", wordText, close] = match;
    if (open === "page") {
      page = { number: pages.length + 1, width: attribute(attributes, "width"), height: attribute(attributes, "height"), lines: [] };
      pages.push(page);
      block = -1;
    } else if (open === "block") block += 1;
    else if (open === "line" && page !== undefined) {
      line = { ...box(attributes), words: [], text: "", block: Math.max(block, 0) };
    } else if (open === "word" && line !== undefined) {
      line.words.push({ ...box(attributes), text: unescapeXml(wordText ?? "") });
    } else if (close === "line" && line !== undefined && page !== undefined) {
      line.text = line.words.map((w) => w.text).join(" ");
      if (line.words.length > 0) page.lines.push(line);
      line = undefined;
    } else if (close === "page") page = undefined;
  }
  return pages;
}

/** The words of every page of a PDF with their boxes (`pdftotext -bbox-layout`). */
export async function pdfBoxes(pdf: Uint8Array | string): Promise<PdfPage[]> {
  if (typeof pdf === "string") return parseBboxLayout(await runProgram("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, "-"]));
  const work = await mkdtemp(join(tmpdir(), "qiyue-layout-"));
  try {
    const path = join(work, "document.pdf");
    await writeFile(path, pdf);
    return parseBboxLayout(await runProgram("pdftotext", ["-bbox-layout", "-enc", "UTF-8", path, "-"]));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

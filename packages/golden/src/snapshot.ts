import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docxParts, sha256 } from "./docx-parts.js";
import { pageImages } from "./images.js";
import { pageName, pdfInfo, pdfPages } from "./pdf-text.js";
import type { RenderedCase } from "./render-case.js";

/** The golden files of one case, by path relative to the case's folder. */
export type Snapshot = Map<string, string | Uint8Array>;

export const MARKDOWN_FILE = "document.md";
export const HASHES_FILE = "hashes.txt";
export const PDF_INFO_FILE = "pdf/info.txt";

/**
 * Turns a rendered case into its golden files:
 *
 *     document.md            the Markdown the template produced
 *     docx/word/document.xml every XML part of the DOCX, normalised (one file a part)
 *     pdf/page-001.txt       the text of each PDF page (pdftotext -layout)
 *     pdf/info.txt           page count, properties and fonts (pdfinfo, pdffonts)
 *     hashes.txt             SHA-256 of document.docx, document.pdf and the DOCX's binary parts
 *     images/page-001.png    with `images`: each page at 40 dpi in grey (pdftoppm)
 */
export async function snapshot(rendered: RenderedCase, options: { markdown: boolean; images: boolean }): Promise<Snapshot> {
  const files: Snapshot = new Map();
  const hashes: string[] = [];
  if (options.markdown) files.set(MARKDOWN_FILE, rendered.markdown);
  if (rendered.docx !== undefined) {
    const parts = docxParts(rendered.docx);
    for (const [path, text] of parts.files) files.set(path, text);
    hashes.push(`${sha256(rendered.docx)}  document.docx`);
    for (const [path, hash] of parts.binaryHashes) hashes.push(`${hash}  ${path}`);
  }
  if (rendered.pdf !== undefined) {
    hashes.push(`${sha256(rendered.pdf)}  document.pdf`);
    const work = await mkdtemp(join(tmpdir(), "qiyue-golden-"));
    try {
      const pdf = join(work, "document.pdf");
      await writeFile(pdf, rendered.pdf);
      const [pages, info, images] = await Promise.all([
        pdfPages(pdf),
        pdfInfo(pdf),
        options.images ? pageImages(pdf, work) : Promise.resolve(new Map<string, Uint8Array>()),
      ]);
      for (const [i, text] of pages.entries()) files.set(`pdf/${pageName(i + 1, "txt")}`, text);
      files.set(PDF_INFO_FILE, info.text);
      for (const [path, png] of images) files.set(path, png);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  if (hashes.length > 0) files.set(HASHES_FILE, `${hashes.join("\n")}\n`);
  return files;
}

import { ImportError } from "../../errors.js";
import { LIMITS } from "../limits.js";
import type { SourceLine, SourceText } from "../types.js";
import { DocumentReader } from "./document.js";
import { ListCounter, NumberingParser, StylesParser } from "./numbering.js";
import { type XmlHandler, XmlError, XmlWalker } from "./xml.js";
import { type DocxArchive, openDocx, type PartLimits } from "./zip.js";

const DOCUMENT = "word/document.xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The main document part: word/document.xml, or where the package's relationships put it. */
async function mainPart(archive: DocxArchive, name: string): Promise<string | undefined> {
  if (archive.entries.has(DOCUMENT)) return DOCUMENT;
  if (!archive.entries.has("_rels/.rels")) return undefined;
  let target: string | undefined;
  await walk(archive, name, "_rels/.rels", LIMITS.smallPart, {
    open(element, attributes) {
      const type = attributes.Type ?? "";
      if (element === "Relationship" && target === undefined && OFFICE_DOCUMENT.test(type)) target = attributes.Target;
    },
    close() {},
    text() {},
  });
  const part = target?.replace(/^\//, "");
  return part !== undefined && archive.entries.has(part) ? part : undefined;
}

/**
 * A .docx file's text as lines: word/document.xml read in order (see DocumentReader), with
 * the numbers of automatically numbered paragraphs from word/numbering.xml and word/styles.xml.
 * Headers, footers, footnotes and comments are not read. Lines are numbered 1, 2, … in reading
 * order.
 */
export async function docxSource(path: string, name: string): Promise<SourceText> {
  const archive = await openDocx(path, name);
  try {
    const main = await mainPart(archive, name);
    if (main === undefined) throw new ImportError("IMPORT_DOCX_INVALID", name, `不是 Word（.docx）文件：ZIP 压缩包中没有 ${DOCUMENT}`);
    const warnings: string[] = [];
    let lists: ListCounter | undefined;
    if (archive.entries.has("word/numbering.xml")) {
      const numbering = new NumberingParser();
      const styles = new StylesParser();
      await walk(archive, name, "word/numbering.xml", LIMITS.smallPart, numbering);
      if (archive.entries.has("word/styles.xml")) await walk(archive, name, "word/styles.xml", LIMITS.smallPart, styles);
      lists = new ListCounter(numbering, styles);
    }
    const reader = new DocumentReader(lists);
    await walk(archive, name, main, LIMITS.documentXml, reader);
    reader.finish();
    warnings.push(...reader.warnings);
    const lines: SourceLine[] = reader.lines.map((l, i) => (l.cells === undefined ? { no: i + 1, text: l.text } : { no: i + 1, text: l.text, cells: l.cells }));
    const source: SourceText = { file: name, format: "docx", lines };
    if (warnings.length > 0) source.warnings = warnings;
    return source;
  } finally {
    archive.close();
  }
}

async function walk(archive: DocxArchive, name: string, part: string, limits: PartLimits, handler: XmlHandler): Promise<void> {
  const walker = new XmlWalker(handler);
  try {
    await archive.read(part, limits, (chunk) => walker.write(chunk));
    walker.close();
  } catch (e) {
    if (e instanceof XmlError) {
      throw new ImportError("IMPORT_DOCX_INVALID", name, `其中的 ${part}${e.line === undefined ? "" : ` 第 ${e.line} 行`}无法读取：${e.message}`, { cause: e });
    }
    throw e;
  }
}

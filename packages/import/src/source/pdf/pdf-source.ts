import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ImportError } from "../../errors.js";
import { LIMITS } from "../limits.js";
import type { SourceLine, SourceText } from "../types.js";
import { continuesOnto, joinOnto, layoutPage, type PdfTextItem, type PlacedLine } from "./lines.js";
import { withoutRunningHeads } from "./running-heads.js";

/** pdfjs-dist's own folder, for the CMaps (Chinese fonts' character maps) and standard font data it ships. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/** Reads the files pdfjs asks for from its own package folder only (never the network). */
class LocalCMaps {
  constructor(private readonly options: { baseUrl: string | null; isCompressed: boolean }) {}

  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`CMap 名称无效：${name}`);
    const data = await readFile(join(PDFJS_DIR, "cmaps", `${name}${this.options.isCompressed ? ".bcmap" : ""}`));
    return { cMapData: new Uint8Array(data), isCompressed: this.options.isCompressed };
  }
}

class LocalStandardFonts {
  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    if (!/^[\w.-]+$/.test(filename)) throw new Error(`字体名称无效：${filename}`);
    return new Uint8Array(await readFile(join(PDFJS_DIR, "standard_fonts", filename)));
  }
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Items placed as a reader sees them: when most of a page's text runs up, down or right to left
 * (a landscape page printed turned, whatever the page's /Rotate says), the page is turned so
 * that it runs left to right, and lines form as they should.
 */
export function upright(items: readonly RawItem[]): { items: PdfTextItem[]; turned: boolean } {
  const weight = [0, 0, 0, 0];
  const turn = (a: number, b: number) => ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
  for (const item of items) {
    const [a = 1, b = 0] = item.transform;
    weight[turn(a, b)] = (weight[turn(a, b)] ?? 0) + item.str.trim().length;
  }
  const quarter = weight.indexOf(Math.max(...weight));
  const placed = items.map((item) => {
    const [, , c = 0, d = 0, e = 0, f = 0] = item.transform;
    const [x, y] = quarter === 0 ? [e, f] : quarter === 1 ? [f, -e] : quarter === 2 ? [-e, -f] : [-f, e];
    return { str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height || 10 };
  });
  return { items: placed, turned: quarter % 2 === 1 };
}

/** Share of characters of the text layer that may be unreadable (private-use or undecodable) before it counts as no text. */
const MAX_UNREADABLE = 0.3;

/**
 * A PDF's text layer as lines, page by page, through pdfjs-dist (no worker thread, no eval, no
 * font loading, no network: CMaps come from its own package folder). A PDF whose pages carry
 * no text is a scan: refused with IMPORT_NO_TEXT_LAYER, as OCR is not supported. A damaged
 * PDF is refused with IMPORT_PDF_INVALID (pdfjs repairs what it can, e.g. a broken xref table).
 */
export async function pdfSource(path: string, name: string): Promise<SourceText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const data = new Uint8Array(await readFile(path));
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: "cmaps/",
    cMapPacked: true,
    standardFontDataUrl: "standard_fonts/",
    CMapReaderFactory: LocalCMaps,
    StandardFontDataFactory: LocalStandardFonts,
  } as Parameters<typeof pdfjs.getDocument>[0]);
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw openError(name, e);
  }
  try {
    const pages = document.numPages;
    if (pages > LIMITS.pdfPages) throw new ImportError("IMPORT_TOO_LARGE", name, `PDF 有 ${pages} 页，超过读取上限 ${LIMITS.pdfPages} 页`);
    const blank: number[] = [];
    const broken: number[] = [];
    const laid: PlacedLine[][] = [];
    for (let n = 1; n <= pages; n++) {
      let items: PdfTextItem[];
      let width = 612;
      try {
        const page = await document.getPage(n);
        const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
        width = Math.abs(x1 - x0) || 612;
        const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
        const raw: RawItem[] = [];
        for (const item of content.items) if ("str" in item) raw.push({ str: item.str, transform: item.transform as number[], width: item.width, height: item.height });
        const turned = upright(raw);
        items = turned.items;
        // A page turned a quarter reads along its height.
        if (turned.turned) width = Math.abs(y1 - y0) || 792;
        page.cleanup();
      } catch {
        broken.push(n);
        laid.push([]);
        continue;
      }
      const pageText = layoutPage(items, width);
      if (pageText.length === 0) blank.push(n);
      laid.push(pageText);
    }
    const heads = withoutRunningHeads(laid);
    const lines: SourceLine[] = [];
    let characters = 0;
    let unreadable = 0;
    /** The last line read, where it lay: a paragraph may go on at the top of the next page. */
    let last: PlacedLine | undefined;
    for (const [index, pageText] of heads.pages.entries()) {
      const n = index + 1;
      if (pageText.length === 0) last = undefined;
      for (const [i, line] of pageText.entries()) {
        for (const ch of line.text) {
          characters++;
          const code = ch.codePointAt(0) ?? 0;
          if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code < 0x09) unreadable++;
        }
        const previous = lines[lines.length - 1];
        if (i === 0 && last !== undefined && previous !== undefined && continuesOnto(last, line)) {
          // A paragraph cut by the page end: its line keeps the page it began on.
          joinOnto(last, line);
          previous.text = last.text;
          continue;
        }
        last = line;
        const no = lines.length + 1;
        lines.push(line.cells === undefined ? { no, text: line.text, page: n } : { no, text: line.text, page: n, cells: line.cells });
      }
    }
    if (lines.length === 0 && broken.length === pages) {
      throw new ImportError("IMPORT_PDF_INVALID", name, `PDF 文件损坏：${pages} 页都无法读取`);
    }
    if (lines.length === 0) {
      throw new ImportError(
        "IMPORT_NO_TEXT_LAYER",
        name,
        `PDF 共 ${pages} 页，都没有文字层（是扫描件或图片）。qiyue 不支持 OCR（文字识别）；请给出合同的 Word（.docx）文件、文本，或有文字层的 PDF`,
      );
    }
    if (unreadable > characters * MAX_UNREADABLE) {
      throw new ImportError(
        "IMPORT_NO_TEXT_LAYER",
        name,
        `PDF 的文字层无法转成文字（${characters} 个字符中 ${unreadable} 个无法识别：字体缺少 Unicode 对应表）。qiyue 不支持 OCR；请给出合同的 Word（.docx）文件或文本`,
      );
    }
    const warnings: string[] = [];
    if (blank.length > 0) warnings.push(`第 ${pageList(blank)} 页没有文字层（空白页或扫描页），其内容未读取`);
    if (broken.length > 0) warnings.push(`第 ${pageList(broken)} 页损坏，无法读取`);
    if (heads.removed > 0) warnings.push(`略去了每页重复的页眉、页脚或页码，共 ${heads.removed} 行（如“${heads.example ?? ""}”）`);
    const source: SourceText = { file: name, format: "pdf", lines };
    if (warnings.length > 0) source.warnings = warnings;
    return source;
  } finally {
    await document.destroy().catch(() => {});
  }
}

function pageList(pages: readonly number[]): string {
  return pages.length > 10 ? `${pages.slice(0, 10).join("、")} 等 ${pages.length}` : pages.join("、");
}

function openError(name: string, e: unknown): ImportError {
  const error = e as { name?: string; message?: string };
  if (error?.name === "PasswordException") {
    return new ImportError("IMPORT_PDF_ENCRYPTED", name, "PDF 设置了打开密码，请取消密码后再导入", { cause: e });
  }
  return new ImportError("IMPORT_PDF_INVALID", name, `PDF 文件损坏或被截断，无法读取（${error?.message ?? String(e)}）`, { cause: e });
}

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ImportError } from "../../errors.js";
import { LIMITS } from "../limits.js";
import type { SourceLine, SourceText } from "../types.js";
import {
  commonest,
  continuesOnto,
  joinOnto,
  joinWrapped,
  marginOf,
  type PdfTextItem,
  type PlacedLine,
  placeLines,
  spacingOf,
  toHalfPoint,
} from "./lines.js";
import { type PathOps, type Rules, rulesOf } from "./rules.js";
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
export function upright(items: readonly RawItem[]): { items: PdfTextItem[]; turned: boolean; turn: (x: number, y: number) => [number, number] } {
  const weight = [0, 0, 0, 0];
  const quarterOf = (a: number, b: number) => ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
  for (const item of items) {
    const [a = 1, b = 0] = item.transform;
    weight[quarterOf(a, b)] = (weight[quarterOf(a, b)] ?? 0) + item.str.trim().length;
  }
  const quarter = weight.indexOf(Math.max(...weight));
  const turn = (e: number, f: number): [number, number] => (quarter === 0 ? [e, f] : quarter === 1 ? [f, -e] : quarter === 2 ? [-e, -f] : [-f, e]);
  const placed = items.map((item) => {
    const [, , c = 0, d = 0, e = 0, f = 0] = item.transform;
    const [x, y] = turn(e, f);
    return { str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height || 10 };
  });
  return { items: placed, turned: quarter % 2 === 1, turn };
}

/** Share of characters of the text layer that may be unreadable (private-use or undecodable) before it counts as no text. */
const MAX_UNREADABLE = 0.3;

/**
 * A PDF's text layer as lines, page by page, through pdfjs-dist (no worker thread, no eval, no
 * font loading, no network: CMaps come from its own package folder). A PDF whose pages carry
 * no text is a scan: refused with IMPORT_NO_TEXT_LAYER, as OCR is not supported. A damaged
 * PDF is refused with IMPORT_PDF_INVALID (pdfjs repairs what it can, e.g. a broken xref table).
 */
export async function pdfSource(path: string, name: string, limits: { seconds: number } = { seconds: LIMITS.pdfSeconds }): Promise<SourceText> {
  const deadline = performance.now() + limits.seconds * 1000;
  const tooSlow = () =>
    new ImportError("IMPORT_TOO_LARGE", name, `PDF 读取超过 ${limits.seconds} 秒仍未读完，已停止（文件过于复杂或已损坏）；请给出合同的 Word（.docx）文件或文本`);
  /** `work`, unless the time for the whole file runs out first. */
  const inTime = async <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    // work given up on may still fail later (the document is destroyed): that is no error of ours
    work.catch(() => {});
    const left = deadline - performance.now();
    if (left <= 0) throw tooSlow();
    try {
      return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(tooSlow()), left)))]);
    } finally {
      clearTimeout(timer);
    }
  };
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
    document = await inTime(task.promise);
  } catch (e) {
    await task.destroy().catch(() => {});
    throw e instanceof ImportError ? e : openError(name, e);
  }
  try {
    const pages = document.numPages;
    if (pages > LIMITS.pdfPages) throw new ImportError("IMPORT_TOO_LARGE", name, `PDF 有 ${pages} 页，超过读取上限 ${LIMITS.pdfPages} 页`);
    const blank: number[] = [];
    const broken: number[] = [];
    /** Each page's lines as drawn, and the page's width, to learn the document's spacing before joining wrapped lines. */
    const drawn: { lines: PlacedLine[]; width: number }[] = [];
    for (let n = 1; n <= pages; n++) {
      let items: PdfTextItem[];
      let rules: Rules | undefined;
      let width = 612;
      try {
        const page = await inTime(document.getPage(n));
        const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
        width = Math.abs(x1 - x0) || 612;
        const content = await inTime(page.getTextContent({ includeMarkedContent: false, disableNormalization: false }));
        const raw: RawItem[] = [];
        for (const item of content.items) if ("str" in item) raw.push({ str: item.str, transform: item.transform as number[], width: item.width, height: item.height });
        const turned = upright(raw);
        items = turned.items;
        // the page's drawn lines, for its ruled tables (only where there is text to place in them)
        if (items.length > 0) rules = rulesOf(await inTime(page.getOperatorList({ intent: "display" })), pdfjs.OPS as unknown as PathOps, turned.turn);
        // A page turned a quarter reads along its height.
        if (turned.turned) width = Math.abs(y1 - y0) || 792;
        page.cleanup();
      } catch (e) {
        if (e instanceof ImportError) throw e;
        broken.push(n);
        drawn.push({ lines: [], width });
        continue;
      }
      const lines = placeLines(items, rules);
      if (lines.length === 0) blank.push(n);
      drawn.push({ lines, width });
    }
    // the margin most pages share (a page too short to show its own takes it)
    const margin = commonest(
      drawn.map((page) => marginOf(page.lines, page.width)).map((m) => (m === undefined ? undefined : toHalfPoint(m))),
      1,
      "larger",
    );
    const spacing = spacingOf(drawn, margin);
    const heads = withoutRunningHeads(drawn.map((page) => joinWrapped(page.lines, page.width, spacing, margin)));
    const pitch = linePitch(heads.pages);
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
        // space for whole empty lines between two lines is read as that many blank lines, as a
        // text file or a Word file shows them (a gap left where a page ended in a scan's text)
        if (i > 0 && last !== undefined && pitch !== undefined) {
          const blank = Math.min(MAX_BLANK, Math.round((last.y - line.firstY - pitch.paragraph) / pitch.line));
          for (let b = 0; b < blank; b++) lines.push({ no: lines.length + 1, text: "", page: n });
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

/** At most this many blank lines are read from one gap. */
const MAX_BLANK = 6;

/**
 * How a document's lines are spaced, in its body type: `paragraph`, the commonest distance
 * from the last baseline of a paragraph to the first of the next; `line`, the commonest
 * distance between the wrapped lines of one paragraph (the height of an empty line), or the
 * paragraph distance when no paragraph wraps. Undefined when there are too few lines to tell.
 */
export function linePitch(pages: readonly (readonly PlacedLine[])[]): { paragraph: number; line: number } | undefined {
  const between: number[] = [];
  const within: number[] = [];
  for (const page of pages) {
    for (const [i, b] of page.entries()) {
      if (b.leading !== undefined && b.leading >= b.size * 0.9) within.push(toHalfPoint(b.leading));
      const a = page[i - 1];
      if (a === undefined || a.cells !== undefined || b.cells !== undefined || Math.abs(a.size - b.size) > 0.5) continue;
      const d = toHalfPoint(a.y - b.firstY);
      if (d >= a.size && d <= a.size * 4) between.push(d);
    }
  }
  const paragraph = commonest(between, 5);
  if (paragraph === undefined) return undefined;
  const line = commonest(within, 5);
  return { paragraph, line: line !== undefined && line <= paragraph ? line : paragraph };
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

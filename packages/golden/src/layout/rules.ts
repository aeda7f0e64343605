import type { DocxTocEntry } from "./docx-toc.js";
import { type LayoutModel, SEAL_TEXT, squeeze } from "./model.js";
import type { PdfLine, PdfPage, PdfWord } from "./pdf-boxes.js";

/** The faults the layout checker finds in a rendered PDF (and, for `toc-page`, its DOCX). */
export const LAYOUT_RULES = [
  "overlap",
  "heading-at-page-end",
  "signature-alone",
  "header-alone",
  "row-split",
  "lone-row",
  "break-in-number",
  "break-in-date",
  "break-in-percent",
  "break-before-punctuation",
  "lone-character",
  "toc-page",
] as const;

export type LayoutRule = (typeof LAYOUT_RULES)[number];

/** What each rule finds, in the words the command line prints. */
export const LAYOUT_RULE_NAMES: Record<LayoutRule, string> = {
  overlap: "字形重叠",
  "heading-at-page-end": "标题在页末",
  "signature-alone": "签章单独成页",
  "header-alone": "表头在页末",
  "row-split": "表格行跨页",
  "lone-row": "表格孤行",
  "break-in-number": "长数字断行",
  "break-in-date": "日期断行",
  "break-in-percent": "百分数断行",
  "break-before-punctuation": "行首标点",
  "lone-character": "末行单字",
  "toc-page": "目录页码不符",
};

export interface LayoutFinding {
  rule: LayoutRule;
  /** The page of the PDF (1-based, in the order of the file) where the fault is. */
  page: number;
  /** The text at fault: stable enough to name the finding in a list of known ones. */
  text: string;
  /** What is wrong, in a sentence. */
  detail: string;
}

/** Horizontal overlap, in points, above which two glyph boxes collide (rounding stays far below). */
export const OVERLAP_TOLERANCE = 0.5;

/** Characters that may not start a line (避头尾). */
export const CLOSING_PUNCTUATION = "，。、；：？！）》」』”’〕】〉］｝〗〙…‥,.;:?!)]}";

const PAGE_NUMBER = /^[—–\-－~～]*[0-9]+[—–\-－~～]*$/;
const HAN = /^\p{Script=Han}$/u;
const WINDOW = 12;
/** A line shorter than this must be tied to the text it runs on into by its neighbours too. */
const SHORT = 6;

interface Line extends PdfLine {
  /** The text without white space. */
  s: string;
  /** Index in the page's body lines, in poppler's order. */
  index: number;
}

interface Page {
  number: number;
  /** The printed page number (from the footer) when there is one, else the page's position. */
  label: number;
  /** Lines of the text block: the page number and running header/footer left out. */
  lines: Line[];
}

const xOverlap = (a: { xMin: number; xMax: number }, b: { xMin: number; xMax: number }) => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
const yOverlap = (a: { yMin: number; yMax: number }, b: { yMin: number; yMax: number }) => Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
const height = (a: { yMin: number; yMax: number }) => a.yMax - a.yMin;
/** Whether two lines stand on one visual row (share most of their height). */
const sameRow = (a: Line, b: Line) => yOverlap(a, b) > 0.5 * Math.min(height(a), height(b));

function bodyPages(pages: readonly PdfPage[], model: LayoutModel): Page[] {
  return pages.map((page) => {
    let label = page.number;
    const lines: Line[] = [];
    // The page number stands alone on its row, below the text block (a table of contents has numbers beside its entries).
    const alone = (line: PdfLine) => !page.lines.some((m) => m !== line && yOverlap(m, line) > 0.5 * Math.min(height(m), height(line)));
    for (const line of page.lines) {
      const s = squeeze(line.text);
      if (s === "") continue;
      const margin = line.yMin > page.height * 0.85 || line.yMax < page.height * 0.1;
      if (margin && PAGE_NUMBER.test(s) && alone(line)) {
        label = Number(s.replace(/[^0-9]/g, ""));
        continue;
      }
      if (margin && model.pageTexts.includes(s)) continue;
      lines.push({ ...line, s, index: lines.length });
    }
    return { number: page.number, label, lines };
  });
}

/** Lines in reading order from the top: by row, then left to right. */
const byPosition = (lines: readonly Line[]) =>
  [...lines].sort((a, b) => (sameRow(a, b) ? a.xMin - b.xMin : a.yMin - b.yMin));

/** The lines of a page grouped into visual rows, top to bottom; each row's text is its lines' left to right. */
function rowsOf(lines: readonly Line[]): { lines: Line[]; s: string }[] {
  const rows: Line[][] = [];
  for (const line of [...lines].sort((a, b) => a.yMin - b.yMin)) {
    const row = rows.find((r) => sameRow(r[0]!, line));
    if (row === undefined) rows.push([line]);
    else row.push(line);
  }
  return rows.map((r) => {
    const sorted = r.sort((a, b) => a.xMin - b.xMin);
    return { lines: sorted, s: sorted.map((l) => l.s).join("") };
  });
}

/** Lines with nothing below them in their column: the last line of each column of a page. */
function lastInColumns(lines: readonly Line[]): Line[] {
  return lines.filter((l) => !lines.some((m) => m !== l && m.yMin >= l.yMax - 0.25 * height(l) && xOverlap(l, m) > 0));
}

/** Lines with nothing above them in their column. */
function firstInColumns(lines: readonly Line[]): Line[] {
  return lines.filter((l) => !lines.some((m) => m !== l && m.yMax <= l.yMin + 0.25 * height(l) && xOverlap(l, m) > 0));
}

/** The nearest lines below `a` in its column (several when a row of cells starts there). */
function below(lines: readonly Line[], a: Line): Line[] {
  const under = lines.filter((b) => b !== a && b.yMin >= a.yMax - 0.25 * height(a) && xOverlap(a, b) > 0);
  if (under.length === 0) return [];
  const top = under.reduce((m, b) => (b.yMin < m.yMin ? b : m));
  if (top.yMin - a.yMax > 1.5 * height(a)) return [];
  return under.filter((b) => sameRow(b, top));
}

/** The nearest line above `a` in its column. */
function above(lines: readonly Line[], a: Line): Line | undefined {
  const over = lines.filter((b) => b !== a && b.yMax <= a.yMin + 0.25 * height(a) && xOverlap(a, b) > 0);
  if (over.length === 0) return undefined;
  const nearest = over.reduce((m, b) => (b.yMax > m.yMax ? b : m));
  return a.yMin - nearest.yMax > 1.5 * height(a) ? undefined : nearest;
}

/** Pairs of lines where text may run on from the first to the second: a line and the line just below it in its column. */
function linePairs(page: Page): [Line, Line][] {
  return page.lines.flatMap((a) => below(page.lines, a).map((b): [Line, Line] => [a, b]));
}

interface Neighbours {
  /** The line above the first one, in its column. */
  before?: Line | undefined;
  /** The lines below the second one, in its column. */
  after: Line[];
}

/**
 * The text among `texts` that `b` carries on from `a`, if any: their meeting is in it, and a
 * short line is tied to it by the line before it (or starts it) and the line after it (or ends
 * it), so that a number alone in a cell does not run on into the cell below.
 */
function runsOn(texts: readonly string[], a: Line, b: Line, around: Neighbours): string | undefined {
  const left = a.s.slice(-WINDOW);
  const right = b.s.slice(0, WINDOW);
  const join = left + right;
  return texts.find((t) => {
    const at = t.indexOf(join);
    if (at < 0) return false;
    const leftTied = a.s.length >= SHORT || t.startsWith(a.s + right) || (around.before !== undefined && t.includes(around.before.s.slice(-WINDOW) + a.s + right));
    const rightTied =
      b.s.length >= SHORT || t.endsWith(left + b.s) || around.after.some((c) => t.includes(left + b.s + c.s.slice(0, WINDOW)));
    return leftTied && rightTied;
  });
}

const contains = (texts: readonly string[], s: string) => texts.some((t) => t.includes(s));

function overlaps(page: Page, em: Em | undefined): LayoutFinding[] {
  const out: LayoutFinding[] = [];
  const report = (a: PdfWord, b: PdfWord, amount: number, line: string) =>
    out.push({
      rule: "overlap",
      page: page.number,
      text: `${a.text} ${b.text}`,
      detail: `“${a.text}”与“${b.text}”的字形重叠 ${amount.toFixed(1)} pt：${line}`,
    });
  const wordsOf = (lines: readonly Line[]) => lines.flatMap((l) => l.words).sort((a, b) => a.xMin - b.xMin);
  for (const line of page.lines) {
    // Glyphs drawn over each other within one word: poppler joins them, so the word is
    // narrower than its characters can be (a Chinese character is one em wide, a digit half).
    if (em !== undefined) {
      // (A word much taller than the document's words, such as a chart's vertical axis title, is turned: left out.)
      for (const word of line.words.filter((w) => height(w) <= 2 * em.height)) {
        const least = narrowest(word.text) * em.ratio * height(word);
        const amount = least - (word.xMax - word.xMin);
        if (amount > OVERLAP_TOLERANCE + 0.02 * least) {
          out.push({
            rule: "overlap",
            page: page.number,
            text: word.text,
            detail: `“${word.text}”比其中的字窄 ${amount.toFixed(1)} pt，字形相互重叠：${line.text}`,
          });
        }
      }
    }
    const words = wordsOf([line]);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length && words[j]!.xMin < words[i]!.xMax - OVERLAP_TOLERANCE; j++) {
        const amount = xOverlap(words[i]!, words[j]!);
        if (amount > OVERLAP_TOLERANCE) report(words[i]!, words[j]!, amount, line.text);
      }
    }
  }
  // Lines on one row that run into each other (text of one table cell over the next one's).
  for (const a of page.lines) {
    for (const b of page.lines) {
      if (b.index <= a.index || !sameRow(a, b) || xOverlap(a, b) <= OVERLAP_TOLERANCE) continue;
      for (const wa of a.words) {
        for (const wb of b.words) {
          const amount = xOverlap(wa, wb);
          if (amount > OVERLAP_TOLERANCE && yOverlap(wa, wb) > 0.5 * Math.min(height(wa), height(wb))) report(wa, wb, amount, `${a.text}｜${b.text}`);
        }
      }
    }
  }
  return out;
}

/** The least width of a text in ems: one for each Chinese character, less than half for each digit. */
function narrowest(text: string): number {
  let ems = 0;
  for (const ch of text) {
    if (HAN.test(ch)) ems += 1;
    else if (ch >= "0" && ch <= "9") ems += 0.4;
  }
  return ems;
}

interface Em {
  /** The width of an em as a share of a word box's height. */
  ratio: number;
  /** The usual height of a word box. */
  height: number;
}

/**
 * The width of an em as a share of a word box's height, from the words of one Chinese
 * character (each one em wide): the median, or undefined when there are too few.
 */
function emRatio(pages: readonly Page[]): Em | undefined {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const words = pages.flatMap((p) => p.lines.flatMap((l) => l.words)).filter((w) => height(w) > 0);
  const single = words.filter((w) => HAN.test(w.text));
  if (single.length < 3) return undefined;
  return { ratio: median(single.map((w) => (w.xMax - w.xMin) / height(w))), height: median(words.map(height)) };
}

/** The heading that the last lines of the page make up, if they are one. */
function headingAtEnd(page: Page, model: LayoutModel): string | undefined {
  const rows = rowsOf(page.lines);
  for (let k = 1; k <= Math.min(3, rows.length); k++) {
    const text = rows
      .slice(-k)
      .map((r) => r.s)
      .join("");
    const heading = model.headings.find((h) => h.text === text);
    if (heading !== undefined) return heading.text;
  }
  return undefined;
}

/** Whether the characters of `text` can all be taken from `pool` (as many times as the pool has them). */
function drawnFrom(text: string, pool: string): boolean {
  const counts = new Map<string, number>();
  for (const ch of pool) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of text) {
    const left = counts.get(ch) ?? 0;
    if (left === 0) return false;
    counts.set(ch, left - 1);
  }
  return true;
}

/**
 * A page with nothing but the signing part of the document: signature blocks and their seals,
 * tables signed by hand (an approval table, an acceptance panel), the end marker “（以下无正文）”
 * and the headings and lead-ins above them, with at least one block signed by hand. GB/T 9704
 * wants the seals on a page with text; the text above them goes to their page.
 */
function signatureAlone(page: Page, model: LayoutModel): LayoutFinding[] {
  const text = page.lines.map((l) => l.s).join("");
  if (text === "") return [];
  const all = model.signOff.map((p) => p.text).join("");
  const captions = model.signOff
    .filter((p) => !p.signed)
    .map((p) => p.text)
    .join("");
  const alone =
    model.signatures.some((block) => drawnFrom(text, block.text + SEAL_TEXT.repeat(block.parties))) || (drawnFrom(text, all) && !drawnFrom(text, captions));
  if (!alone) return [];
  return [
    {
      rule: "signature-alone",
      page: page.number,
      text: byPosition(page.lines)[0]!.s,
      detail: "这一页只有签章、签字或审批栏，没有正文（签字盖章处不应与正文分开）",
    },
  ];
}

function headerAlone(page: Page, model: LayoutModel): LayoutFinding[] {
  const lines = byPosition(page.lines);
  for (const table of model.tables) {
    const cells = table.header.flat().filter((c) => c !== "");
    if (cells.length === 0) continue;
    let k = 0;
    while (k < lines.length && contains(cells, lines[lines.length - 1 - k]!.s)) k++;
    if (k === 0) continue;
    const tail = lines.slice(lines.length - k);
    const header = cells.join("");
    const found = tail.map((l) => l.s).join("");
    if (found.length === header.length && drawnFrom(found, header)) {
      const alone = k === lines.length;
      return [
        {
          rule: "header-alone",
          page: page.number,
          text: cells.join(" | "),
          detail: alone ? "这一页只有表头" : "表头是这一页的最后一行，表格内容在下一页",
        },
      ];
    }
  }
  return [];
}

function rowSplits(page: Page, next: Page, model: LayoutModel): LayoutFinding[] {
  const headerCells = model.tables.flatMap((t) => t.header.flat()).filter((c) => c !== "");
  const candidates = next.lines.filter((l) => !contains(headerCells, l.s));
  const out: LayoutFinding[] = [];
  for (const a of lastInColumns(page.lines)) {
    for (const b of firstInColumns(candidates)) {
      if (xOverlap(a, b) <= 0) continue;
      if (model.cells.includes(a.s) && model.cells.includes(b.s)) continue;
      const cell = runsOn(model.cells, a, b, { before: above(page.lines, a), after: below(next.lines, b) });
      if (cell !== undefined) {
        out.push({ rule: "row-split", page: page.number, text: cell, detail: `表格行跨页：“${a.s}”在第 ${page.number} 页，“${b.s}”在第 ${next.number} 页` });
      }
    }
  }
  return out;
}

/** The characters of a text in a fixed order: two texts with the same characters compare equal. */
const letters = (text: string) => [...text].sort().join("");

type Row = { s: string };

/**
 * Where the visual rows that end at `to` (exclusive) begin when together they hold exactly the
 * characters of `text` (one table row, its cells' lines in any order); undefined when they do not.
 */
function rowUp(rows: readonly Row[], to: number, text: string): number | undefined {
  let taken = "";
  for (let i = to - 1; i >= 0 && taken.length < text.length; i--) {
    taken = rows[i]!.s + taken;
    if (taken.length === text.length) return letters(taken) === letters(text) ? i : undefined;
  }
  return undefined;
}

/** Where the visual rows that start at `from` end (exclusive) when together they hold exactly the characters of `text`. */
function rowDown(rows: readonly Row[], from: number, text: string): number | undefined {
  let taken = "";
  for (let i = from; i < rows.length && taken.length < text.length; i++) {
    taken += rows[i]!.s;
    if (taken.length === text.length) return letters(taken) === letters(text) ? i + 1 : undefined;
  }
  return undefined;
}

/** Fewer body rows than this on either side of a page break leave a row alone. */
const LEAST_ROWS = 2;

/**
 * A table broken across pages with fewer than two body rows on one side of the break: the
 * last rows of the page, then the first of the next (after its header rows repeated there),
 * are matched to consecutive rows of a table of the document by their characters.
 */
function loneRows(page: Page, next: Page, model: LayoutModel): LayoutFinding[] {
  const ending = rowsOf(page.lines);
  const starting = rowsOf(next.lines);
  const out: LayoutFinding[] = [];
  for (const table of model.tables) {
    const texts = table.body.map((row) => row.join(""));
    const header = table.header.map((row) => row.join("")).join("");
    const top = (header === "" ? undefined : rowDown(starting, 0, header)) ?? 0;
    for (let k = 0; k + 1 < texts.length; k++) {
      if (texts[k] === "" || texts[k + 1] === "") continue;
      const from = rowUp(ending, ending.length, texts[k]!);
      const to = from === undefined ? undefined : rowDown(starting, top, texts[k + 1]!);
      if (from === undefined || to === undefined) continue;
      const before = k > 0 && texts[k - 1] !== "" && rowUp(ending, from, texts[k - 1]!) !== undefined ? 2 : 1;
      const after = k + 2 < texts.length && texts[k + 2] !== "" && rowDown(starting, to, texts[k + 2]!) !== undefined ? 2 : 1;
      const name = (row: readonly string[]) => row.filter((c) => c !== "").join(" | ");
      if (before < LEAST_ROWS) {
        out.push({ rule: "lone-row", page: page.number, text: name(table.body[k]!), detail: `表格在第 ${page.number} 页只有 1 行，下面的行在第 ${next.number} 页` });
      } else if (after < LEAST_ROWS) {
        out.push({ rule: "lone-row", page: next.number, text: name(table.body[k + 1]!), detail: `表格在第 ${next.number} 页只有 1 行，上面的行在第 ${page.number} 页` });
      }
      break;
    }
  }
  return out;
}

const DATE = /\d{2,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|年\d{0,2}月\d{0,2}日/g;
const PERCENT = /[+-]?\d+(?:[.,]\d+)*[%％]/g;
const DIGITS = /\d(?:[.,]?\d){5,}/g;

/** Whether a match of `pattern` in `text` spans position `at` (something on both sides of it). */
function spans(pattern: RegExp, text: string, at: number): string | undefined {
  for (const match of text.matchAll(pattern)) {
    if (match.index < at && at < match.index + match[0].length) return match[0];
  }
  return undefined;
}

function breakFinding(a: string, b: string, page: number): LayoutFinding | undefined {
  const left = a.slice(-WINDOW);
  const right = b.slice(0, WINDOW);
  const joined = left + right;
  const at = left.length;
  const text = `${left.slice(-10)} ⏎ ${right.slice(0, 10)}`;
  const date = spans(DATE, joined, at);
  if (date !== undefined) return { rule: "break-in-date", page, text, detail: `日期“${date}”断在两行` };
  const percent = spans(PERCENT, joined, at);
  if (percent !== undefined) return { rule: "break-in-percent", page, text, detail: `百分数“${percent}”断在两行` };
  const digits = spans(DIGITS, joined, at);
  if (digits !== undefined) return { rule: "break-in-number", page, text, detail: `数字“${digits}”断在两行` };
  if (CLOSING_PUNCTUATION.includes(b[0]!)) return { rule: "break-before-punctuation", page, text, detail: `行首是标点“${b[0]}”` };
  return undefined;
}

function lineBreaks(page: Page, next: Page | undefined, model: LayoutModel): LayoutFinding[] {
  const out: LayoutFinding[] = [];
  for (const [a, b] of linePairs(page)) {
    if (runsOn(model.texts, a, b, { before: above(page.lines, a), after: below(page.lines, b) }) === undefined) continue;
    const finding = breakFinding(a.s, b.s, page.number);
    if (finding !== undefined) out.push(finding);
    else if (HAN.test(b.s)) {
      const whole = model.headings.find((h) => h.text.endsWith(a.s + b.s))?.text ?? model.cells.find((c) => c.endsWith(a.s + b.s));
      if (whole !== undefined && whole.length > 1) {
        out.push({ rule: "lone-character", page: page.number, text: whole, detail: `“${whole}”的最后一行只有“${b.s}”一个字` });
      }
    }
  }
  if (next !== undefined) {
    // Text running on over the page break: the last line of a column and the first on the next page.
    for (const a of lastInColumns(page.lines)) {
      for (const b of firstInColumns(next.lines)) {
        if (xOverlap(a, b) <= 0) continue;
        if (runsOn(model.texts, a, b, { before: above(page.lines, a), after: below(next.lines, b) }) === undefined) continue;
        const finding = breakFinding(a.s, b.s, page.number);
        if (finding !== undefined) out.push(finding);
      }
    }
  }
  return out;
}

/** The page (printed number) each heading stands on, in document order, for the table of contents. */
function headingLabels(pages: readonly Page[], model: LayoutModel): { text: string; label: number; page: number }[] {
  const found: { text: string; label: number; page: number }[] = [];
  for (const page of pages) {
    // A heading stands alone on its row(s); a table of contents has the page number beside it.
    const rows = rowsOf(page.lines);
    for (let i = 0; i < rows.length; i++) {
      let text = "";
      for (let k = i; k < Math.min(i + 3, rows.length); k++) {
        text += rows[k]!.s;
        if (model.headings.some((h) => h.text === text)) {
          found.push({ text, label: page.label, page: page.number });
          i = k;
          break;
        }
      }
    }
  }
  return found;
}

function tocFindings(pages: readonly Page[], model: LayoutModel, toc: readonly DocxTocEntry[]): LayoutFinding[] {
  const headings = headingLabels(pages, model);
  const out: LayoutFinding[] = [];
  let from = 0;
  for (const entry of toc) {
    const text = squeeze(entry.text);
    const at = headings.findIndex((h, i) => i >= from && h.text === text);
    if (at < 0) {
      out.push({ rule: "toc-page", page: 0, text, detail: `DOCX 目录中的“${entry.text}”（第 ${entry.page} 页）在 PDF 中找不到` });
      continue;
    }
    from = at + 1;
    const heading = headings[at]!;
    if (heading.label !== entry.page) {
      out.push({
        rule: "toc-page",
        page: heading.page,
        text,
        detail: `DOCX 目录中“${entry.text}”为第 ${entry.page} 页，PDF 中在第 ${heading.label} 页`,
      });
    }
  }
  return out;
}

/**
 * Finds the layout faults of a PDF, page by page: `model` says which texts are headings,
 * tables, cells and signatures; `toc` holds the entries of the DOCX's table of contents
 * (empty when there is no DOCX or it has none).
 */
export function findLayoutFaults(pdfPages: readonly PdfPage[], model: LayoutModel, toc: readonly DocxTocEntry[] = []): LayoutFinding[] {
  const pages = bodyPages(pdfPages, model);
  const out: LayoutFinding[] = [];
  const em = emRatio(pages);
  for (const [i, page] of pages.entries()) {
    const next = pages[i + 1];
    out.push(...overlaps(page, em));
    if (next !== undefined) {
      const heading = headingAtEnd(page, model);
      if (heading !== undefined) out.push({ rule: "heading-at-page-end", page: page.number, text: heading, detail: `标题“${heading}”是这一页的最后一行，正文在下一页` });
      out.push(...headerAlone(page, model));
      out.push(...rowSplits(page, next, model));
      out.push(...loneRows(page, next, model));
    }
    out.push(...signatureAlone(page, model));
    out.push(...lineBreaks(page, next, model));
  }
  out.push(...tocFindings(pages, model, toc));
  return out;
}

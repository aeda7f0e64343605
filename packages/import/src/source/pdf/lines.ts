import type { Rules } from "./rules.js";
import { type GridRow, tablesOf } from "./tables.js";

/** One text item of a PDF page's text layer: its string, where its baseline starts and ends, and its font size. */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the glyphs' height). */
  size: number;
}

/** A line of a page, as read: its text and, for a row with large gaps (a table), its cells. */
export interface PdfLine {
  text: string;
  cells?: string[];
}

/** A line with where it lies on the page, for joining the lines of a paragraph. */
export interface PlacedLine extends PdfLine {
  left: number;
  right: number;
  y: number;
  size: number;
  /** The line runs to the right margin without ending a sentence: its paragraph may go on below (or on the next page). */
  runsOn: boolean;
  /** Where a table row begins (its upper border), which orders it among the lines; a line's place is its baseline `y`. */
  top?: number;
  /** The baseline of its first line (`y` is the last one's once wrapped lines are joined). */
  firstY: number;
  /** The distance between the baselines of its wrapped lines, once one is joined to it. */
  leading?: number;
  /** The width of the closing punctuation that ends the line (which may hang past the margin). */
  hanging?: number | undefined;
  /** For a long line: the room it leaves before the page's right margin. */
  room?: number | undefined;
  /** The width of what begins the line and cannot be broken (a number, a Latin word, a Chinese character with the punctuation that must follow it). */
  lead: number;
}

/** Items on one line have baselines closer than this share of their font size. */
const SAME_LINE = 0.5;
/** A gap wider than this share of the font size is a space (between words of Latin text). */
const SPACE_GAP = 0.2;
/** A gap wider than this many font sizes separates the cells of a table row. */
const CELL_GAP = 2;

/** CJK characters and full-width punctuation: written without spaces between them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const ALNUM = /[0-9A-Za-z%]/;
/** A gap between Chinese and a figure or Latin letter narrower than this share of the font size is layout spacing, not a space. */
const SCRIPT_GAP = 0.5;

/**
 * The lines of one page: items grouped by baseline (top to bottom), each line's items in
 * order of x. Latin words and figures are joined with a space where the PDF draws one or
 * leaves a word gap; Chinese is joined without one, as is Chinese next to a figure unless the
 * gap is half a character or more (office programs space the two scripts apart, "2025 年", and
 * that spacing is not a space the author typed); a gap wider than twice the font size
 * splits the line into cells (a table row, or the two sides of a signing block).
 */
export function pageLines(items: readonly PdfTextItem[], pageWidth = 612): PdfLine[] {
  return layoutPage(items, pageWidth).map((l) => (l.cells === undefined ? { text: l.text } : { text: l.text, cells: l.cells }));
}

/**
 * The lines of one page (see pageLines), with where they lie. With the page's rules, each row
 * of a ruled table is one line whose cells hold the whole text of each cell (its wrapped lines
 * joined), placed among the other lines by its upper border. With the document's spacing
 * (see spacingOf), a paragraph's wrapped lines are told from paragraphs by their distance.
 */
export function layoutPage(items: readonly PdfTextItem[], pageWidth: number, rules?: Rules, spacing?: Spacing): PlacedLine[] {
  return joinWrapped(placeLines(items, rules), pageWidth, spacing);
}

/** The lines of one page as drawn, top to bottom, a paragraph's wrapped lines not yet joined (see layoutPage). */
export function placeLines(items: readonly PdfTextItem[], rules?: Rules): PlacedLine[] {
  const present = items.filter((i) => i.str !== "");
  const { rows, rest } = rules === undefined ? { rows: [], rest: present } : tablesOf(rules, present);
  const placed = [...linesOf(rest), ...rows.map(rowLine).filter((l): l is PlacedLine => l !== undefined)];
  placed.sort((a, b) => (b.top ?? b.y) - (a.top ?? a.y));
  return placed;
}

/**
 * A table row as a line: each cell's lines joined, trailing empty cells dropped. Chinese joins
 * without a space, and so does a word or number the cell's width broke (its line runs to the
 * cell's right border: "0200003319" / "210012727"); other lines join with a space.
 */
function rowLine(row: GridRow): PlacedLine | undefined {
  const cells = row.cells.map((cell) => {
    let text = "";
    let previous: PlacedLine | undefined;
    for (const line of linesOf(cell.items)) {
      const t = (line.cells ?? [line.text]).join(" ");
      const broken = previous !== undefined && previous.right >= cell.right - previous.size * 1.2;
      text = text === "" ? t : broken || CJK.test(text.slice(-1)) || CJK.test(t.charAt(0)) ? `${text}${t}` : `${text} ${t}`;
      previous = line;
    }
    return text;
  });
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  if (cells.length === 0) return undefined;
  const all = row.cells.flatMap((c) => c.items);
  const size = all.length === 0 ? 10 : Math.max(...all.map((i) => i.size));
  const y = all.length === 0 ? row.top - size : Math.min(...all.map((i) => i.y));
  const firstY = all.length === 0 ? y : Math.max(...all.map((i) => i.y));
  return { text: cells.join("\t"), cells, left: row.left, right: row.right, y, size, runsOn: false, top: row.top, firstY, lead: 0 };
}

/** Items grouped into lines by baseline, top to bottom, each line's items in order of x. */
function linesOf(items: readonly PdfTextItem[]): PlacedLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const item of sorted) {
    if (current.length > 0 && Math.abs(item.y - baseline) <= Math.max(size, item.size) * SAME_LINE) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
    size = item.size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(joinLine).filter((l) => l.text !== "");
}

/** Sentence ends, after which a line is not continued even when it reaches the margin. */
const ENDS_SENTENCE = /[。；;：:！!？?.]$/;
/** What starts a clause or an item: such a line is never the continuation of the one above. */
const STARTS_ITEM =
  /^(?:[-•·*]\s*|第[一二三四五六七八九十百零〇\d]+[条章节款]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)+(?![\d条款项])|\d+(?:[、)）](?![。，,；;：:）)])|[.．](?!\d))|[a-zA-Z][.)）]|[①-⑳⑴-⒇]|附件)/;

/** How a document spaces its body lines: between the wrapped lines of a paragraph, and from one paragraph to the next (baseline to baseline). */
export interface Spacing {
  line: number;
  paragraph: number;
  /** The body type's size the distances are of. */
  size: number;
}

/**
 * The right margin of a page: the rightmost place at least two of its long lines reach (a line
 * may run past it), undefined when too few lines are long enough to tell.
 */
export function marginOf(lines: readonly PlacedLine[], pageWidth: number): number | undefined {
  const long = (l: PlacedLine) => l.cells === undefined && l.right - l.left >= pageWidth * 0.45;
  // punctuation may hang past the margin: a line's own edge is where its last other character ends
  const rights = lines
    .filter(long)
    .map((l) => ({ right: l.right - (l.hanging ?? 0), size: l.size }))
    .sort((a, b) => b.right - a.right);
  return rights.find((r, i) => rights[i + 1] !== undefined && r.right - (rights[i + 1]?.right ?? 0) <= r.size)?.right;
}

/**
 * Marks the lines that reach the right margin without ending a sentence (`runsOn`) and the room
 * each long line leaves before the margin (the page's own, or else the document's).
 */
function markMargin(lines: PlacedLine[], pageWidth: number, fallback?: number): void {
  // Only a long line (wider than 45% of the page) can be a paragraph's wrapped line.
  const long = (l: PlacedLine) => l.cells === undefined && l.right - l.left >= pageWidth * 0.45;
  const margin = marginOf(lines, pageWidth) ?? fallback;
  for (const l of lines) {
    const isLong = margin !== undefined && long(l);
    l.room = isLong ? Math.max(0, margin - l.right) : undefined;
    l.runsOn = isLong && l.right >= margin - 3 * l.size && !ENDS_SENTENCE.test(l.text);
  }
}

/** Whether a long line ends only because what begins the next line did not fit (the room it left is narrower than that). */
function wrapsInto(previous: PlacedLine, next: PlacedLine): boolean {
  // the break may also have taken a space, and the gap set between Chinese and a figure
  return previous.room !== undefined && (previous.room <= previous.size * 1.2 || next.lead + previous.size * 0.5 > previous.room);
}

/**
 * The document's spacing, learnt from its pages' lines before they are joined: the commonest
 * distance after a line that surely wraps (it reaches the margin in mid-sentence, the next
 * line is no new item), and after a line that surely ends its paragraph (a sentence ending
 * short of the margin). Only when the two differ (the document puts space between paragraphs)
 * does it help tell them apart; otherwise undefined.
 */
export function spacingOf(pages: readonly { lines: PlacedLine[]; width: number }[], margin?: number): Spacing | undefined {
  const wraps: number[] = [];
  const ends: number[] = [];
  const sizes: number[] = [];
  for (const { lines, width } of pages) {
    markMargin(lines, width, margin);
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (a.cells !== undefined || b.cells !== undefined || Math.abs(a.size - b.size) > 0.5) continue;
      const d = toHalfPoint(a.y - b.firstY);
      if (d < a.size * 0.9 || d > a.size * 4) continue;
      if (a.runsOn && !STARTS_ITEM.test(b.text)) wraps.push(d);
      else if (ENDS_SENTENCE.test(a.text) && (a.room === undefined || a.room > 3 * a.size)) ends.push(d);
      else continue;
      sizes.push(a.size);
    }
  }
  const line = commonest(wraps, 3);
  const paragraph = commonest(ends, 3);
  const size = commonest(sizes.map(toHalfPoint), 3) ?? 10;
  if (line === undefined || paragraph === undefined || paragraph - line < size * 0.25) return undefined;
  return { line, paragraph, size };
}

/**
 * A paragraph's lines joined into one (`margin`: the document's right margin, for a page too
 * short to show its own). Where the document spaces its paragraphs apart (see
 * spacingOf), a line at the distance of a wrapped line that starts no numbered item goes on
 * with the one above when that one reached the margin in mid-sentence or left less room than
 * the line's first word needs (even after a full stop); a line at a paragraph's distance starts
 * a new one. Otherwise a long line that runs to
 * the right margin (within three characters of the rightmost place two long lines reach), or
 * leaves too little room for the next line's first word, and is not the end of a sentence
 * continues on the next line when that line follows at ordinary line spacing in the same type
 * size, is not indented further, and does not start a numbered item. Table rows are never
 * joined. Chinese joins without a space.
 */
export function joinWrapped(lines: PlacedLine[], pageWidth: number, spacing?: Spacing, margin?: number): PlacedLine[] {
  markMargin(lines, pageWidth, margin);
  const out: PlacedLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous !== undefined && joins(previous, line, spacing)) {
      joinOnto(previous, line);
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

function joins(previous: PlacedLine, line: PlacedLine, spacing: Spacing | undefined): boolean {
  if (previous.cells !== undefined || line.cells !== undefined) return false;
  if (Math.abs(previous.size - line.size) > 0.2 * Math.max(previous.size, line.size)) return false;
  const d = previous.y - line.firstY;
  if (spacing !== undefined && Math.abs(previous.size - spacing.size) <= 0.5) {
    const tolerance = Math.min(previous.size * 0.15, (spacing.paragraph - spacing.line) / 3);
    if (Math.abs(d - spacing.line) <= tolerance) return (previous.runsOn || wrapsInto(previous, line)) && !STARTS_ITEM.test(line.text);
    if (Math.abs(d - spacing.paragraph) <= tolerance) return false;
  }
  return d <= 2 * Math.max(previous.size, line.size) && continuesOnto(previous, line);
}

/** Whether `next` goes on with the paragraph of `previous` (the line above it, or the last line of the page before). */
export function continuesOnto(previous: PlacedLine, next: PlacedLine): boolean {
  return (
    (previous.runsOn || (!ENDS_SENTENCE.test(previous.text) && wrapsInto(previous, next))) &&
    next.cells === undefined &&
    Math.abs(previous.size - next.size) <= 0.2 * Math.max(previous.size, next.size) &&
    next.left <= previous.left + previous.size &&
    !STARTS_ITEM.test(next.text)
  );
}

/** Appends `next` to `previous`: Chinese without a space, Latin words with one. */
export function joinOnto(previous: PlacedLine, next: PlacedLine): void {
  const cjk = CJK.test(previous.text.slice(-1)) || CJK.test(next.text.charAt(0));
  previous.text = cjk ? `${previous.text}${next.text}` : `${previous.text} ${next.text}`;
  if (next.firstY < previous.y) previous.leading = previous.y - next.firstY;
  previous.right = next.right;
  previous.y = next.y;
  previous.runsOn = next.runsOn;
  previous.room = next.room;
  previous.hanging = next.hanging;
}

function joinLine(items: PdfTextItem[]): PlacedLine {
  const ordered = [...items].sort((a, b) => a.x - b.x);
  const cells: string[] = [];
  let cell = "";
  let previous: PdfTextItem | undefined;
  let space = false;
  for (const item of ordered) {
    // A space drawn as its own item (or put in by pdfjs for a gap): the gap decides below.
    if (item.str.trim() === "") {
      space = previous !== undefined;
      continue;
    }
    // The same string drawn again at (nearly) the same place: a bold effect, printed once.
    if (previous !== undefined && item.str === previous.str && Math.abs(item.x - previous.x) < item.size * 0.2) continue;
    const text = item.str.replace(/\s+/g, " ");
    if (previous === undefined) {
      cell = text.trimStart();
    } else {
      const gap = item.x - (previous.x + previous.width);
      const em = Math.max(item.size, previous.size, 1);
      // Chinese next to Chinese, a figure or a Latin letter (not next to ASCII punctuation: "1." before an item's words).
      const before = cell.slice(-1);
      const after = text.trimStart().charAt(0);
      const chinese = (CJK.test(before) && (CJK.test(after) || ALNUM.test(after))) || (ALNUM.test(before) && CJK.test(after));
      if (gap > em * CELL_GAP) {
        cells.push(cell.trim());
        cell = text.trimStart();
      } else if (chinese ? gap >= em * SCRIPT_GAP : space || gap > em * SPACE_GAP) {
        cell = `${cell.trimEnd()} ${text.trimStart()}`;
      } else {
        cell += text;
      }
    }
    space = false;
    previous = item;
  }
  cells.push(cell.trim());
  const first = ordered.find((i) => i.str.trim() !== "") ?? ordered[0];
  const last = [...ordered].reverse().find((i) => i.str.trim() !== "") ?? ordered[ordered.length - 1];
  const lastChars = [...(last?.str.trimEnd() ?? "")];
  let closing = 0;
  while (closing < lastChars.length && CLOSING.test(lastChars[lastChars.length - 1 - closing] ?? "")) closing++;
  const place = {
    lead: leadOf(ordered),
    hanging: lastChars.length === 0 ? 0 : ((last?.width ?? 0) * closing) / lastChars.length,
    left: first?.x ?? 0,
    right: (last?.x ?? 0) + (last?.width ?? 0),
    y: first?.y ?? 0,
    firstY: first?.y ?? 0,
    size: Math.max(...ordered.map((i) => i.size), 1),
    runsOn: false,
  };
  if (cells.length > 1) return { text: cells.join("\t"), cells, ...place };
  return { text: cells[0] ?? "", ...place };
}

/** Punctuation that may not begin a line: it goes down with the character before it. */
const CLOSING = /[。，、；：？！）」』”’》〉】,.;:?!)\]%]/;

/**
 * The width of what begins a line and could not have been broken: a run of figures or Latin
 * letters (with a ¥ or other sign before it), or one Chinese character and the closing
 * punctuation after it.
 */
function leadOf(ordered: readonly PdfTextItem[]): number {
  let width = 0;
  let cjk: boolean | undefined;
  for (const item of ordered) {
    const chars = [...item.str];
    if (chars.length === 0) continue;
    const each = item.width / chars.length;
    for (const ch of chars) {
      if (/\s/.test(ch)) {
        if (cjk === undefined) continue;
        return width;
      }
      const isCjk = CJK.test(ch) && !CLOSING.test(ch);
      if (cjk === undefined) {
        cjk = isCjk;
        width += each;
        continue;
      }
      if (CLOSING.test(ch)) {
        width += each;
        continue;
      }
      if (cjk || isCjk) return width;
      width += each;
    }
  }
  return width;
}

/** A distance to the half point, so that distances drawn alike count as one. */
export const toHalfPoint = (d: number): number => Math.round(d * 2) / 2;

/**
 * The value found most often among `values` (at least `least` times), the smaller one of two
 * found as often, or the larger with `prefer: "larger"`; undefined when none is found that often.
 */
export function commonest(values: readonly (number | undefined)[], least = 1, prefer: "smaller" | "larger" = "smaller"): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || (prefer === "smaller" ? x[0] - y[0] : y[0] - x[0]));
  return best !== undefined && best[1] >= least ? best[0] : undefined;
}

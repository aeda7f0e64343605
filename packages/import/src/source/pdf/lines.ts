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

/** The lines of one page (see pageLines), with where they lie. */
export function layoutPage(items: readonly PdfTextItem[], pageWidth: number): PlacedLine[] {
  const sorted = items.filter((i) => i.str !== "").sort((a, b) => b.y - a.y || a.x - b.x);
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
  const placed = groups.map(joinLine).filter((l) => l.text !== "");
  return joinWrapped(placed, pageWidth);
}

/** Sentence ends, after which a line is not continued even when it reaches the margin. */
const ENDS_SENTENCE = /[。；;：:！!？?.]$/;
/** What starts a clause or an item: such a line is never the continuation of the one above. */
const STARTS_ITEM =
  /^(?:[-•·*]\s*|第[一二三四五六七八九十百零〇\d]+[条章节款]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)+(?![\d条款项])|\d+(?:[、)）]|[.．](?!\d))|[a-zA-Z][.)）]|[①-⑳⑴-⒇]|附件)/;

/**
 * A paragraph's lines joined into one: a long line that runs to the right margin (within three
 * characters of the rightmost place two long lines reach) and is not the end of a sentence
 * continues on the next line when that line follows at ordinary line spacing in the same type
 * size, is not indented further, and does not start a numbered item. Table rows are never joined. Chinese joins
 * without a space.
 */
function joinWrapped(lines: PlacedLine[], pageWidth: number): PlacedLine[] {
  // Only a long line (wider than 45% of the page) can be a paragraph's wrapped line; the right
  // margin is the rightmost place at least two of them reach (a line may run past it).
  const long = (l: PlacedLine) => l.cells === undefined && l.right - l.left >= pageWidth * 0.45;
  const rights = lines
    .filter(long)
    .map((l) => ({ right: l.right, size: l.size }))
    .sort((a, b) => b.right - a.right);
  const margin = rights.find((r, i) => rights[i + 1] !== undefined && r.right - (rights[i + 1]?.right ?? 0) <= r.size)?.right ?? Number.POSITIVE_INFINITY;
  for (const l of lines) l.runsOn = long(l) && l.right >= margin - 3 * l.size && !ENDS_SENTENCE.test(l.text);
  const out: PlacedLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.y - line.y <= 2 * Math.max(previous.size, line.size) && continuesOnto(previous, line)) {
      joinOnto(previous, line);
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/** Whether `next` goes on with the paragraph of `previous` (the line above it, or the last line of the page before). */
export function continuesOnto(previous: PlacedLine, next: PlacedLine): boolean {
  return (
    previous.runsOn &&
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
  previous.right = next.right;
  previous.y = next.y;
  previous.runsOn = next.runsOn;
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
  const place = {
    left: first?.x ?? 0,
    right: (last?.x ?? 0) + (last?.width ?? 0),
    y: first?.y ?? 0,
    size: Math.max(...ordered.map((i) => i.size), 1),
    runsOn: false,
  };
  if (cells.length > 1) return { text: cells.join("\t"), cells, ...place };
  return { text: cells[0] ?? "", ...place };
}

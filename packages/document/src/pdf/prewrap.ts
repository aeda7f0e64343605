import { familyFace } from "../fonts/roles.js";
import type { Run } from "../model/types.js";
import type { PdfNode } from "./context.js";
import { textWidth } from "../fonts/cache.js";
import { isOrphanLine, noBreakOffsets } from "../model/line-breaking.js";
import { internals } from "../pdfmake/internals.js";
import { runLook, styledInlines } from "./runs.js";
import type { PdfTextStyle } from "./styles.js";

/**
 * Line breaking done ahead of pdfmake, for paragraphs and table cells whose width
 * is known. pdfmake breaks and measures text word by word, and every CJK
 * character is a word: a page of Chinese text is some six hundred words, each
 * looked up through its style stack, which made layout most of the render time.
 * Here the text is broken once with the same UAX #14 line breaker and the same
 * font metrics, and each line goes to pdfmake as unbreakable pieces. Justified
 * lines are spread with character spacing, as pdfmake spreads its words.
 */

interface Piece {
  text: string;
  run: Run;
}

interface Line {
  pieces: Piece[];
  /** Ended by a line break in the text (not justified). */
  forced: boolean;
}

const EPSILON = 0.01;

/** Marks the inlines of a line to be justified word by word after layout. */
export const JUSTIFY_WORDS = "qiyueJustifyWords";

function pieceWidth(piece: Piece, style: PdfTextStyle): number {
  if (piece.text === "") return 0;
  // the family and size the piece is set in (an editor's note is smaller, in 楷体), as styledInlines sets it
  const { font, fontSize } = runLook(piece.run, style);
  return textWidth(familyFace(font, style.bold || piece.run.bold === true), piece.text, fontSize);
}

function piecesWidth(pieces: readonly Piece[], style: PdfTextStyle): number {
  let width = 0;
  for (const piece of pieces) width += pieceWidth(piece, style);
  return width;
}

function trimEnd(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const text = last.text.replace(/\s+$/u, "");
    if (text !== "") {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

function trimStart(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  while (out.length > 0) {
    const text = out[0]!.text.replace(/^\s+/u, "");
    if (text !== "") {
      out[0] = { ...out[0]!, text };
      break;
    }
    out.shift();
  }
  return out;
}

interface Word {
  pieces: Piece[];
  required: boolean;
}

/** The text between two break opportunities, as pieces of runs. */
function words(runs: readonly Run[]): Word[] {
  const text = runs.map((r) => r.text).join("");
  const starts: number[] = [];
  let offset = 0;
  for (const run of runs) {
    starts.push(offset);
    offset += run.text.length;
  }
  const slice = (from: number, to: number): Piece[] => {
    const pieces: Piece[] = [];
    runs.forEach((run, i) => {
      const a = Math.max(from, starts[i]!);
      const b = Math.min(to, starts[i]! + run.text.length);
      if (a < b) pieces.push({ text: run.text.slice(a - starts[i]!, b - starts[i]!), run });
    });
    return pieces;
  };
  const breaker = new (internals().LineBreaker)(text);
  const kept = noBreakOffsets(text);
  const out: Word[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
    // no break inside a date, a number, a percentage or a clause number (see model/line-breaking)
    if (!bk.required && kept.has(bk.position)) continue;
    let end = bk.position;
    const newline = /\r?\n$|\r$/.exec(text.slice(last, end));
    if (newline !== null) end -= newline[0].length;
    out.push({ pieces: slice(last, end), required: bk.required || newline !== null });
    last = bk.position;
  }
  return out;
}

/** Characters that may not start a line (避头): closing brackets and quotes, and the pauses. */
const NO_LINE_START = /^[\p{Pe}\p{Pf}，。、；：！？,.;:!?%％‰]$/u;

/**
 * Splits a word too long for any line between characters (the last resort, for a number or an
 * amount in capitals wider than a narrow cell), still never starting a line with closing
 * punctuation: the character before it goes down with it.
 */
function splitLong(pieces: readonly Piece[], style: PdfTextStyle, width: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const piece of pieces) {
    for (const ch of piece.text) {
      const c: Piece = { text: ch, run: piece.run };
      const w = pieceWidth(c, style);
      const line = lines[lines.length - 1]!;
      if (used + w > width + EPSILON && line.length > 0) {
        // closing punctuation does not start the next line: the character before it goes along
        const carried = NO_LINE_START.test(ch) && line.length > 1 ? [line.pop()!] : [];
        lines.push(carried);
        used = carried.reduce((sum, x) => sum + pieceWidth(x, style), 0);
      }
      lines[lines.length - 1]!.push(c);
      used += w;
    }
  }
  // one piece per run on each line
  return lines
    .filter((line) => line.length > 0)
    .map((line) => {
      const out: Piece[] = [];
      for (const c of line) {
        const prev = out[out.length - 1];
        if (prev !== undefined && prev.run === c.run) prev.text += c.text;
        else out.push({ ...c });
      }
      return out;
    });
}

/** The width of line `i`: the text width, less the first line's indent, or less where a line was narrowed. */
type LineWidths = (i: number) => number;

function breakLines(wordList: readonly Word[], style: PdfTextStyle, widthOf: LineWidths): Line[] {
  const lines: Line[] = [];
  let current: Piece[] = [];
  let used = 0;
  let available = widthOf(0);
  const finish = (forced: boolean): void => {
    lines.push({ pieces: trimEnd(current), forced });
    current = [];
    used = 0;
    available = widthOf(lines.length);
  };
  for (const word of wordList) {
    const pieces = current.length === 0 ? trimStart(word.pieces) : word.pieces;
    const visible = piecesWidth(trimEnd(pieces), style);
    if (current.length > 0 && used + visible > available + EPSILON) finish(false);
    const placed = current.length === 0 ? trimStart(pieces) : pieces;
    if (current.length === 0 && piecesWidth(trimEnd(placed), style) > available + EPSILON) {
      const parts = splitLong(placed, style, available);
      parts.forEach((part, i) => {
        current = part;
        if (i < parts.length - 1) finish(false);
      });
      used = piecesWidth(current, style);
    } else {
      current.push(...placed);
      used += piecesWidth(placed, style);
    }
    if (word.required) finish(true);
  }
  if (current.length > 0 || lines.length === 0) finish(true);
  else if (lines.length > 0) lines[lines.length - 1]!.forced = true;
  return lines;
}

/** Two or more letters or digits in a row: a word pdfmake must not spread. */
const WORD = /[\p{Script=Latin}\p{Nd}]{2,}/u;
const hasWord = (pieces: readonly Piece[]): boolean => pieces.some((p) => WORD.test(p.text));

const lineText = (line: Line): string => line.pieces.map((p) => p.text).join("");

/**
 * The lines of a paragraph, with no single ideograph alone on its last line where that can be
 * avoided: the line before gives up its last word (narrowed to just less than its content), so
 * two or more characters go down together. Kept only when the paragraph keeps its number of
 * lines and the narrowed line still holds more than its last word did.
 */
function withoutOrphan(wordList: readonly Word[], style: PdfTextStyle, widthOf: LineWidths): Line[] {
  const lines = breakLines(wordList, style, widthOf);
  const n = lines.length;
  if (n < 2 || !isOrphanLine(lineText(lines[n - 1]!)) || lines[n - 2]!.forced) return lines;
  const before = lines[n - 2]!;
  const narrowed = piecesWidth(before.pieces, style) - EPSILON * 10;
  const retried = breakLines(wordList, style, (i) => (i === n - 2 ? Math.min(widthOf(i), narrowed) : widthOf(i)));
  if (retried.length !== n || isOrphanLine(lineText(retried[n - 1]!)) || lineText(retried[n - 2]!) === "") return lines;
  return retried;
}

function joinPieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.run === piece.run) out[out.length - 1] = { ...prev, text: prev.text + piece.text };
    else out.push({ ...piece });
  }
  return out;
}

/**
 * A paragraph (or cell text) as a stack of single-line text nodes of `width`
 * points, the first line indented by the style's leading indent.
 */
export function prewrap(runs: readonly Run[], style: PdfTextStyle, width: number, options: { justifyWords?: boolean } = {}): PdfNode {
  const indent = style.leadingIndent ?? 0;
  const lines = withoutOrphan(words(runs), style, (i) => (i === 0 ? width - indent : width));
  const stack = lines.map((line, i) => {
    const pieces = joinPieces(line.pieces);
    const lineStyle: PdfTextStyle = { ...style, margin: [0, 0, 0, 0], leadingIndent: i === 0 ? indent : 0 };
    let spacing = 0;
    const last = i === lines.length - 1;
    // A line holding a number or a Latin word is spread between words, never inside them
    // ("2 0 2 4"); a line of ideographs alone, between every character.
    const wordy = options.justifyWords === true || hasWord(pieces);
    const justifyWords = wordy && style.alignment === "justify" && !last && !line.forced;
    if (style.alignment === "justify" && !last && !line.forced && !justifyWords) {
      const available = width - (i === 0 ? indent : 0);
      const slack = available - piecesWidth(pieces, style);
      const gaps = pieces.reduce((n, p) => n + p.text.length, 0) - pieces.length;
      if (gaps > 0 && slack > 0) spacing = (slack - EPSILON) / gaps;
    }
    const alignment = style.alignment === "justify" ? "left" : style.alignment;
    const inlines = styledInlines(
      pieces.map((p) => ({ ...p.run, text: p.text })),
      { ...lineStyle, alignment },
      { noWrap: true, characterSpacing: spacing },
    );
    // Spread after layout between words, as pdfmake justifies (see `justifyWords` in merge-inlines).
    if (justifyWords) for (const inline of inlines) inline[JUSTIFY_WORDS] = true;
    return { text: inlines.length > 0 ? inlines : [{ text: "" }], ...lineStyle, alignment };
  });
  return { stack, margin: style.margin, prewrapped: true };
}

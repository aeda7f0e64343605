import { widestUnbreakable } from "./line-breaking.js";
import { plainText } from "./text.js";
import type { TableBlock, TableCell } from "./types.js";

/** Width of text in ems: CJK and full-width characters count 1, others ½. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    ems += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? 1 : 0.5;
  }
  return ems;
}

/** The longest line of a cell in ems, capped: long text wraps rather than widening its column further. */
function cellEms(cell: TableCell, cap: number): number {
  const lines = plainText(cell.runs).split("\n");
  return Math.min(cap, Math.max(...lines.map(textEms)));
}

const CAP_EMS = 24;
const MIN_EMS = 2;

/**
 * Relative column widths of a table: the author's (from the delimiter row), or
 * from content, so short columns (序号, 金额) stay narrow and long text gets the
 * rest. Both backends scale these to the text block width.
 */
export function columnWeights(table: TableBlock): number[] {
  if (table.widths !== undefined) return table.widths;
  const rows = [...table.header, ...table.body];
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const weights: number[] = [];
  for (let c = 0; c < columns; c++) {
    let widest = MIN_EMS;
    for (const row of rows) {
      const cell = row[c];
      if (cell !== undefined) widest = Math.max(widest, cellEms(cell, CAP_EMS));
    }
    weights.push(widest + 1);
  }
  return weights;
}

/** A column never needs more than this many ems to hold its widest unbreakable value. */
const UNBREAKABLE_CAP_EMS = 12;

/**
 * The ems each column needs to hold its widest value that no line may break inside (a date, an
 * account number, a percentage with its sign: see line-breaking), capped; 0 for a column of
 * text that may break anywhere. A narrower column would have to break the value as a last resort.
 */
export function columnMinimums(table: TableBlock): number[] {
  const rows = [...table.header, ...table.body];
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => {
    let widest = 0;
    for (const row of table.body) {
      const cell = row[c];
      if (cell !== undefined) widest = Math.max(widest, widestUnbreakable(plainText(cell.runs), textEms));
    }
    return Math.min(UNBREAKABLE_CAP_EMS, widest);
  });
}

/**
 * Scales weights to a total, each at least `min` (one minimum for all columns, or one per
 * column). Columns below their minimum get it and the others share the rest in proportion;
 * when the minimums together exceed the total, the widths stay in proportion.
 */
export function scaleWidths(weights: readonly number[], total: number, min: number | readonly number[]): number[] {
  const mins = weights.map((_, i) => (typeof min === "number" ? min : (min[i] ?? 0)));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (w / sum) * total);
  if (mins.reduce((a, b) => a + b, 0) >= total) return raw;
  const fixed = new Set<number>();
  for (let pass = 0; pass < weights.length; pass++) {
    const free = weights.map((w, i) => (fixed.has(i) ? 0 : w));
    const freeSum = free.reduce((a, b) => a + b, 0);
    const rest = total - [...fixed].reduce((s, i) => s + mins[i]!, 0);
    const widths = weights.map((_, i) => (fixed.has(i) ? mins[i]! : freeSum === 0 ? 0 : (free[i]! / freeSum) * rest));
    const below = widths.map((w, i) => (!fixed.has(i) && w < mins[i]! ? i : -1)).filter((i) => i >= 0);
    if (below.length === 0) return widths;
    for (const i of below) fixed.add(i);
  }
  return raw;
}

/**
 * The width in points a column's text needs at `sizePt`: room for its widest unbreakable value
 * (`columnMinimums`, estimated in ems, with a margin since digits are wider than half an em),
 * and never less than two characters.
 */
export function minimumWidthPt(minEms: number, sizePt: number): number {
  return Math.max(2 * sizePt, minEms === 0 ? 0 : (minEms * 1.15 + 0.5) * sizePt);
}

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

/** Scales weights to a total, each at least `min`. */
export function scaleWidths(weights: readonly number[], total: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (w / sum) * total);
  const short = raw.filter((w) => w < min).length;
  if (short === 0 || short === raw.length) return raw;
  const rest = total - short * min;
  const restSum = raw.filter((w) => w >= min).reduce((a, b) => a + b, 0);
  return raw.map((w) => (w < min ? min : (w / restSum) * rest));
}

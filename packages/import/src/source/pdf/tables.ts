/**
 * Ruled tables of a PDF page: the grid its border lines draw, and the text inside each cell.
 * A Word or WPS table printed to PDF keeps its borders; a cell's text may wrap over several
 * lines of the page, and a row's cells lie side by side, so reading the page line by line
 * would cut every cell into pieces. Here each row of the grid becomes one line with its cells,
 * as the Word reader gives it (empty cells kept in place, trailing empty cells dropped).
 */
import type { Rules } from "./rules.js";

/** A text item as the page lays it out (see lines.ts). */
export interface GridItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One row of a ruled table: each cell's items and its left and right border (cells left to right), and where the row lies. */
export interface GridRow {
  cells: { items: GridItem[]; left: number; right: number }[];
  /** The row's upper border (PDF units, y upwards). */
  top: number;
  left: number;
  right: number;
}

/** Rules this close (PDF units) are the same line, and a line ending this close to another meets it. */
const NEAR = 2.5;

interface Line {
  at: number;
  from: number;
  to: number;
}

/** Collinear rules that touch or overlap become one. */
function merged(lines: readonly Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Line[] = [];
  for (const line of sorted) {
    const last = out.find((o) => Math.abs(o.at - line.at) <= NEAR && line.from <= o.to + NEAR && line.to >= o.from - NEAR);
    if (last === undefined) out.push({ ...line });
    else {
      last.from = Math.min(last.from, line.from);
      last.to = Math.max(last.to, line.to);
    }
  }
  return out;
}

/**
 * The rows of every ruled table of a page and the items in their cells; the items that lie in
 * no table are returned as `rest`. A table is a set of horizontal and vertical rules that meet,
 * with at least two rows or two columns of cells (a box around one paragraph is no table).
 */
export function tablesOf(rules: Rules, items: readonly GridItem[]): { rows: GridRow[]; rest: GridItem[] } {
  const hs = merged(rules.horizontal.map((h) => ({ at: h.y, from: h.x0, to: h.x1 })));
  const vs = merged(rules.vertical.map((v) => ({ at: v.x, from: v.y0, to: v.y1 })));
  if (hs.length < 2 || vs.length < 2) return { rows: [], rest: [...items] };
  // rules that meet belong to one table (union-find over horizontal 0..h-1 and vertical h..)
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [i, h] of hs.entries()) {
    for (const [j, v] of vs.entries()) {
      if (v.at >= h.from - NEAR && v.at <= h.to + NEAR && h.at >= v.from - NEAR && h.at <= v.to + NEAR) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  for (let i = 0; i < hs.length + vs.length; i++) {
    const root = find(i);
    const group = groups.get(root) ?? { h: [], v: [] };
    if (i < hs.length) group.h.push(hs[i]!);
    else group.v.push(vs[i - hs.length]!);
    groups.set(root, group);
  }
  const rows: GridRow[] = [];
  const taken = new Set<GridItem>();
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const table = gridOf(h, v, items, taken);
    if (table.length > 1 || (table[0]?.cells.length ?? 0) > 1) rows.push(...table);
    else for (const row of table) for (const cell of row.cells) for (const item of cell.items) taken.delete(item);
  }
  return { rows, rest: items.filter((i) => !taken.has(i)) };
}

/** The rows of one table: bands between its horizontal rules, cut into cells by the vertical rules that cross each band. */
function gridOf(h: readonly Line[], v: readonly Line[], items: readonly GridItem[], taken: Set<GridItem>): GridRow[] {
  const ys = [...new Set(h.map((l) => l.at))].sort((a, b) => b - a);
  const rows: GridRow[] = [];
  /** The cells of the band above, by their left and right rule, for a cell merged down over several bands. */
  let above: { left: number; right: number; items: GridItem[] }[] = [];
  for (let b = 0; b + 1 < ys.length; b++) {
    const top = ys[b]!;
    const bottom = ys[b + 1]!;
    if (top - bottom <= NEAR) continue;
    const crossing = v
      .filter((l) => l.from <= bottom + NEAR && l.to >= top - NEAR)
      .map((l) => l.at)
      .sort((a, b) => a - b);
    const bounds = crossing.filter((x, i) => i === 0 || x - crossing[i - 1]! > NEAR);
    if (bounds.length < 2) {
      above = [];
      continue;
    }
    const cells: { left: number; right: number; items: GridItem[] }[] = [];
    const row: GridRow = { cells: [], top, left: bounds[0]!, right: bounds[bounds.length - 1]! };
    let continued = true;
    for (let c = 0; c + 1 < bounds.length; c++) {
      const left = bounds[c]!;
      const right = bounds[c + 1]!;
      const middle = (left + right) / 2;
      // no border on top of this cell: the cell above goes on down (a merged cell)
      const closed = h.some((l) => Math.abs(l.at - top) <= NEAR && l.from <= middle && l.to >= middle);
      const upper = closed ? undefined : above.find((a) => Math.abs(a.left - left) <= NEAR && Math.abs(a.right - right) <= NEAR);
      const cell = upper ?? { left, right, items: [] };
      if (upper === undefined) continued = false;
      for (const item of items) {
        if (taken.has(item)) continue;
        const x = item.x + item.width / 2;
        const y = item.y + item.size * 0.3;
        if (x > left && x < right && y < top && y > bottom) {
          cell.items.push(item);
          taken.add(item);
        }
      }
      cells.push(cell);
      row.cells.push({ items: upper === undefined ? cell.items : [], left, right });
    }
    above = cells;
    // a band whose every cell goes on from the row above adds nothing of its own
    if (!continued) rows.push(row);
  }
  return rows;
}

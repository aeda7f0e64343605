/**
 * The straight lines a PDF page draws (a table's borders), read from the page's operator
 * list: horizontal and vertical strokes, and rectangles so thin that they are lines. Curves,
 * clipping paths and large filled areas are not rules.
 */

/** A horizontal rule at height y from x0 to x1, or a vertical one at x from y0 to y1 (PDF units, y upwards). */
export interface Rules {
  horizontal: { y: number; x0: number; x1: number }[];
  vertical: { x: number; y0: number; y1: number }[];
}

/** The operator numbers this reader needs (pdfjs's OPS table, by name). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  rectangle: number;
  closePath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

/** How thin a rectangle may be (PDF units) and still be a line. */
const THIN = 2.5;
/** Shorter than this (PDF units) is not a rule (an underline's dash, a tick). */
const SHORTEST = 6;
/** No page is read for more operators than this (a page of hatching would otherwise take long). */
const MAX_OPERATORS = 200_000;

type Segment = [number, number, number, number];
type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * The rules of one page from its operator list (`fnArray`, `argsArray` as pdfjs gives them), in
 * the page's user space (the space text items are placed in). `turn` maps a point as the text
 * was turned upright (see `upright`).
 */
export function rulesOf(
  list: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  ops: PathOps,
  turn: (x: number, y: number) => [number, number] = (x, y) => [x, y],
): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  /** The subpaths of the path being built (each its segments, in page space), until it is painted or dropped. */
  let pending: Segment[][] = [];
  const count = Math.min(list.fnArray.length, MAX_OPERATORS);
  const at = (x: number, y: number): [number, number] => turn(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
  for (let i = 0; i < count; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = multiply(args.map(Number) as Matrix, ctm);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const kinds = args[0] as ArrayLike<number>;
      const coords = args[1] as ArrayLike<number>;
      let c = 0;
      let point: [number, number] | undefined;
      let start: [number, number] | undefined;
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k];
        if (kind === ops.moveTo) {
          point = at(Number(coords[c]), Number(coords[c + 1]));
          start = point;
          pending.push([]);
          c += 2;
        } else if (kind === ops.lineTo) {
          const next = at(Number(coords[c]), Number(coords[c + 1]));
          if (point !== undefined) pending.at(-1)?.push([point[0], point[1], next[0], next[1]]);
          point = next;
          c += 2;
        } else if (kind === ops.rectangle) {
          const [x, y, w, h] = [0, 1, 2, 3].map((j) => Number(coords[c + j])) as [number, number, number, number];
          const corners = [at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h)];
          pending.push(corners.map((a, j) => [a[0], a[1], corners[(j + 1) % 4]![0], corners[(j + 1) % 4]![1]] as Segment));
          point = undefined;
          c += 4;
        } else if (kind === ops.closePath) {
          if (point !== undefined && start !== undefined) pending.at(-1)?.push([point[0], point[1], start[0], start[1]]);
          point = start;
        } else {
          // a curve: its points are skipped, it is no rule
          c += kind === 15 ? 6 : 4;
          point = undefined;
        }
      }
    } else if (fn === ops.endPath) pending = [];
    else if (
      fn === ops.stroke ||
      fn === ops.closeStroke ||
      fn === ops.fill ||
      fn === ops.eoFill ||
      fn === ops.fillStroke ||
      fn === ops.eoFillStroke ||
      fn === ops.closeFillStroke ||
      fn === ops.closeEOFillStroke
    ) {
      for (const subpath of pending) addRules(rules, subpath, fn !== ops.fill && fn !== ops.eoFill);
      pending = [];
    }
  }
  return rules;
}

/**
 * Segments to rules: a thin box (its four sides) becomes one line along it; a stroked level or
 * upright segment is a rule (a filled area's sides are not: a page's white background is no frame).
 */
function addRules(rules: Rules, segments: readonly Segment[], stroked: boolean): void {
  if (segments.length === 0) return;
  const xs = segments.flatMap((s) => [s[0], s[2]]);
  const ys = segments.flatMap((s) => [s[1], s[3]]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // a thin box: one rule along its middle
  if (segments.length >= 2) {
    if (maxY - minY <= THIN && maxX - minX >= SHORTEST) {
      rules.horizontal.push({ y: (minY + maxY) / 2, x0: minX, x1: maxX });
      return;
    }
    if (maxX - minX <= THIN && maxY - minY >= SHORTEST) {
      rules.vertical.push({ x: (minX + maxX) / 2, y0: minY, y1: maxY });
      return;
    }
  }
  if (!stroked) return;
  for (const [x0, y0, x1, y1] of segments) {
    if (Math.abs(y1 - y0) <= 0.5 && Math.abs(x1 - x0) >= SHORTEST) rules.horizontal.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= 0.5 && Math.abs(y1 - y0) >= SHORTEST) rules.vertical.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

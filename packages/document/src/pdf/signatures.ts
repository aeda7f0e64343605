import { fitFillInDate, isValueOnly, labelWidthPt, partyColumns, ROW_SPACE_EM, sealRow, signatureLayout } from "../model/seal.js";
import type { KeyValue, SignaturesBlock } from "../model/types.js";
import type { PdfContext, PdfNode } from "./context.js";
import { prewrap } from "./prewrap.js";
import { linePitch, pdfStyle } from "./styles.js";
import { textBlock } from "../theme/index.js";
import { lineHeightEm } from "../fonts/cache.js";
import { PDF_FAMILIES } from "../fonts/roles.js";

const COLUMN_GAP = 24;
/** The placeholder is as wide as a 38 mm official seal. */
const SEAL_PT = 108;
/**
 * Its height: the DOCX draws it as a paragraph of one line with dashed borders 24 pt above and
 * below the text; the PDF draws the same dashed box, so the two formats look alike.
 */
const SEAL_HEIGHT_PT = 64;

/** The placeholder's text, its size, and the colour of text and dashes. */
const SEAL_TEXT = "（盖章处）";
const SEAL_TEXT_PT = 10.5;
const SEAL_GREY = "#808080";
const SEAL_LINE_PT = 0.8;

/**
 * The seal placeholder: a dashed box with （盖章处） in its middle, drawn as a one-cell table
 * with dashed borders (as the DOCX draws a paragraph with dashed borders), centred in a column
 * `columnWidth` wide. Drawn by pdfkit's own lines, it costs next to nothing to lay out.
 */
function sealBox(columnWidth: number): PdfNode {
  const textHeight = SEAL_TEXT_PT * lineHeightEm(PDF_FAMILIES.NotoSansSC.normal);
  const padding = (SEAL_HEIGHT_PT - 2 * SEAL_LINE_PT - textHeight) / 2;
  const dashed = () => ({ dash: { length: 4, space: 3 } });
  return {
    table: {
      widths: [SEAL_PT - 2 * SEAL_LINE_PT],
      body: [[{ text: SEAL_TEXT, alignment: "center", font: "NotoSansSC", fontSize: SEAL_TEXT_PT, lineHeight: 1, color: SEAL_GREY }]],
    },
    layout: {
      hLineWidth: () => SEAL_LINE_PT,
      vLineWidth: () => SEAL_LINE_PT,
      hLineColor: () => SEAL_GREY,
      vLineColor: () => SEAL_GREY,
      hLineStyle: dashed,
      vLineStyle: dashed,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => padding,
      paddingBottom: () => padding,
    },
    margin: [Math.max(0, (columnWidth - SEAL_PT) / 2), SEAL_MARGIN_PT, 0, SEAL_MARGIN_PT],
  };
}

/** A party's rows laid out: the table, and its height in points (each row as tall as its taller cell). */
interface RowsLayout {
  node: PdfNode;
  heightPt: number;
}

/** A party's rows, each broken into lines: its cells, and the lines of its taller cell. */
interface Rows {
  cells: PdfNode[][];
  lines: number[];
  labelWidth: number;
}

const RULE_PT = 0.6;

/** The rows of a party broken into lines, label beside value; a row without a label spans both columns. */
function partyRows(rows: readonly KeyValue[], columnWidth: number, ctx: PdfContext): Rows {
  const size = ctx.theme.table.sizePt;
  const style = { ...pdfStyle(ctx.theme.table, { indent: false }), alignment: "left" as const };
  const labelWidth = labelWidthPt(rows, columnWidth, size);
  const count = (cell: PdfNode) => (cell.stack as unknown[]).length;
  const cells = rows.map((r) =>
    isValueOnly(r)
      ? [{ ...prewrap(r.value, style, columnWidth), colSpan: 2, border: [false, false, false, false] }]
      : [
          { ...prewrap([...r.label, { text: "：" }], style, labelWidth), border: [false, false, false, false] },
          { ...prewrap(fitFillInDate(r.value, columnWidth - labelWidth, size), style, columnWidth - labelWidth), border: [false, false, false, true] },
        ],
  );
  return { cells, lines: cells.map((row) => Math.max(...row.map(count))), labelWidth };
}

/** The height in points of rows of these many lines each. */
function rowsHeight(lines: readonly number[], ctx: PdfContext): number {
  const size = ctx.theme.table.sizePt;
  const pitch = linePitch(ctx.theme.table.line, size);
  return lines.reduce((h, n) => h + n * pitch + size * ROW_SPACE_EM + 1 + RULE_PT, 0);
}

/**
 * The rows as a borderless table: label, then a line to write on. Each cell's text sits on the
 * row's last lines, next to the line to write on (as the DOCX aligns it); `lines` may ask a row
 * for more lines than its text takes, to line it up with the other party's.
 */
function rowsTable(rows: Rows, columnWidth: number, ctx: PdfContext, lines: readonly number[] = rows.lines): RowsLayout {
  const size = ctx.theme.table.sizePt;
  const body = rows.cells.map((cells, i) => {
    const low = (cell: PdfNode): PdfNode => {
      const stack = cell.stack as PdfNode[];
      const extra = lines[i]! - stack.length;
      return extra <= 0 ? cell : { ...cell, stack: [...Array.from({ length: extra }, () => ({ text: " " })), ...stack] };
    };
    return cells.length === 1 ? [low(cells[0]!), {}] : [low(cells[0]!), low(cells[1]!)];
  });
  const node: PdfNode = {
    table: { widths: [rows.labelWidth, columnWidth - rows.labelWidth], body },
    layout: {
      hLineWidth: () => RULE_PT,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => size * ROW_SPACE_EM,
      paddingBottom: () => 1,
    },
  };
  return { node, heightPt: rowsHeight(lines, ctx) };
}

/** Each party's rows above its seal (the row asking for it included) and below. */
interface PartyParts {
  above: Rows;
  below: Rows;
}

/** The property of a pdfmake node that carries its estimated height in points (pdfmake ignores it). */
export const BLOCK_HEIGHT = "qiyueHeightPt";

const SEAL_MARGIN_PT = 6;
const BLOCK_MARGIN_PT = 18;

/**
 * Parties side by side; under the row that asks for the seal, a dashed box marks where it
 * goes (the same box as in the DOCX). The block is kept on one page, unless it is taller than a page: pdfmake drops the
 * content of an unbreakable block that fits on no page, so such a block breaks instead.
 */
export function pdfSignatures(block: SignaturesBlock, ctx: PdfContext): PdfNode {
  const n = block.parties.length;
  const columnWidth = (ctx.widthPt - COLUMN_GAP * (n - 1)) / n;
  const style = pdfStyle(ctx.theme.table, { indent: false });
  const parts: PartyParts[] = block.parties.map((party) => {
    const split = sealRow(party) + 1;
    return { above: partyRows(party.rows.slice(0, split), columnWidth, ctx), below: partyRows(party.rows.slice(split), columnWidth, ctx) };
  });
  let layout: { node: PdfNode; heightPt: number };
  if (signatureLayout(block, columnWidth, ctx.theme.table.sizePt) === "grid") layout = gridTable(parts, columnWidth, ctx);
  else {
    let tallest = 0;
    const columns = parts.map((party) => {
      const above = rowsTable(party.above, columnWidth, ctx);
      const below = party.below.cells.length === 0 ? undefined : rowsTable(party.below, columnWidth, ctx);
      tallest = Math.max(tallest, above.heightPt + SEAL_HEIGHT_PT + 2 * SEAL_MARGIN_PT + (below?.heightPt ?? 0));
      return { width: columnWidth, stack: [above.node, sealBox(columnWidth), ...(below === undefined ? [] : [below.node])] };
    });
    layout = { node: { columns, columnGap: COLUMN_GAP }, heightPt: tallest };
  }
  const height = layout.heightPt + BLOCK_MARGIN_PT;
  // a line to spare: the estimate may fall a little short of pdfmake's layout
  const spare = linePitch(ctx.theme.table.line, ctx.theme.table.sizePt);
  return {
    ...layout.node,
    unbreakable: height + spare <= textBlock(ctx.theme).heightPt,
    [BLOCK_HEIGHT]: height,
    font: style.font,
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    margin: [0, BLOCK_MARGIN_PT, 0, 0],
  };
}

/**
 * The parties lined up row by row (`signatureLayout` "grid"), as the DOCX sets them: one
 * borderless table with a row for each of their rows above the seal, a row for the seals and a
 * row for each of their rows below it, each row as tall as its tallest cell, read row by row as
 * the DOCX is (the party's columns: `partyColumns`).
 */
function gridTable(parts: readonly PartyParts[], columnWidth: number, ctx: PdfContext): { node: PdfNode; heightPt: number } {
  const none = [false, false, false, false];
  const columns = parts.map((party) => {
    const { widths, labelSpan } = partyColumns(party.above.labelWidth, party.below.cells.length === 0 ? undefined : party.below.labelWidth, columnWidth);
    return { widths, ...labelSpan };
  });
  const widths = columns.flatMap((c, p) => [...(p > 0 ? [COLUMN_GAP] : []), ...c.widths]);
  /** A cell across `count` columns, and the empty cells pdfmake wants after it. */
  const spanning = (cell: PdfNode, count: number): PdfNode[] => {
    const { colSpan: _, ...own } = cell;
    return [count > 1 ? { ...own, colSpan: count } : own, ...Array.from({ length: count - 1 }, () => ({}))];
  };
  /** A cell's text on the row's last lines, next to the line to write on. */
  const low = (cell: PdfNode, lines: number): PdfNode => {
    const stack = cell.stack as PdfNode[];
    return stack.length >= lines ? cell : { ...cell, stack: [...Array.from({ length: lines - stack.length }, () => ({ text: " " })), ...stack] };
  };
  const row = (key: "above" | "below", i: number): { cells: PdfNode[]; lines: number } => {
    const lines = Math.max(...parts.map((party) => party[key].lines[i] ?? 0));
    const cells = parts.flatMap((party, p) => {
      const own = party[key].cells[i];
      const count = columns[p]!.widths.length;
      const gap = p > 0 ? [{ text: "", border: none }] : [];
      if (own === undefined) return [...gap, ...spanning({ text: "", border: none }, count)];
      if (own.length === 1) return [...gap, ...spanning(low(own[0]!, lines), count)];
      const label = columns[p]![key];
      return [...gap, ...spanning(low(own[0]!, lines), label), ...spanning(low(own[1]!, lines), count - label)];
    });
    return { cells, lines };
  };
  const count = (key: "above" | "below") => Math.max(...parts.map((party) => party[key].cells.length));
  const above = Array.from({ length: count("above") }, (_, i) => row("above", i));
  const below = Array.from({ length: count("below") }, (_, i) => row("below", i));
  const seals = parts.flatMap((_, p) => [...(p > 0 ? [{ text: "", border: none }] : []), ...spanning({ stack: [sealBox(columnWidth)], border: none }, columns[p]!.widths.length)]);
  const size = ctx.theme.table.sizePt;
  const node: PdfNode = {
    table: { widths, body: [...above.map((r) => r.cells), seals, ...below.map((r) => r.cells)] },
    layout: {
      hLineWidth: () => RULE_PT,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: (i: number) => (i === above.length ? 0 : size * ROW_SPACE_EM),
      paddingBottom: () => 1,
    },
  };
  const heightPt = rowsHeight(above.map((r) => r.lines), ctx) + SEAL_HEIGHT_PT + 2 * SEAL_MARGIN_PT + rowsHeight(below.map((r) => r.lines), ctx);
  return { node, heightPt };
}

import { columnMinimums, columnWeights, minimumWidthPt, scaleWidths } from "../model/column-widths.js";
import type { Align, KvBlock, Run, TableBlock } from "../model/types.js";
import { textEms } from "../model/column-widths.js";
import { keptWhole, LEAST_ROWS } from "../model/table-rows.js";
import { plainText } from "../model/text.js";
import type { Theme } from "../theme/types.js";
import type { PdfContext, PdfNode } from "./context.js";
import { prewrap } from "./prewrap.js";
import { KEEP_LAST_ROWS } from "../pdfmake/keep-last-rows.js";
import { BLOCK_HEIGHT } from "./signatures.js";
import { linePitch, type PdfTextStyle, pdfStyle } from "./styles.js";
import { textBlock } from "../theme/index.js";

/** Thin black grid lines with the theme's padding. */
export function gridLayout(theme: Theme): PdfNode {
  const { borderPt, cellPaddingPt } = theme.table;
  return {
    hLineWidth: () => borderPt,
    vLineWidth: () => borderPt,
    hLineColor: () => "#000000",
    vLineColor: () => "#000000",
    paddingLeft: () => cellPaddingPt,
    paddingRight: () => cellPaddingPt,
    paddingTop: () => cellPaddingPt / 2,
    paddingBottom: () => cellPaddingPt / 2,
  };
}

/** Content width available to the columns of an `n`-column grid table. */
function columnSpace(ctx: PdfContext, n: number): number {
  const { borderPt, cellPaddingPt } = ctx.theme.table;
  return ctx.widthPt - n * 2 * cellPaddingPt - (n + 1) * borderPt;
}

function tableText(ctx: PdfContext): PdfNode {
  const style = pdfStyle(ctx.theme.table, { indent: false });
  return { font: style.font, fontSize: style.fontSize, lineHeight: style.lineHeight, margin: [0, 6, 0, 6] };
}

function cell(runs: readonly Run[], style: PdfTextStyle, width: number, alignment: Align, extra: PdfNode = {}): PdfNode {
  const bold = extra.bold === true || style.bold;
  return { ...prewrap(runs, { ...style, bold, alignment, margin: [0, 0, 0, 0] }, width), ...extra };
}

/** The property of a table node that carries the height of its header rows and the rows kept with them in points (pdfmake ignores it). */
export const LEAD_HEIGHT = "qiyueLeadPt";

/** The largest share of the text block that rows kept together (with the header) may take. */
const KEPT_SHARE = 2 / 3;

/**
 * The height of each row of a grid table, from its prewrapped cells: as tall as its longest
 * cell. Their sum, the table's `BLOCK_HEIGHT`, lets a heading keep with a short table.
 */
function rowHeights(rows: readonly PdfNode[][], ctx: PdfContext): number[] {
  const { borderPt, cellPaddingPt, line, sizePt } = ctx.theme.table;
  const pitch = linePitch(line, sizePt);
  const lines = (cell: PdfNode) => (Array.isArray(cell.stack) ? cell.stack.length : 1);
  return rows.map((row) => Math.max(1, ...row.map(lines)) * pitch + cellPaddingPt + borderPt);
}

export function pdfTable(block: TableBlock, ctx: PdfContext): PdfNode {
  const weights = columnWeights(block);
  const n = weights.length;
  const size = ctx.theme.table.sizePt;
  const widths = scaleWidths(weights, columnSpace(ctx, n), columnMinimums(block).map((ems) => minimumWidthPt(ems, size)));
  const fill = ctx.theme.table.headerFill;
  const style = pdfStyle(ctx.theme.table, { indent: false });
  const row = (cells: TableBlock["body"][number], header: boolean): PdfNode[] =>
    Array.from({ length: n }, (_, i) => {
      const runs = cells[i]?.runs ?? [];
      if (!header) return cell(runs, style, widths[i]!, block.align[i] ?? "left");
      const extra: PdfNode = { bold: true };
      if (fill !== undefined) extra.fillColor = `#${fill}`;
      return cell(runs, style, widths[i]!, "center", extra);
    });
  const body = [...block.header.map((r) => row(r, true)), ...block.body.map((r) => row(r, false))];
  const heights = rowHeights(body, ctx);
  const text = tableText(ctx);
  const [top, , bottom] = text.margin as number[];
  const page = textBlock(ctx.theme).heightPt;
  const sum = (rows: readonly number[]) => rows.reduce((total, h) => total + h, 0);
  const headerRows = block.header.length;
  // rows of up to a third of the text block move to the next page whole instead of leaving
  // part of a cell on each page; a table with a taller row lets rows split, as one taller
  // than a page must
  const dontBreakRows = heights.every((h) => h <= page / 3);
  // No body row stands alone on either side of a page break: the header keeps the first
  // LEAST_ROWS rows after it (a table of fewer than twice as many rows stays whole), and the
  // last LEAST_ROWS go to the next page together, under the header repeated there. pdfmake
  // drops rows kept together that fit on no page: keep them only when, with the header, they
  // take at most KEPT_SHARE of the text block (the heights are estimates), else fewer.
  const small = keptWhole(block.body.length);
  const kept = (rows: readonly number[]) => sum(heights.slice(0, headerRows)) + sum(rows) <= page * KEPT_SHARE;
  const bodyHeights = heights.slice(headerRows);
  const withHeader = headerRows === 0 ? 0 : ([small ? bodyHeights.length : LEAST_ROWS, 1].find((n) => kept(bodyHeights.slice(0, n))) ?? 0);
  const keepLast = dontBreakRows && !small && withHeader === LEAST_ROWS && kept(bodyHeights.slice(-LEAST_ROWS));
  return {
    table: {
      headerRows,
      keepWithHeaderRows: withHeader,
      ...(keepLast ? { [KEEP_LAST_ROWS]: LEAST_ROWS } : {}),
      dontBreakRows,
      widths,
      body,
    },
    layout: gridLayout(ctx.theme),
    ...text,
    [BLOCK_HEIGHT]: sum(heights) + ctx.theme.table.borderPt + top! + bottom!,
    // pdfmake keeps the header rows with the first rows after them
    [LEAD_HEIGHT]: sum(heights.slice(0, headerRows + Math.max(1, withHeader))) + ctx.theme.table.borderPt + top!,
  };
}

export function pdfKv(block: KvBlock, ctx: PdfContext): PdfNode {
  const space = columnSpace(ctx, 2);
  const size = ctx.theme.table.sizePt;
  const widest = Math.max(2, ...block.rows.map((r) => textEms(plainText(r.label))));
  const labelWidth = Math.min(space * 0.4, (widest + 1) * size);
  const fill = ctx.theme.table.headerFill;
  const labelExtra: PdfNode = fill === undefined ? {} : { fillColor: `#${fill}` };
  const style = pdfStyle(ctx.theme.table, { indent: false });
  return {
    table: {
      widths: [labelWidth, space - labelWidth],
      body: block.rows.map((r) => [cell(r.label, style, labelWidth, "left", labelExtra), cell(r.value, style, space - labelWidth, "left")]),
    },
    layout: gridLayout(ctx.theme),
    ...tableText(ctx),
  };
}

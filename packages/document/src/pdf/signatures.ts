import { isValueOnly, labelWidthPt, ROW_SPACE_EM, sealRow } from "../model/seal.js";
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

const RULE_PT = 0.6;

/** A party's rows as a borderless table: label, then a line to write on; a row without a label spans both columns. */
function rowsTable(rows: readonly KeyValue[], columnWidth: number, ctx: PdfContext): RowsLayout {
  const size = ctx.theme.table.sizePt;
  const pitch = linePitch(ctx.theme.table.line, size);
  const style = { ...pdfStyle(ctx.theme.table, { indent: false }), alignment: "left" as const };
  const labelWidth = labelWidthPt(rows, columnWidth, size);
  const lines = (cell: PdfNode) => (cell.stack as unknown[]).length;
  let heightPt = 0;
  const body = rows.map((r) => {
    const cells = isValueOnly(r)
      ? [{ ...prewrap(r.value, style, columnWidth), colSpan: 2, border: [false, false, false, false] }]
      : [
          { ...prewrap([...r.label, { text: "：" }], style, labelWidth), border: [false, false, false, false] },
          { ...prewrap(r.value, style, columnWidth - labelWidth), border: [false, false, false, true] },
        ];
    heightPt += Math.max(...cells.map(lines)) * pitch + size * ROW_SPACE_EM + 1 + RULE_PT;
    return cells.length === 1 ? [cells[0]!, {}] : cells;
  });
  const node: PdfNode = {
    table: { widths: [labelWidth, columnWidth - labelWidth], body },
    layout: {
      hLineWidth: () => RULE_PT,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => size * ROW_SPACE_EM,
      paddingBottom: () => 1,
    },
  };
  return { node, heightPt };
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
  let tallest = 0;
  const columns = block.parties.map((party) => {
    const split = sealRow(party) + 1;
    const parts = [rowsTable(party.rows.slice(0, split), columnWidth, ctx)];
    if (split < party.rows.length) parts.push(rowsTable(party.rows.slice(split), columnWidth, ctx));
    const seal = sealBox(columnWidth);
    tallest = Math.max(tallest, parts.reduce((h, p) => h + p.heightPt, SEAL_HEIGHT_PT + 2 * SEAL_MARGIN_PT));
    return { width: columnWidth, stack: [parts[0]!.node, seal, ...parts.slice(1).map((p) => p.node)] };
  });
  const height = tallest + BLOCK_MARGIN_PT;
  // a line to spare: the estimate may fall a little short of pdfmake's layout
  const spare = linePitch(ctx.theme.table.line, ctx.theme.table.sizePt);
  return {
    columns,
    columnGap: COLUMN_GAP,
    unbreakable: height + spare <= textBlock(ctx.theme).heightPt,
    [BLOCK_HEIGHT]: height,
    font: style.font,
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    margin: [0, BLOCK_MARGIN_PT, 0, 0],
  };
}

import {
  BorderStyle,
  type IBorderOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import { columnMinimums, columnWeights, minimumWidthPt, scaleWidths, textEms } from "../model/column-widths.js";
import { isSignOffTable } from "../model/sign-off.js";
import { keptWhole, LEAST_ROWS } from "../model/table-rows.js";
import { plainText } from "../model/text.js";
import type { Align, KvBlock, Run, TableBlock } from "../model/types.js";
import type { Theme } from "../theme/types.js";
import { ptToTwip } from "../theme/units.js";
import { docxRuns } from "./runs.js";
import { docxAlign, STYLE } from "./styles.js";

export function gridBorders(theme: Theme) {
  const line: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(theme.table.borderPt * 8), color: "000000" };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

function cellMargins(theme: Theme) {
  const side = ptToTwip(theme.table.cellPaddingPt);
  const vertical = ptToTwip(theme.table.cellPaddingPt / 2);
  return { left: side, right: side, top: vertical, bottom: vertical };
}

/** Cell margins are set once per table (w:tblCellMar), not on every cell. */
/** `keepNext`: the row keeps with the row after it (a header row always, so it never ends a page). */
function cell(runs: readonly Run[], align: Align, width: number, theme: Theme, options: { bold?: boolean; fill?: string; keepNext?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.fill === undefined ? {} : { shading: { type: ShadingType.CLEAR, fill: options.fill, color: "auto" } }),
    children: [
      new Paragraph({
        style: STYLE.table,
        alignment: docxAlign(align),
        ...(options.keepNext === true ? { keepNext: true } : {}),
        children: docxRuns(runs, theme, { ...(options.bold === true ? { bold: true } : {}), sizePt: theme.table.sizePt, lastTwoTogether: true }),
      }),
    ],
  });
}

/** Widths of the columns in twips, filling the text block, each wide enough for its widest unbreakable value. */
function twipWidths(block: TableBlock, textWidthPt: number, theme: Theme): number[] {
  const { sizePt, cellPaddingPt } = theme.table;
  const mins = columnMinimums(block).map((ems) => minimumWidthPt(ems, sizePt) + 2 * cellPaddingPt);
  return scaleWidths(columnWeights(block), textWidthPt, mins).map(ptToTwip);
}

/**
 * Whether body row `i` of `rows` keeps with the row after it, so that no row stands alone on
 * either side of a page break (as in the PDF): the first row keeps with the second, the last
 * but one with the last, and a table of a few rows, or one signed by hand, stays whole. `keep`
 * says how the table keeps with the block after it: by its last rows, or whole.
 */
function keepsWithNext(i: number, rows: number, whole: boolean, keep: "none" | "end" | "all"): boolean {
  if (keep === "all" || (keep === "end" && i >= rows - LEAST_ROWS)) return true;
  return i < rows - 1 && (whole || i < LEAST_ROWS - 1 || i >= rows - LEAST_ROWS);
}

/**
 * A grid table; its header rows are marked to repeat at the top of every page (w:tblHeader).
 * Rows keep with the next as `keepsWithNext` says (Word keeps a row whose paragraphs keep with the next).
 */
export function docxTable(block: TableBlock, theme: Theme, textWidthPt: number, keep: "none" | "end" | "all" = "none"): Table {
  const widths = twipWidths(block, textWidthPt, theme);
  const fill = theme.table.headerFill;
  const whole = keptWhole(block.body.length) || isSignOffTable(block);
  const row = (cells: TableBlock["body"][number], header: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: header,
      // a row never splits across pages (as in the PDF); Word still splits a row taller than a page
      cantSplit: true,
      children: widths.map((width, i) => {
        const runs = cells[i]?.runs ?? [];
        return header
          ? cell(runs, "center", width, theme, fill === undefined ? { bold: true, keepNext: true } : { bold: true, fill, keepNext: true })
          : cell(runs, block.align[i] ?? "left", width, theme, { keepNext });
      }),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: gridBorders(theme),
    margins: cellMargins(theme),
    rows: [...block.header.map((r) => row(r, true, true)), ...block.body.map((r, i) => row(r, false, keepsWithNext(i, block.body.length, whole, keep)))],
  });
}

/** `keepEnd`: its last rows keep with the block after it. */
export function docxKv(block: KvBlock, theme: Theme, textWidthPt: number, keepEnd = false): Table {
  const size = theme.table.sizePt;
  const widest = Math.max(2, ...block.rows.map((r) => textEms(plainText(r.label))));
  const labelPt = Math.min(textWidthPt * 0.4, (widest + 1) * size + 2 * theme.table.cellPaddingPt);
  const widths = [ptToTwip(labelPt), ptToTwip(textWidthPt) - ptToTwip(labelPt)];
  const fill = theme.table.headerFill;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: ptToTwip(textWidthPt), type: WidthType.DXA },
    columnWidths: widths,
    borders: gridBorders(theme),
    margins: cellMargins(theme),
    rows: block.rows.map((r, i) => {
      const keepNext = keepEnd && i >= block.rows.length - LEAST_ROWS;
      return new TableRow({
        cantSplit: true,
        children: [
          cell(r.label, "left", widths[0]!, theme, fill === undefined ? { keepNext } : { fill, keepNext }),
          cell(r.value, "left", widths[1]!, theme, { keepNext }),
        ],
      });
    }),
  });
}

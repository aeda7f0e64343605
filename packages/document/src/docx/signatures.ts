import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  LineRuleType,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { fitFillInDate, isValueOnly, labelWidthPt, type PartyColumns, partyColumns, ROW_SPACE_EM, sealRow, signatureLayout } from "../model/seal.js";
import type { KeyValue, SignaturesBlock } from "../model/types.js";
import type { Theme } from "../theme/types.js";
import { ptToTwip } from "../theme/units.js";
import { docxRuns } from "./runs.js";
import { STYLE } from "./styles.js";

const COLUMN_GAP_PT = 24;
/** About the size of a 38 mm official seal, as in the PDF. */
const SEAL_PT = 108;

const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
const noBorders = { top: none, bottom: none, left: none, right: none };
const noTableBorders = { ...noBorders, insideHorizontal: none, insideVertical: none };

/** A party's rows as a borderless table: label, then a line to write on; a row without a label spans both columns. */
function rowsTable(rows: readonly KeyValue[], widthPt: number, theme: Theme, keepNext: boolean): Table {
  const size = theme.table.sizePt;
  const table = { sizePt: size };
  const label = ptToTwip(labelWidthPt(rows, widthPt, size));
  const value = ptToTwip(widthPt) - label;
  const paragraph = (children: ParagraphChild[]) =>
    new Paragraph({ style: STYLE.table, spacing: { before: ptToTwip(size * ROW_SPACE_EM) }, ...(keepNext ? { keepNext } : {}), children });
  const cell = (width: number, children: ParagraphChild[], underline: boolean, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(columnSpan === undefined ? {} : { columnSpan }),
      borders: underline ? { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 5, color: "000000" } } : noBorders,
      margins: { left: 0, right: 0 },
      verticalAlign: VerticalAlignTable.BOTTOM,
      children: [paragraph(children)],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: label + value, type: WidthType.DXA },
    columnWidths: [label, value],
    borders: noTableBorders,
    rows: rows.map(
      (r) =>
        new TableRow({
          children: isValueOnly(r)
            ? [cell(label + value, docxRuns(r.value, theme, table), false, 2)]
            : [cell(label, [...docxRuns(r.label, theme, table), new TextRun("：")], false), cell(value, docxRuns(fitFillInDate(r.value, value / 20, size), theme, table), true)],
        }),
    ),
  });
}

/**
 * A dashed box where the seal goes, labelled （盖章处）: a centered paragraph with
 * dashed borders, as wide as a 38 mm seal (the PDF draws the same box).
 */
function sealPlaceholder(widthPt: number, keepNext: boolean): Paragraph {
  const dashed = (space: number) => ({ style: BorderStyle.DASHED, size: 6, color: "808080", space });
  const side = Math.max(0, (widthPt - SEAL_PT) / 2);
  return new Paragraph({
    style: STYLE.table,
    alignment: AlignmentType.CENTER,
    keepLines: true,
    ...(keepNext ? { keepNext } : {}),
    indent: { left: ptToTwip(side), right: ptToTwip(side), firstLine: 0 },
    spacing: { before: ptToTwip(12), after: ptToTwip(12), line: 240, lineRule: LineRuleType.AUTO },
    border: { top: dashed(24), bottom: dashed(24), left: dashed(4), right: dashed(4) },
    children: [new TextRun({ text: "（盖章处）", color: "808080", size: 21 })],
  });
}

/**
 * Parties side by side in one borderless table, lined up row by row (`signatureLayout` "grid"): a row for each of their
 * rows above the seal (label, then a line to write on), a row for the seals, then a row for
 * each of their rows below it. A party with fewer rows leaves its cells empty, so the seals and
 * the rows below stay level (the PDF lines them up the same way). `keepNext`: every paragraph
 * keeps with the next, so that Word and LibreOffice keep the block with the block after it (an
 * approval table after the seals); the table holds no table, which LibreOffice would not keep.
 */
function gridSignatures(block: SignaturesBlock, theme: Theme, textWidthPt: number, keepNext: boolean): Table {
  const n = block.parties.length;
  const size = theme.table.sizePt;
  const table = { sizePt: size };
  const columnPt = (textWidthPt - COLUMN_GAP_PT * (n - 1)) / n;
  const gap = ptToTwip(COLUMN_GAP_PT);
  const parties = block.parties.map((party) => {
    const split = sealRow(party) + 1;
    const above = party.rows.slice(0, split);
    const below = party.rows.slice(split);
    const grid = partyColumns(labelWidthPt(above, columnPt, size), below.length === 0 ? undefined : labelWidthPt(below, columnPt, size), columnPt, ptToTwip);
    return { above, below, grid };
  });
  // Every row keeps with the next, so the block stays on one page; the last row only when asked.
  let keepRow = true;
  const keepThis = () => (keepRow ? { keepNext: true } : {});
  const paragraph = (children: ParagraphChild[]) =>
    new Paragraph({ style: STYLE.table, spacing: { before: ptToTwip(size * ROW_SPACE_EM) }, ...keepThis(), children });
  const cell = (widths: readonly number[], children: (Paragraph | ParagraphChild)[], underline = false) =>
    new TableCell({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      ...(widths.length > 1 ? { columnSpan: widths.length } : {}),
      borders: underline ? { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 5, color: "000000" } } : noBorders,
      margins: { left: 0, right: 0 },
      verticalAlign: VerticalAlignTable.BOTTOM,
      children: children.length === 1 && children[0] instanceof Paragraph ? [children[0]] : [paragraph(children as ParagraphChild[])],
    });
  /** A party's cells of one row: label and line, the value alone across, the seal, or empty. */
  const partyCells = (grid: PartyColumns, row: KeyValue | "seal" | undefined, span: number): TableCell[] => {
    if (row === undefined) return [cell(grid.widths, [])];
    if (row === "seal") return [cell(grid.widths, [sealPlaceholder(columnPt, keepRow)])];
    if (isValueOnly(row)) return [cell(grid.widths, docxRuns(row.value, theme, table))];
    return [
      cell(grid.widths.slice(0, span), [...docxRuns(row.label, theme, table), new TextRun("：")]),
      cell(grid.widths.slice(span), docxRuns(fitFillInDate(row.value, grid.widths.slice(span).reduce((a, b) => a + b, 0) / 20, size), theme, table), true),
    ];
  };
  const tableRow = (each: (party: (typeof parties)[number]) => TableCell[]) => {
    const cells: TableCell[] = [];
    parties.forEach((party, i) => {
      if (i > 0) cells.push(new TableCell({ width: { size: gap, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ style: STYLE.table, ...keepThis() })] }));
      cells.push(...each(party));
    });
    return new TableRow({ cantSplit: true, children: cells });
  };
  const aboveCount = Math.max(...parties.map((p) => p.above.length));
  const belowCount = Math.max(...parties.map((p) => p.below.length));
  const makers = [
    ...Array.from({ length: aboveCount }, (_, i) => () => tableRow((p) => partyCells(p.grid, p.above[i], p.grid.labelSpan.above))),
    () => tableRow((p) => partyCells(p.grid, "seal", 0)),
    ...Array.from({ length: belowCount }, (_, i) => () => tableRow((p) => partyCells(p.grid, p.below[i], p.grid.labelSpan.below))),
  ];
  const rows = makers.map((make, i) => {
    keepRow = i < makers.length - 1 || keepNext;
    return make();
  });
  const widths = parties.flatMap((party, i) => [...(i > 0 ? [gap] : []), ...party.grid.widths]);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: noTableBorders,
    rows,
  });
}

/**
 * Parties side by side, each in a column of its own with its rows, signature lines and seal
 * placeholder (`signatureLayout` "free"). `keepNext`: every paragraph of it keeps with the
 * next, so that Word keeps the block with the block after it (an approval table after the
 * seals). LibreOffice keeps no table row that holds another table with what follows, so there
 * the approval table may still start the next page.
 */
function freeSignatures(block: SignaturesBlock, theme: Theme, textWidthPt: number, keepNext: boolean): Table {
  const n = block.parties.length;
  // only when set: docx writes w:keepNext="false" for false
  const keep = keepNext ? { keepNext } : {};
  const columnPt = (textWidthPt - COLUMN_GAP_PT * (n - 1)) / n;
  const gap = ptToTwip(COLUMN_GAP_PT);
  const column = ptToTwip(columnPt);
  const widths: number[] = [];
  const cells: TableCell[] = [];
  block.parties.forEach((party, i) => {
    if (i > 0) {
      widths.push(gap);
      cells.push(new TableCell({ width: { size: gap, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ style: STYLE.table, ...keep })] }));
    }
    const split = sealRow(party) + 1;
    const children: (Paragraph | Table)[] = [rowsTable(party.rows.slice(0, split), columnPt, theme, keepNext), sealPlaceholder(columnPt, keepNext)];
    if (split < party.rows.length) children.push(rowsTable(party.rows.slice(split), columnPt, theme, keepNext));
    // A cell must end with a paragraph.
    children.push(new Paragraph({ style: STYLE.table, ...keep }));
    widths.push(column);
    cells.push(new TableCell({ width: { size: column, type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 }, children }));
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: noTableBorders,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });
}

/** Parties side by side, lined up row by row or each in its own column, as the PDF sets them (`signatureLayout`). */
export function docxSignatures(block: SignaturesBlock, theme: Theme, textWidthPt: number, keepNext = false): Table {
  const columnPt = (textWidthPt - COLUMN_GAP_PT * (block.parties.length - 1)) / block.parties.length;
  return signatureLayout(block, columnPt, theme.table.sizePt) === "grid"
    ? gridSignatures(block, theme, textWidthPt, keepNext)
    : freeSignatures(block, theme, textWidthPt, keepNext);
}

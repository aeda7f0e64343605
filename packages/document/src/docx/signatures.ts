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
import { isValueOnly, ROW_SPACE_EM } from "../model/seal.js";
import { signatureGrid } from "../model/signature-grid.js";
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
 * Parties side by side in a borderless table, row by row (see `signatureGrid`): each row holds
 * every side's label and line to write on (a row without a label spans both), so that a row is as
 * tall as its tallest side and the two sides' rows, seals and lines stand level; one row holds the
 * seal placeholders. The grid sits in a single row that never splits, so the block stays on one
 * page. `keepNext`: every paragraph of it keeps with the next, so that Word keeps the block with
 * the block after it (an approval table after the seals). LibreOffice keeps no table row that
 * holds another table with what follows, so there the approval table may still start the next page.
 */
export function docxSignatures(block: SignaturesBlock, theme: Theme, textWidthPt: number, keepNext = false): Table {
  const n = block.parties.length;
  // only when set: docx writes w:keepNext="false" for false
  const keep = keepNext ? { keepNext } : {};
  const size = theme.table.sizePt;
  const table = { sizePt: size };
  const columnPt = (textWidthPt - COLUMN_GAP_PT * (n - 1)) / n;
  const grid = signatureGrid(block.parties, columnPt, size);
  const gap = ptToTwip(COLUMN_GAP_PT);
  const label = ptToTwip(grid.labelWidthPt);
  const value = ptToTwip(columnPt) - label;
  const widths = block.parties.flatMap((_, k) => (k > 0 ? [gap, label, value] : [label, value]));
  const total = widths.reduce((a, b) => a + b, 0);
  const paragraph = (children: ParagraphChild[]) =>
    new Paragraph({ style: STYLE.table, spacing: { before: ptToTwip(size * ROW_SPACE_EM) }, ...keep, children });
  const cell = (width: number, children: (Paragraph | Table)[], underline: boolean, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(columnSpan === undefined ? {} : { columnSpan }),
      borders: underline ? { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 5, color: "000000" } } : noBorders,
      margins: { left: 0, right: 0 },
      verticalAlign: VerticalAlignTable.BOTTOM,
      children,
    });
  const side = (r: KeyValue | undefined): TableCell[] => {
    if (r === undefined) return [cell(label + value, [paragraph([])], false, 2)];
    if (isValueOnly(r)) return [cell(label + value, [paragraph(docxRuns(r.value, theme, table))], false, 2)];
    return [cell(label, [paragraph([...docxRuns(r.label, theme, table), new TextRun("：")])], false), cell(value, [paragraph(docxRuns(r.value, theme, table))], true)];
  };
  const row = (cells: (k: number) => TableCell[]) =>
    new TableRow({
      cantSplit: true,
      children: block.parties.flatMap((_, k) => [...(k > 0 ? [cell(gap, [new Paragraph({ style: STYLE.table, ...keep })], false)] : []), ...cells(k)]),
    });
  const rows = [
    ...grid.above.map((r) => row((k) => side(r[k]))),
    row(() => [cell(label + value, [sealPlaceholder(columnPt, keepNext)], false, 2)]),
    ...grid.below.map((r) => row((k) => side(r[k]))),
  ];
  const inner = new Table({ layout: TableLayoutType.FIXED, width: { size: total, type: WidthType.DXA }, columnWidths: widths, borders: noTableBorders, rows });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: [total],
    borders: noTableBorders,
    // A cell must end with a paragraph.
    rows: [new TableRow({ cantSplit: true, children: [cell(total, [inner, new Paragraph({ style: STYLE.table, ...keep })], false)] })],
  });
}

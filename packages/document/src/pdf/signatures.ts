import { textEms } from "../model/column-widths.js";
import { sealRow } from "../model/seal.js";
import { plainText } from "../model/text.js";
import type { KeyValue, SignaturesBlock } from "../model/types.js";
import type { PdfContext, PdfNode } from "./context.js";
import { prewrap } from "./prewrap.js";
import { pdfStyle } from "./styles.js";

const COLUMN_GAP = 24;
/** The placeholder is about the size of a 38 mm official seal. */
const SEAL_PT = 108;

function sealSvg(): string {
  const r = SEAL_PT / 2 - 1;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SEAL_PT}" height="${SEAL_PT}" viewBox="0 0 ${SEAL_PT} ${SEAL_PT}">` +
    `<circle cx="${SEAL_PT / 2}" cy="${SEAL_PT / 2}" r="${r}" fill="none" stroke="#808080" stroke-width="0.8" stroke-dasharray="4 3"/>` +
    `<text x="${SEAL_PT / 2}" y="${SEAL_PT / 2 + 4}" font-size="11" text-anchor="middle" fill="#808080" font-family="NotoSansSC">（盖章处）</text>` +
    `</svg>`
  );
}

function rowsTable(rows: readonly KeyValue[], columnWidth: number, ctx: PdfContext): PdfNode {
  const size = ctx.theme.table.sizePt;
  const style = { ...pdfStyle(ctx.theme.table, { indent: false }), alignment: "left" as const };
  const widest = Math.max(...rows.map((r) => textEms(plainText(r.label)) + 2));
  const labelWidth = Math.min(columnWidth * 0.62, widest * size);
  return {
    table: {
      widths: [labelWidth, columnWidth - labelWidth],
      body: rows.map((r) => [
        { ...prewrap([...r.label, { text: "：" }], style, labelWidth), border: [false, false, false, false] },
        { ...prewrap(r.value, style, columnWidth - labelWidth), border: [false, false, false, true] },
      ]),
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => size * 0.9,
      paddingBottom: () => 1,
    },
  };
}


/** Parties side by side; under the row that asks for the seal, a dashed circle marks where it goes. */
export function pdfSignatures(block: SignaturesBlock, ctx: PdfContext): PdfNode {
  const n = block.parties.length;
  const columnWidth = (ctx.widthPt - COLUMN_GAP * (n - 1)) / n;
  const style = pdfStyle(ctx.theme.table, { indent: false });
  const columns = block.parties.map((party) => {
    const split = sealRow(party) + 1;
    const stack: PdfNode[] = [rowsTable(party.rows.slice(0, split), columnWidth, ctx)];
    stack.push({ svg: sealSvg(), width: SEAL_PT, height: SEAL_PT, alignment: "center", font: "NotoSansSC", margin: [0, 6, 0, 0] });
    if (split < party.rows.length) stack.push(rowsTable(party.rows.slice(split), columnWidth, ctx));
    return { width: columnWidth, stack };
  });
  return {
    columns,
    columnGap: COLUMN_GAP,
    unbreakable: true,
    font: style.font,
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    margin: [0, 18, 0, 0],
  };
}

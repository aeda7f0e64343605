import { PDF_FAMILIES, type PdfFamily } from "../fonts/roles.js";
import type { Block, ChartBlock, HeadingBlock, ListBlock } from "../model/types.js";
import { chartFor, fitChart } from "../charts.js";
import { RenderError } from "../errors.js";
import type { PdfContext, PdfNode } from "./context.js";
import { textWidth } from "../fonts/cache.js";
import { prewrap } from "./prewrap.js";
import { pdfInlines, styledInlines } from "./runs.js";
import { pdfSignatures } from "./signatures.js";
import { type PdfTextStyle, pdfStyle } from "./styles.js";
import { pdfKv, pdfTable } from "./table.js";

interface Scope {
  /** Inside a list item: paragraphs lose their first-line indent. */
  inList: boolean;
  /** Width of the text in points, where it is narrower than the text block (inside a list item). */
  widthPt?: number;
}

/**
 * The width pdfmake gives a list's marker column: the widest of "9. " and the
 * ordered list's own markers ("12. "), in the list's font (never bold: lists set
 * no bold and the default style has none).
 */
function markerWidth(block: ListBlock, items: readonly Block[][], style: PdfTextStyle): number {
  const face = PDF_FAMILIES[style.font as PdfFamily].normal;
  let width = textWidth(face, "9. ", style.fontSize);
  if (block.ordered) {
    let counter = block.start;
    for (const item of items) {
      // pdfmake gives an item that is itself a list no marker and no number.
      if (item.length === 1 && item[0]!.type === "list") continue;
      width = Math.max(width, textWidth(face, `${counter}. `, style.fontSize));
      counter++;
    }
  }
  return width;
}

/** A text node whose inlines carry its whole style (see `styledInlines`). */
function styled(runs: Parameters<typeof styledInlines>[0], style: PdfTextStyle): PdfNode {
  return { text: styledInlines(runs, style), ...style };
}

function heading(block: HeadingBlock, ctx: PdfContext): PdfNode {
  const { theme } = ctx;
  const style = block.level === 1 ? theme.heading1 : block.level === 2 ? theme.heading2 : theme.heading3;
  const node: PdfNode = { text: pdfInlines(block.runs), ...pdfStyle(style), keepWithNext: true };
  if (ctx.toc && block.level <= 2) {
    node.tocItem = true;
    node.tocStyle = "tocEntry";
    node.tocNumberStyle = "tocEntry";
    node.tocMargin = [block.level === 2 ? theme.toc.indentChars * theme.toc.entry.sizePt : 0, 0, 0, 0];
  }
  ctx.headings.push({ level: block.level, node });
  return node;
}

function list(block: ListBlock, ctx: PdfContext, scope: Scope): PdfNode {
  const style = pdfStyle(ctx.theme.body, { indent: false });
  const margin: Margin = [ctx.theme.body.firstLineIndentChars > 0 ? ctx.theme.body.sizePt : 0, 0, 0, ctx.theme.body.spaceAfterPt];
  const itemWidth = (scope.widthPt ?? ctx.widthPt) - margin[0] - margin[2] - markerWidth(block, block.items, style);
  const items = block.items.map((item) => {
    const content = convertAll(item, ctx, { inList: true, widthPt: itemWidth });
    return content.length === 1 ? content[0]! : { stack: content };
  });
  const node: PdfNode = {
    font: style.font,
    fontSize: style.fontSize,
    lineHeight: style.lineHeight,
    margin,
  };
  if (block.ordered) {
    node.ol = items;
    node.start = block.start;
  } else {
    node.ul = items;
  }
  return node;
}

function chart(block: ChartBlock, ctx: PdfContext): PdfNode[] {
  const input = chartFor(block, ctx.options, block.line);
  const size = fitChart(block, ctx.widthPt);
  const denyImages = (link: string): string => {
    throw new RenderError("RENDER_BAD_CHART", `图表“${block.id}”的 SVG 引用了外部图片“${link}”，不予读取`, { line: block.line });
  };
  const out: PdfNode[] = [
    {
      svg: input.svg,
      width: size.width,
      height: size.height,
      alignment: "center",
      font: "NotoSansSC",
      margin: [0, 6, 0, input.title === undefined ? 6 : 2],
      options: { imageCallback: (link: string) => (link.startsWith("data:") ? link : denyImages(link)), warningCallback: () => {} },
    },
  ];
  if (input.title !== undefined) {
    out.push(styled([{ text: input.title }], { ...pdfStyle(ctx.theme.table, { indent: false }), alignment: "center", margin: [0, 0, 0, 6] }));
  }
  return out;
}

function convert(block: Block, ctx: PdfContext, scope: Scope): PdfNode[] {
  const { theme } = ctx;
  switch (block.type) {
    case "title":
      return [styled(block.runs, pdfStyle(theme.title))];
    case "heading":
      return [heading(block, ctx)];
    case "paragraph": {
      const align = block.align === "justify" ? theme.body.align : block.align;
      const indent = !scope.inList && (align === "justify" || align === "left");
      const style = { ...pdfStyle(theme.body, { indent }), alignment: align };
      if (!scope.inList) return [prewrap(block.runs, style, ctx.widthPt)];
      if (scope.widthPt === undefined) return [styled(block.runs, style)];
      // Broken ahead like any paragraph, at the width pdfmake gives the item, and
      // justified between words as pdfmake justified it; not marked prewrapped, so
      // a heading before it in the item keeps to itself as before.
      const { prewrapped: _, ...node } = prewrap(block.runs, style, scope.widthPt, { justifyWords: true });
      return [node];
    }
    case "list":
      return [list(block, ctx, scope)];
    case "table":
      return [pdfTable(block, ctx)];
    case "kv":
      return [pdfKv(block, ctx)];
    case "signatures":
      return [pdfSignatures(block, ctx)];
    case "toc":
      return [{ toc: { title: { text: block.title, ...pdfStyle(theme.toc.title, { indent: false }) }, textStyle: "tocEntry", numberStyle: "tocEntry" } }];
    case "chart":
      return chart(block, ctx);
    case "rule":
      return [{ canvas: [{ type: "line", x1: 0, y1: 0, x2: ctx.widthPt, y2: 0, lineWidth: 0.75 }], margin: [0, 6, 0, 6] }];
    case "code":
      return [{ text: block.text, ...pdfStyle(theme.code, { indent: false }), font: "NotoSansSC", preserveLeadingSpaces: true }];
    case "pagebreak":
      return [{ pageBreakMarker: true }];
  }
}

type Margin = [number, number, number, number];

/**
 * Keeps headings with what follows: a run of headings and the first line of the
 * paragraph after them go into one unbreakable stack, so no heading ends a page.
 * (pdfmake's `pageBreakBefore` hook would do it by laying the whole document out
 * again for every such heading.)
 */
function keepHeadingsWithNext(nodes: readonly PdfNode[]): PdfNode[] {
  const out: PdfNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.keepWithNext !== true) {
      out.push(node);
      continue;
    }
    const group: PdfNode[] = [node];
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.keepWithNext === true && nodes[j]!.pageBreak === undefined) group.push(nodes[j++]!);
    const next = nodes[j];
    const pageBreak = node.pageBreak;
    delete node.pageBreak;
    const wrapper: PdfNode = { stack: group, unbreakable: true };
    if (pageBreak !== undefined) wrapper.pageBreak = pageBreak;
    const lines = next?.prewrapped === true && next.pageBreak === undefined ? (next.stack as PdfNode[]) : undefined;
    if (next !== undefined && lines !== undefined && lines.length > 0) {
      const margin = next.margin as Margin;
      const [first, ...rest] = lines;
      group.push({ stack: [first], margin: [0, margin[1], 0, rest.length === 0 ? margin[3] : 0] });
      out.push(wrapper);
      if (rest.length > 0) out.push({ stack: rest, margin: [0, 0, 0, margin[3]] });
      i = j;
    } else {
      out.push(group.length === 1 ? { ...node, ...(pageBreak === undefined ? {} : { pageBreak }) } : wrapper);
      i = j - 1;
    }
  }
  return out;
}

/** Converts blocks; a page break becomes `pageBreak: "before"` on the next node. */
export function convertAll(blocks: readonly Block[], ctx: PdfContext, scope: Scope = { inList: false }): PdfNode[] {
  const out: PdfNode[] = [];
  let breakPending = false;
  for (const block of blocks) {
    for (const node of convert(block, ctx, scope)) {
      if (node.pageBreakMarker === true) {
        breakPending = true;
        continue;
      }
      if (breakPending) {
        node.pageBreak = "before";
        breakPending = false;
      }
      out.push(node);
    }
  }
  if (breakPending) out.push({ text: "", pageBreak: "after" });
  return keepHeadingsWithNext(out);
}


import { PDF_FAMILIES, type PdfFamily } from "../fonts/roles.js";
import type { Block, ChartBlock, HeadingBlock, ListBlock } from "../model/types.js";
import { chartFor, fitChart } from "../charts.js";
import { RenderError } from "../errors.js";
import type { PdfContext, PdfNode } from "./context.js";
import { textWidth } from "../fonts/cache.js";
import { isLeadIn, isLineBlock, plainText } from "../model/text.js";
import { breakTitle, titleEms } from "../model/title-lines.js";
import { prewrap } from "./prewrap.js";
import { pdfInlines, styledInlines } from "./runs.js";
import { BLOCK_HEIGHT, pdfSignatures } from "./signatures.js";
import { linePitch, type PdfTextStyle, pdfStyle } from "./styles.js";
import { textBlock } from "../theme/index.js";
import { LEAD_HEIGHT, pdfKv, pdfTable } from "./table.js";

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
  const pdf = pdfStyle(style);
  const node: PdfNode = { text: pdfInlines(block.runs), ...pdf, keepWithNext: true };
  // its height, for fitsWithHeadings (which keeps a line to spare)
  const face = PDF_FAMILIES[pdf.font as PdfFamily][pdf.bold ? "bold" : "normal"];
  const lines = Math.max(1, Math.ceil(textWidth(face, plainText(block.runs), pdf.fontSize) / ctx.widthPt));
  node[BLOCK_HEIGHT] = lines * linePitch(style.line, style.sizePt) + style.spaceBeforePt + style.spaceAfterPt;
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
    case "title": {
      const style = pdfStyle(theme.title);
      return [styled(breakTitle(block.runs, titleEms(ctx.widthPt, style.fontSize)), style)];
    }
    case "heading":
      return [heading(block, ctx)];
    case "paragraph": {
      const align = block.align === "justify" ? theme.body.align : block.align;
      const indent = !scope.inList && (align === "justify" || align === "left") && !isLineBlock(block.runs);
      const style = { ...pdfStyle(theme.body, { indent }), alignment: align };
      if (!scope.inList) {
        const node = prewrap(block.runs, style, ctx.widthPt);
        // a lead-in stays with what it introduces, as a heading does (see keepHeadingsWithNext)
        if (isLeadIn(block.runs)) node.keepWithNext = true;
        return [node];
      }
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
 * pdfmake's `headlineLevel`, here a mark for `breakBeforeHeadingWithoutTable` on headings
 * followed by a table (or signature block) too long to go along with them: the mark plus the
 * points that must fit below the top of the headings (their height and the table's first rows).
 */
const HEADING_BEFORE_TABLE = 1;

/** The height of what must be on the headings' page with them: the first rows of a table, or a whole block. */
function leadHeight(node: PdfNode | undefined): number | undefined {
  const lead = node?.table !== undefined ? node[LEAD_HEIGHT] : node?.columns !== undefined ? node[BLOCK_HEIGHT] : undefined;
  return typeof lead === "number" ? lead : undefined;
}

const heightOf = (node: PdfNode | undefined): number | undefined => {
  const height = node?.[BLOCK_HEIGHT];
  return typeof height === "number" ? height : undefined;
};

/**
 * A table that goes to the next page whole with the headings above it: one no taller than a
 * third of the text block. A longer table breaks across pages under its heading.
 */
function isShortTable(node: PdfNode | undefined, ctx: PdfContext): boolean {
  const height = heightOf(node);
  return node?.table !== undefined && node.pageBreak === undefined && height !== undefined && height <= textBlock(ctx.theme).heightPt / 3;
}

const isSignatures = (node: PdfNode | undefined): boolean =>
  node?.columns !== undefined && node.unbreakable === true && node.pageBreak === undefined;

/**
 * Whether a block kept on one page still fits on a page with its headings above it, by the
 * heights estimated when they were made. pdfmake drops the content of an unbreakable block
 * that fits on no page, so a block or heading of unknown height is never grouped.
 */
function fitsWithHeadings(block: PdfNode, headings: readonly PdfNode[], ctx: PdfContext): boolean {
  let total = 0;
  for (const node of [...headings, block]) {
    const height = node[BLOCK_HEIGHT];
    if (typeof height !== "number") return false;
    total += height;
  }
  // a line to spare, as for the block alone (see pdfSignatures)
  return total + linePitch(ctx.theme.table.line, ctx.theme.table.sizePt) <= textBlock(ctx.theme).heightPt;
}

/**
 * Keeps headings with what follows: a run of headings and the first line of the
 * paragraph after them (or the whole of a block kept on one page, such as the
 * signatures) go into one unbreakable stack, so no heading ends a page.
 * A short table after the headings (or after a one-line paragraph leading into
 * it) goes with them whole, and so does a signature block right after such a
 * table (the table is signed with it, like an acceptance panel's names above the
 * seals). Headings above a table too long to take along are marked for
 * `breakBeforeHeadingWithoutTable`: pdfmake's `pageBreakBefore` hook, which lays
 * the whole document out again for each break it asks for, so only those use it.
 */
function keepHeadingsWithNext(nodes: readonly PdfNode[], ctx: PdfContext): PdfNode[] {
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
    if (next !== undefined && next.unbreakable === true && next.pageBreak === undefined && fitsWithHeadings(next, group, ctx)) {
      // a block kept on one page (signatures) goes with its headings as a whole
      group.push(next);
      out.push(wrapper);
      i = j;
    } else if (next !== undefined && lines !== undefined && lines.length > 0) {
      const margin = next.margin as Margin;
      const [first, ...rest] = lines;
      group.push({ stack: [first], margin: [0, margin[1], 0, rest.length === 0 ? margin[3] : 0] });
      out.push(wrapper);
      if (rest.length > 0) out.push({ stack: rest, margin: [0, 0, 0, margin[3]] });
      i = j;
      // a one-line lead-in (“逐项核对如下：”) takes the short table it introduces along
      if (rest.length === 0 && isShortTable(nodes[j + 1], ctx)) group.push(nodes[++i]!);
    } else if (isShortTable(next, ctx)) {
      group.push(next!);
      const seals = nodes[j + 1];
      const both = (heightOf(next) ?? 0) + (heightOf(seals) ?? Number.POSITIVE_INFINITY);
      if (isSignatures(seals) && fitsWithHeadings({ [BLOCK_HEIGHT]: both }, group.slice(0, -1), ctx)) group.push(nodes[++j]!);
      out.push(wrapper);
      i = j;
    } else {
      // the heading node itself, not a copy: its laid-out position is read back (see headingsOf)
      if (group.length === 1 && pageBreak !== undefined) node.pageBreak = pageBreak;
      out.push(group.length === 1 ? node : wrapper);
      i = j - 1;
    }
    // right before a table or signature block too long to take along: pdfmake moves them down when it starts on the next page
    const after = nodes[i + 1];
    const last = out[out.length - 1]!;
    const lead = leadHeight(after);
    if ((last === wrapper || last.keepWithNext === true) && lead !== undefined && after!.pageBreak === undefined) {
      const need = Math.ceil(groupHeight(last === wrapper ? group : [last], ctx) + lead);
      if (need <= textBlock(ctx.theme).heightPt) {
        // laid out where it stands (not as an unbreakable block, whose positions pdfmake
        // reports in a scratch frame), so the hook sees where on the page it is
        delete last.unbreakable;
        last.headlineLevel = HEADING_BEFORE_TABLE + need;
      }
    }
  }
  return out;
}

/**
 * The height of a heading group (headings by their estimate, and a lead-in line) from the top
 * of its first line, which is where pdfmake reports its position: less the space above it.
 */
function groupHeight(group: readonly PdfNode[], ctx: PdfContext): number {
  let height = 0;
  for (const node of group) {
    const estimate = heightOf(node);
    if (estimate !== undefined) height += estimate;
    else {
      const margin = (node.margin as Margin | undefined) ?? [0, 0, 0, 0];
      height += linePitch(ctx.theme.body.line, ctx.theme.body.sizePt) + margin[1] + margin[3];
    }
  }
  const first = group[0]?.margin as Margin | undefined;
  return height - (first?.[1] ?? 0);
}

/** What pdfmake's page-break hook is told of a node and its page. */
interface NodeOnPage {
  headlineLevel?: number;
  startPosition?: { pageInnerHeight: number; verticalRatio: number };
}

/**
 * pdfmake's `pageBreakBefore` hook: headings that `keepHeadingsWithNext` left before a table too
 * long to take along move to the next page when there is no room below them on theirs for the
 * table's header and first row (which pdfmake keeps together), so no heading (or heading and
 * lead-in line) ends a page above its table. The heights are the ones estimated when the nodes
 * were made; pdfmake lays the document out again for each break asked for, and only such
 * headings at the foot of a page ask.
 */
export function breakBeforeHeadingWithoutTable(node: NodeOnPage, page: { getPreviousNodesOnPage(): NodeOnPage[] }): boolean {
  const level = node.headlineLevel;
  const at = node.startPosition;
  if (level === undefined || level <= HEADING_BEFORE_TABLE || at === undefined) return false;
  // at the top of its page already: moving it would leave a blank page
  if (page.getPreviousNodesOnPage().length === 0) return false;
  return at.pageInnerHeight * (1 - at.verticalRatio) < level - HEADING_BEFORE_TABLE;
}

/** The lines of the paragraph before a signature block that go to its page with it. */
const LINES_WITH_SIGNATURES = 2;

/**
 * Keeps a signature block with the text before it: the last lines of the paragraph right above
 * it ("特此申请。", or a closing sentence) go into one unbreakable stack with the block, so the
 * seals never stand on a page without text (GB/T 9704). Only a block kept on one page, and only
 * when both still fit on a page; headings right above a block are kept by `keepHeadingsWithNext`.
 */
function keepSignaturesWithText(nodes: readonly PdfNode[], ctx: PdfContext): PdfNode[] {
  const out: PdfNode[] = [];
  for (const node of nodes) {
    const before = out[out.length - 1];
    const lines = before?.prewrapped === true ? (before.stack as PdfNode[]) : undefined;
    if (!isSignatures(node) || lines === undefined || lines.length === 0 || typeof node[BLOCK_HEIGHT] !== "number") {
      out.push(node);
      continue;
    }
    const margin = before!.margin as Margin;
    const keep = Math.min(LINES_WITH_SIGNATURES, lines.length);
    const pitch = linePitch(ctx.theme.body.line, ctx.theme.body.sizePt);
    const tail: PdfNode = { stack: lines.slice(-keep), margin: [0, keep === lines.length ? margin[1] : 0, 0, margin[3]], [BLOCK_HEIGHT]: keep * pitch + margin[3] };
    if (!fitsWithHeadings(node, [tail], ctx)) {
      out.push(node);
      continue;
    }
    out.pop();
    if (keep < lines.length) out.push({ ...before!, stack: lines.slice(0, -keep), margin: [margin[0], margin[1], margin[2], 0], prewrapped: false });
    out.push({ stack: [tail, node], unbreakable: true });
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
  return keepSignaturesWithText(keepHeadingsWithNext(out, ctx), ctx);
}


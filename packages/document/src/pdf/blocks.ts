import { PDF_FAMILIES, type PdfFamily } from "../fonts/roles.js";
import type { Block, ChartBlock, HeadingBlock, ListBlock } from "../model/types.js";
import { chartFor, fitChart } from "../charts.js";
import { RenderError } from "../errors.js";
import type { PdfContext, PdfNode } from "./context.js";
import { lineHeightEm, textWidth } from "../fonts/cache.js";
import { isLeadIn, isLineBlock, plainText } from "../model/text.js";
import { signOffParts } from "../model/sign-off.js";
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
      // the parts of a paragraph of the signing part stay marked as such
      const mark = next[SIGN_OFF] === true ? { [SIGN_OFF]: true } : {};
      group.push({ stack: [first], margin: [0, margin[1], 0, rest.length === 0 ? margin[3] : 0], ...mark });
      out.push(wrapper);
      if (rest.length > 0) out.push({ stack: rest, margin: [0, 0, 0, margin[3]], ...mark });
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

/** The property of a node made from the signing part of a document (see `signOffParts`). */
const SIGN_OFF = "qiyueSignOff";

/**
 * Whether a node belongs to the signing part of the document: made from a block of it, or a
 * group of such nodes (a heading kept with an approval table, the table with the seals).
 */
function isSignOff(node: PdfNode): boolean {
  if (node[SIGN_OFF] === true) return true;
  const stack = node.stack;
  return Array.isArray(stack) && stack.length > 0 && (stack as PdfNode[]).every(isSignOff);
}

/** A line broken ahead by `prewrap`: its inlines never wrap again. */
function isLine(node: PdfNode): boolean {
  const text = node.text;
  return Array.isArray(text) && text.length > 0 && (text as PdfNode[]).every((inline) => inline.noWrap === true || inline.text === "");
}

/** The lines of a stack of prewrapped lines (a paragraph, or the rest of one), else undefined. */
function linesOf(node: PdfNode): PdfNode[] | undefined {
  const stack = node.stack;
  return Array.isArray(stack) && stack.length > 0 && (stack as PdfNode[]).every(isLine) ? (stack as PdfNode[]) : undefined;
}

const spaceAround = (node: PdfNode) => {
  const margin = node.margin as Margin | undefined;
  return margin === undefined ? 0 : margin[1] + margin[3];
};

/**
 * The height of a node in points, as far as it can be told before layout: the estimate of a
 * table, heading or signature block, a prewrapped line's pitch, and the sum of a stack's or a
 * list's parts. Undefined for anything else (text pdfmake still has to break, charts…).
 */
function estimate(node: PdfNode): number | undefined {
  const known = node[BLOCK_HEIGHT];
  if (typeof known === "number") return known;
  const parts = Array.isArray(node.stack) ? node.stack : Array.isArray(node.ol) ? node.ol : Array.isArray(node.ul) ? node.ul : undefined;
  if (parts !== undefined) {
    let height = spaceAround(node);
    for (const part of parts as PdfNode[]) {
      const h = estimate(part);
      if (h === undefined) return undefined;
      height += h;
    }
    return height;
  }
  if (isLine(node) && typeof node.lineHeight === "number" && typeof node.fontSize === "number") {
    const face = PDF_FAMILIES[node.font as PdfFamily]?.normal;
    if (face === undefined) return undefined;
    return node.lineHeight * lineHeightEm(face) * node.fontSize + spaceAround(node);
  }
  return undefined;
}

/** The lines of a paragraph that go to the page of the signing part with it (all of a paragraph of up to one more). */
const LINES_WITH_SIGNATURES = 2;

/**
 * The end of the text above the signing part that goes to its page with it: the last lines of
 * a paragraph (all of a short one, so that no line stays alone above the break), the last item
 * of a list, or a block kept on one page whole (a heading with a short table). `stays` is what
 * is left where it was; undefined when nothing can be taken (a long table, a chart).
 */
function textEnd(node: PdfNode, ctx: PdfContext): { stays?: PdfNode; goes: PdfNode } | undefined {
  if (node.pageBreak === "after") return undefined;
  const lines = linesOf(node);
  if (lines !== undefined) {
    if (lines.length <= LINES_WITH_SIGNATURES + 1) return { goes: node };
    const margin = (node.margin as Margin | undefined) ?? [0, 0, 0, 0];
    return {
      stays: { ...node, stack: lines.slice(0, -LINES_WITH_SIGNATURES), margin: [margin[0], margin[1], margin[2], 0], prewrapped: false },
      goes: { stack: lines.slice(-LINES_WITH_SIGNATURES), margin: [0, 0, 0, margin[3]] },
    };
  }
  const key = Array.isArray(node.ol) ? "ol" : Array.isArray(node.ul) ? "ul" : undefined;
  if (key !== undefined) {
    const items = node[key] as PdfNode[];
    if (items.length < 2) return { goes: node };
    const margin = (node.margin as Margin | undefined) ?? [0, 0, 0, 0];
    const goes: PdfNode = { ...node, [key]: items.slice(-1), margin: [margin[0], 0, margin[2], margin[3]] };
    // the last item keeps its number: pdfmake numbers the items that are not lists themselves
    if (key === "ol") goes.start = ((node.start as number | undefined) ?? 1) + items.slice(0, -1).filter((item) => item.ol === undefined && item.ul === undefined).length;
    return { stays: { ...node, [key]: items.slice(0, -1), margin: [margin[0], margin[1], margin[2], 0] }, goes };
  }
  if (node.unbreakable === true || isShortTable(node, ctx)) return { goes: node };
  return undefined;
}

/**
 * Keeps the signing part of a document with the text before it: signature blocks and their
 * seals, tables signed by hand (an approval table, an acceptance panel), the end marker
 * “（以下无正文）” and the headings above them go, one after the other, into one unbreakable
 * stack with the end of the text right above them (see `textEnd`), so that no page holds only
 * seals and signatures (GB/T 9704). Only when they all fit on one page together, by the heights
 * estimated when they were made; a signing part that does not stays as it is.
 */
function keepSignOffWithText(nodes: readonly PdfNode[], ctx: PdfContext): PdfNode[] {
  const out: PdfNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const before = out[out.length - 1];
    if (!isSignOff(node) || node.pageBreak !== undefined || before === undefined || isSignOff(before)) {
      out.push(node);
      continue;
    }
    let j = i + 1;
    while (j < nodes.length && isSignOff(nodes[j]!) && nodes[j]!.pageBreak === undefined) j++;
    const part = nodes.slice(i, j);
    const end = textEnd(before, ctx);
    const heights = end === undefined ? [] : [end.goes, ...part].map(estimate);
    const total = heights.reduce<number>((sum, h) => sum + (h ?? Number.POSITIVE_INFINITY), 0);
    // a line to spare, as for a signature block alone (see pdfSignatures)
    if (end === undefined || total + linePitch(ctx.theme.table.line, ctx.theme.table.sizePt) > textBlock(ctx.theme).heightPt) {
      out.push(node);
      continue;
    }
    out.pop();
    if (end.stays !== undefined) out.push(end.stays);
    // kept whole on one page, a heading needs no page-break hook (which misreads positions inside an unbreakable block)
    for (const n of part) delete n.headlineLevel;
    // a page break before the text taken along goes before the whole: pdfmake loses what follows a break inside an unbreakable block
    const { pageBreak } = end.goes;
    if (pageBreak !== undefined) delete end.goes.pageBreak;
    out.push({ stack: [end.goes, ...part], unbreakable: true, ...(pageBreak === undefined ? {} : { pageBreak }) });
    i = j - 1;
  }
  return out;
}

/** Converts blocks; a page break becomes `pageBreak: "before"` on the next node. */
export function convertAll(blocks: readonly Block[], ctx: PdfContext, scope: Scope = { inList: false }): PdfNode[] {
  const out: PdfNode[] = [];
  let breakPending = false;
  const signing = signOffParts(blocks);
  for (const [i, block] of blocks.entries()) {
    for (const node of convert(block, ctx, scope)) {
      if (node.pageBreakMarker === true) {
        breakPending = true;
        continue;
      }
      if (signing[i] === true) node[SIGN_OFF] = true;
      if (breakPending) {
        node.pageBreak = "before";
        breakPending = false;
      }
      out.push(node);
    }
  }
  if (breakPending) out.push({ text: "", pageBreak: "after" });
  return keepSignOffWithText(keepHeadingsWithNext(out, ctx), ctx);
}


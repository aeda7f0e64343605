import {
  Bookmark,
  BorderStyle,
  Paragraph,
  type ParagraphChild,
  PageBreak,
  type Table,
  TableOfContents,
  TextRun,
} from "docx";
import { signOffParts } from "../model/sign-off.js";
import { isLineBlock, plainText } from "../model/text.js";
import type { Block, HeadingBlock, ListBlock } from "../model/types.js";
import { docxChart } from "./chart.js";
import type { DocxContext } from "./context.js";
import { BULLET_REFERENCE, bulletNumbering, decimalNumbering, listContinuationIndent } from "./lists.js";
import { breakTitle, titleEms } from "../model/title-lines.js";
import { docxRuns } from "./runs.js";
import { docxSignatures } from "./signatures.js";
import { docxAlign, STYLE } from "./styles.js";
import { docxKv, docxTable } from "./table.js";

type Element = Paragraph | Table | TableOfContents;

export function bookmarkName(index: number): string {
  return `_Toc${String(index + 1).padStart(8, "0")}`;
}

function heading(block: HeadingBlock, ctx: DocxContext, breakBefore: boolean): Paragraph {
  const index = ctx.headingCount++;
  const style = block.level === 1 ? STYLE.heading1 : block.level === 2 ? STYLE.heading2 : STYLE.heading3;
  const { sizePt } = block.level === 1 ? ctx.theme.heading1 : block.level === 2 ? ctx.theme.heading2 : ctx.theme.heading3;
  const runs = docxRuns(block.runs, ctx.theme, { sizePt });
  const children: ParagraphChild[] = ctx.tocPages === undefined ? runs : [new Bookmark({ id: bookmarkName(index), children: runs })];
  return new Paragraph({ style, pageBreakBefore: breakBefore, children });
}

function tableOfContents(title: string, ctx: DocxContext): Element[] {
  return [
    new Paragraph({ style: STYLE.tocTitle, children: [new TextRun(title)] }),
    new TableOfContents(title, {
      headingStyleRange: "1-2",
      hyperlink: true,
      beginDirty: false,
      cachedEntries: ctx.tocEntries,
    }),
  ];
}

/** `keepEnd`: the list's last block keeps with what follows it (see `convertBlocks`). */
function list(block: ListBlock, ctx: DocxContext, depth: number, keepEnd = false): Element[] {
  const definition = block.ordered ? decimalNumbering(ctx.theme, block.start) : bulletNumbering(ctx.theme);
  if (!ctx.numbering.has(definition.reference)) ctx.numbering.set(definition.reference, definition);
  const instance = block.ordered ? ++ctx.listInstances : 0;
  const reference = block.ordered ? definition.reference : BULLET_REFERENCE;
  const out: Element[] = [];
  for (const [i, item] of block.items.entries()) {
    let first = true;
    for (const [j, child] of item.entries()) {
      const keep = keepEnd && i === block.items.length - 1 && j === item.length - 1;
      if (child.type === "paragraph" && first) {
        out.push(
          new Paragraph({
            style: STYLE.body,
            alignment: docxAlign(child.align === "justify" ? ctx.theme.body.align : child.align),
            numbering: { reference, level: depth, instance },
            ...(keep ? { keepNext: true, keepLines: true } : {}),
            children: docxRuns(child.runs, ctx.theme),
          }),
        );
      } else if (child.type === "paragraph") {
        out.push(
          new Paragraph({
            style: STYLE.body,
            indent: { ...listContinuationIndent(ctx.theme, depth), firstLine: 0 },
            ...(keep ? { keepNext: true, keepLines: true } : {}),
            children: docxRuns(child.runs, ctx.theme),
          }),
        );
      } else if (child.type === "list") {
        out.push(...list(child, ctx, depth + 1, keep));
      } else {
        out.push(...convert(child, ctx, false, keep ? "end" : "none"));
      }
      first = false;
    }
  }
  return out;
}

/**
 * How a block keeps with the block after it (see `convertBlocks`): not at all, by its end (the
 * last lines of a paragraph or list, the last rows of a table) or whole (a table signed by hand).
 */
type Keep = "none" | "end" | "all";

function convert(block: Block, ctx: DocxContext, breakBefore = false, keep: Keep = "none"): Element[] {
  const keepNext = keep !== "none";
  const { theme, textWidthPt } = ctx;
  switch (block.type) {
    case "title":
      return [
        new Paragraph({
          style: STYLE.title,
          pageBreakBefore: breakBefore,
          children: docxRuns(breakTitle(block.runs, titleEms(textWidthPt, theme.title.sizePt)), theme, { sizePt: theme.title.sizePt }),
        }),
      ];
    case "heading":
      return [heading(block, ctx, breakBefore)];
    case "paragraph": {
      // Word stretches a justified line that ends in a line break across the whole width
      const lineBlock = isLineBlock(block.runs);
      const align = block.align === "justify" ? (lineBlock ? "left" : theme.body.align) : block.align;
      const indent = align === "center" || align === "right" || lineBlock ? { indent: { firstLine: 0 } } : {};
      return [
        new Paragraph({
          style: STYLE.body,
          alignment: docxAlign(align),
          pageBreakBefore: breakBefore,
          // the paragraph right above the signing part goes to its page with it (see convertBlocks)
          ...(keepNext ? { keepNext: true, keepLines: true } : {}),
          ...indent,
          children: docxRuns(block.runs, theme),
        }),
      ];
    }
    case "list":
      return list(block, ctx, 0, keepNext);
    case "table":
      return [docxTable(block, theme, textWidthPt, keep)];
    case "kv":
      return [docxKv(block, theme, textWidthPt, keepNext)];
    case "signatures":
      return [docxSignatures(block, theme, textWidthPt, keepNext)];
    case "toc":
      return tableOfContents(block.title, ctx);
    case "chart":
      return docxChart(block, ctx.options, textWidthPt, ctx.rasters);
    case "rule":
      return [
        new Paragraph({
          style: STYLE.table,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
        }),
      ];
    case "code":
      return block.text.split("\n").map((line) => new Paragraph({ style: STYLE.code, children: [new TextRun({ text: line })] }));
    case "pagebreak":
      return [new Paragraph({ style: STYLE.table, children: [new PageBreak()] })];
  }
}

/** Blocks that become Word tables. */
const TABLE_BLOCKS: ReadonlySet<Block["type"]> = new Set(["table", "kv", "signatures"]);

/**
 * Document body elements; a page break starts the next paragraph on a new page when it can.
 * Two tables in a row get an empty paragraph between them (kept with the second): Word and
 * LibreOffice join adjacent tables into one, which would draw an acceptance panel's grid and
 * the borderless seals below it as a single table.
 *
 * The signing part of the document (see `signOffParts`: the seals, tables signed by hand, the
 * end marker and the headings above them) never stands on a page without text: each of its
 * blocks keeps with the next (a table signed by hand whole), and the end of the text right
 * above it (its last paragraph or list item, a table's last rows) keeps with it, as in the PDF.
 */
export function convertBlocks(blocks: readonly Block[], ctx: DocxContext): Element[] {
  const out: Element[] = [];
  const signing = signOffParts(blocks);
  const keepOf = (i: number): Keep => {
    if (signing[i + 1] !== true || blocks[i]?.type === "pagebreak") return "none";
    return signing[i] === true && blocks[i]!.type === "table" ? "all" : "end";
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const previous = blocks[i - 1];
    if (previous !== undefined && TABLE_BLOCKS.has(previous.type) && TABLE_BLOCKS.has(block.type)) {
      out.push(new Paragraph({ style: STYLE.table, keepNext: true }));
    }
    if (block.type === "pagebreak" && next !== undefined && (next.type === "paragraph" || next.type === "heading" || next.type === "title")) {
      out.push(...convert(next, ctx, true, keepOf(i + 1)));
      i++;
      continue;
    }
    out.push(...convert(block, ctx, false, keepOf(i)));
  }
  return out;
}

/** Titles of the headings of levels 1–2, for the table of contents. */
export function tocHeadings(blocks: readonly Block[]): { index: number; level: number; title: string }[] {
  const out: { index: number; level: number; title: string }[] = [];
  let index = 0;
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === "heading") {
        if (block.level <= 2) out.push({ index, level: block.level, title: plainText(block.runs) });
        index++;
      } else if (block.type === "list") {
        for (const item of block.items) visit(item);
      }
    }
  };
  visit(blocks);
  return out;
}

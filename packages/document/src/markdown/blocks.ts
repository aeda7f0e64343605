import type { Align, Block, KeyValue, Run, TableBlock, TableCell } from "../model/types.js";
import { RenderError } from "../errors.js";
import { parseAttributes } from "./attributes.js";
import { inlineSegments, type Segment, segmentsToRuns, splitLabelValue } from "./inline.js";
import { lineOf, type Node } from "./tree.js";

export interface ConvertContext {
  /** Source lines, to read a table's delimiter row for column widths. */
  lines: readonly string[];
  /** Whether a `# ` title was already seen. */
  titleSeen: boolean;
}

const DEFAULT_CHART = { width: 440, height: 260 };

function inlineOf(node: Node): Segment[] {
  const inline = node.children.find((c) => c.token.type === "inline");
  return inline === undefined ? [] : inlineSegments(inline.token.children ?? []);
}

function runsOf(node: Node): Run[] {
  return segmentsToRuns(inlineOf(node));
}

function alignOf(style: string | null): Align {
  if (style?.includes("center")) return "center";
  if (style?.includes("right")) return "right";
  return "left";
}

function positiveNumber(value: string | undefined, name: string, fallback: number, line: number | undefined): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new RenderError("RENDER_BAD_DIRECTIVE_ATTRIBUTES", `参数 ${name}=${value} 应为正数`, { line });
  }
  return n;
}

export function convertBlocks(nodes: readonly Node[], ctx: ConvertContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) out.push(...convertNode(node, ctx));
  return out;
}

function convertNode(node: Node, ctx: ConvertContext): Block[] {
  const { token } = node;
  switch (token.type) {
    case "heading_open": {
      const depth = Number(token.tag.slice(1));
      const runs = runsOf(node);
      if (depth === 1) {
        ctx.titleSeen = true;
        return [{ type: "title", runs }];
      }
      return [{ type: "heading", level: depth === 2 ? 1 : depth === 3 ? 2 : 3, runs }];
    }
    case "paragraph_open":
      return [{ type: "paragraph", runs: runsOf(node), align: "justify" }];
    case "bullet_list_open":
    case "ordered_list_open": {
      const ordered = token.type === "ordered_list_open";
      const start = ordered ? Number(token.attrGet("start") ?? "1") : 1;
      const items = node.children
        .filter((c) => c.token.type === "list_item_open")
        .map((item) => convertBlocks(item.children, ctx));
      return [{ type: "list", ordered, start, items }];
    }
    case "table_open":
      return [convertTable(node, ctx)];
    case "hr":
      return [{ type: "rule" }];
    case "fence":
    case "code_block":
      return [{ type: "code", text: token.content.replace(/\n$/, "") }];
    case "blockquote_open":
      return convertBlocks(node.children, ctx);
    case "directive_leaf":
      return [convertLeaf(node)];
    case "directive_open":
      return convertContainer(node, ctx);
    default:
      return [];
  }
}

function convertLeaf(node: Node): Block {
  const { token } = node;
  const line = lineOf(node);
  const attrs = parseAttributes(token.meta as string, line ?? 0);
  switch (token.info) {
    case "pagebreak":
      return { type: "pagebreak" };
    case "toc":
      return { type: "toc", title: attrs.title ?? "目录" };
    case "chart": {
      const id = attrs.id;
      if (id === undefined || id === "") {
        throw new RenderError("RENDER_BAD_DIRECTIVE_ATTRIBUTES", "::chart 缺少参数 id", { line });
      }
      const chart: Block = {
        type: "chart",
        id,
        width: positiveNumber(attrs.width, "width", DEFAULT_CHART.width, line),
        height: positiveNumber(attrs.height, "height", DEFAULT_CHART.height, line),
      };
      if (line !== undefined) chart.line = line;
      return chart;
    }
    default:
      throw new RenderError("RENDER_UNKNOWN_DIRECTIVE", `未知的指令“::${token.info}”（可用：::pagebreak、::toc、::chart）`, {
        line,
      });
  }
}

function convertContainer(node: Node, ctx: ConvertContext): Block[] {
  const name = node.token.info;
  const line = lineOf(node);
  switch (name) {
    case "center":
    case "right":
      return convertBlocks(node.children, ctx).map((block) =>
        block.type === "paragraph" ? { ...block, align: name } : block,
      );
    case "kv":
      return [{ type: "kv", rows: labelValueList(node, `:::kv`) }];
    case "signatures": {
      const parties = node.children.map((child) => {
        if (child.token.type !== "directive_open" || child.token.info !== "party") {
          throw new RenderError("RENDER_BAD_SIGNATURES", "::::signatures 中只能包含 :::party 容器", {
            line: lineOf(child) ?? line,
          });
        }
        return { rows: labelValueList(child, ":::party") };
      });
      if (parties.length < 1) {
        throw new RenderError("RENDER_BAD_SIGNATURES", "::::signatures 至少需要一个 :::party", {
          line,
        });
      }
      return [{ type: "signatures", parties }];
    }
    case "party":
      throw new RenderError("RENDER_BAD_SIGNATURES", ":::party 只能写在 ::::signatures 之内", { line });
    default:
      throw new RenderError(
        "RENDER_UNKNOWN_DIRECTIVE",
        `未知的容器“:::${name}”（可用：:::kv、:::center、:::right、::::signatures、:::party）`,
        { line },
      );
  }
}

/** The items of the one bullet list a `:::kv` or `:::party` container holds, each split into label and value. */
function labelValueList(node: Node, what: string): KeyValue[] {
  const line = lineOf(node);
  const lists = node.children;
  const list = lists[0];
  if (lists.length !== 1 || list === undefined || list.token.type !== "bullet_list_open") {
    throw new RenderError("RENDER_BAD_KV_ITEM", `${what} 的内容应为一个无序列表，每项写作“标签：值”`, { line });
  }
  return list.children.map((item) => {
    const itemLine = lineOf(item) ?? line;
    const paragraphs = item.children;
    const paragraph = paragraphs[0];
    if (paragraphs.length !== 1 || paragraph === undefined || paragraph.token.type !== "paragraph_open") {
      throw new RenderError("RENDER_BAD_KV_ITEM", `${what} 的每一项只能是一行“标签：值”`, { line: itemLine });
    }
    const split = splitLabelValue(inlineOf(paragraph));
    if (split === undefined) {
      throw new RenderError("RENDER_BAD_KV_ITEM", `${what} 的列表项缺少“：”，应写作“标签：值”`, { line: itemLine });
    }
    return { label: segmentsToRuns(split.label), value: segmentsToRuns(split.value) };
  });
}

function convertTable(node: Node, ctx: ConvertContext): TableBlock {
  const rowsOf = (section: Node | undefined): { cells: TableCell[]; align: Align[] }[] =>
    (section?.children ?? []).map((tr) => ({
      cells: tr.children.map((cell) => ({ runs: runsOf(cell) })),
      align: tr.children.map((cell) => alignOf(cell.token.attrGet("style"))),
    }));
  const head = rowsOf(node.children.find((c) => c.token.type === "thead_open"));
  const body = rowsOf(node.children.find((c) => c.token.type === "tbody_open"));
  const table: TableBlock = {
    type: "table",
    header: head.map((r) => r.cells),
    body: body.map((r) => r.cells),
    align: head[0]?.align ?? [],
    repeatHeader: true,
  };
  const widths = delimiterWidths(node, ctx, table.align.length);
  if (widths !== undefined) table.widths = widths;
  return table;
}

/**
 * Relative column widths from the delimiter row (`|----|--------|`), as pandoc reads
 * pipe tables; only when the dash counts differ, so a table written with equal
 * dashes is sized from its content.
 */
function delimiterWidths(node: Node, ctx: ConvertContext, columns: number): number[] | undefined {
  const map = node.token.map;
  if (map === null) return undefined;
  const row = ctx.lines[map[0] + 1];
  if (row === undefined) return undefined;
  const cells = row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
  if (cells.length !== columns || !cells.every((cell) => /^:?-+:?$/.test(cell))) return undefined;
  const dashes = cells.map((cell) => cell.replace(/:/g, "").length);
  if (dashes.every((n) => n === dashes[0])) return undefined;
  return dashes;
}

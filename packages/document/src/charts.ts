import type { Block, ChartBlock } from "./model/types.js";
import { RenderError } from "./errors.js";
import type { ChartInput, RenderOptions } from "./options.js";

/**
 * The SVG of a chart, checked: it must be an `<svg>` document and may not refer to
 * anything outside itself (external images, stylesheets, fonts or entities), as
 * neither backend fetches anything a document names.
 */
export function chartFor(block: ChartBlock, options: RenderOptions, line?: number): ChartInput {
  const chart = options.charts?.[block.id];
  if (chart === undefined) {
    const known = Object.keys(options.charts ?? {});
    throw new RenderError(
      "RENDER_UNKNOWN_CHART",
      `图表“${block.id}”未提供${known.length > 0 ? `（已提供：${known.join("、")}）` : "（未提供任何图表）"}`,
      { line },
    );
  }
  const svg = chart.svg.trim();
  if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) {
    throw new RenderError("RENDER_BAD_CHART", `图表“${block.id}”不是 SVG 文档`, { line });
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) {
    throw new RenderError("RENDER_BAD_CHART", `图表“${block.id}”的 SVG 不能包含 DOCTYPE 或实体声明`, { line });
  }
  const external = /(?:href|src)\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg);base64,)([^"']*)["']|url\(\s*["']?\s*(?!#|data:)([^)"']+)|@import/i.exec(svg);
  if (external !== null) {
    throw new RenderError("RENDER_BAD_CHART", `图表“${block.id}”的 SVG 引用了外部资源“${external[1] ?? external[2] ?? "@import"}”，不予读取`, {
      line,
    });
  }
  return { ...chart, svg };
}

/** Fits a chart into the text block width, keeping its aspect ratio. */
export function fitChart(block: ChartBlock, maxWidth: number): { width: number; height: number } {
  if (block.width <= maxWidth) return { width: block.width, height: block.height };
  return { width: maxWidth, height: (block.height * maxWidth) / block.width };
}

/** The document's chart blocks, in order, including those inside lists. */
export function chartBlocks(blocks: readonly Block[], out: ChartBlock[] = []): ChartBlock[] {
  for (const block of blocks) {
    if (block.type === "chart") out.push(block);
    else if (block.type === "list") for (const item of block.items) chartBlocks(item, out);
  }
  return out;
}

/** A chart whose SVG a backend could not draw, named at its line with the backend's reason. */
export function unrenderableChart(block: ChartBlock, reason: string, cause?: unknown): RenderError {
  return new RenderError("RENDER_BAD_CHART", `图表“${block.id}”的 SVG 无法绘制：${reason}`, { line: block.line, cause });
}

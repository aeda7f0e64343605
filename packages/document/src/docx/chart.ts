import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { AlignmentType, ImageRun, Paragraph } from "docx";
import { fontPath } from "../fonts/files.js";
import type { Block, ChartBlock } from "../model/types.js";
import { chartBlocks, chartFor, fitChart, unrenderableChart } from "../charts.js";
import { RenderError } from "../errors.js";
import type { RenderOptions } from "../options.js";
import { STYLE } from "./styles.js";

const require = createRequire(import.meta.url);
let resvg: typeof import("@resvg/resvg-js") | undefined;

/**
 * resvg, loaded on the first chart only: it is an optional peer dependency (a native module),
 * installed with `@qiyue/reports` for the monthly report; documents without charts never need it.
 */
function loadResvg(): typeof import("@resvg/resvg-js") {
  if (resvg === undefined) {
    try {
      resvg = require("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
    } catch (cause) {
      throw new RenderError("RENDER_RASTERISER_UNAVAILABLE", "DOCX 中的图表需要 @resvg/resvg-js 转为图片，请安装：npm install @resvg/resvg-js", { cause });
    }
  }
  return resvg;
}

/** Pixels per point at 96 dpi, the unit of docx image sizes. */
const PX_PER_PT = 96 / 72;

/** PNGs of a document's charts, by block, rasterised ahead of the DOCX (see `rasteriseCharts`). */
export type ChartRasters = ReadonlyMap<ChartBlock, Uint8Array>;

/**
 * resvg's options: twice the printed size, on white, with only the bundled Noto fonts (never
 * the machine's, so the pixels are the same everywhere). A chart whose text was turned into
 * outlines draws no text, and is rasterised without loading any font file.
 */
function resvgOptions(svg: string, widthPt: number): ResvgRenderOptions {
  const fitTo = { mode: "width" as const, value: Math.round(widthPt * PX_PER_PT * 2) };
  if (!/<text[\s>]/.test(svg)) return { fitTo, background: "#ffffff", font: { loadSystemFonts: false } };
  return {
    fitTo,
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      fontFiles: [fontPath("sans"), fontPath("serif")],
      defaultFontFamily: "Noto Sans SC",
      sansSerifFamily: "Noto Sans SC",
      serifFamily: "Noto Serif SC",
      monospaceFamily: "Noto Sans SC",
    },
  };
}

function badRaster(block: ChartBlock, error: unknown): RenderError {
  return unrenderableChart(block, error instanceof Error ? error.message : String(error), error);
}

/**
 * Every chart of the document as a PNG, rasterised on libuv's thread pool, in parallel with
 * each other and with whatever this thread does meanwhile (the PDF, when both formats are
 * rendered). A chart whose SVG is rejected is left out: the DOCX reports it at its place.
 */
export async function rasteriseCharts(blocks: readonly Block[], options: RenderOptions, textWidthPt: number): Promise<ChartRasters> {
  const charts = chartBlocks(blocks);
  if (charts.length > 0) loadResvg();
  const jobs = charts.flatMap((block) => {
    let svg: string;
    try {
      svg = chartFor(block, options, block.line).svg;
    } catch {
      return [];
    }
    const width = fitChart(block, textWidthPt).width;
    return [
      loadResvg().renderAsync(svg, resvgOptions(svg, width)).then(
        (image) => [block, image.asPng()] as const,
        (error: unknown) => {
          throw badRaster(block, error);
        },
      ),
    ];
  });
  return new Map(await Promise.all(jobs));
}

function rasterise(block: ChartBlock, svg: string, widthPt: number): Uint8Array {
  try {
    return new (loadResvg().Resvg)(svg, resvgOptions(svg, widthPt)).render().asPng();
  } catch (error) {
    throw badRaster(block, error);
  }
}

/** The chart as a PNG at twice its printed size in a centered paragraph, with its title as a caption. */
export function docxChart(block: ChartBlock, options: RenderOptions, textWidthPt: number, rasters?: ChartRasters): Paragraph[] {
  const input = chartFor(block, options, block.line);
  const size = fitChart(block, textWidthPt);
  const png = rasters?.get(block) ?? rasterise(block, input.svg, size.width);
  const out = [
    new Paragraph({
      style: STYLE.table,
      alignment: AlignmentType.CENTER,
      keepNext: input.title !== undefined,
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: Math.round(size.width * PX_PER_PT), height: Math.round(size.height * PX_PER_PT) },
          altText: { name: block.id, title: input.title ?? block.id, description: input.title ?? block.id },
        }),
      ],
    }),
  ];
  if (input.title !== undefined) {
    out.push(new Paragraph({ style: STYLE.table, alignment: AlignmentType.CENTER, text: input.title }));
  }
  return out;
}

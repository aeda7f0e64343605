import { Resvg } from "@resvg/resvg-js";
import { AlignmentType, ImageRun, Paragraph } from "docx";
import { fontPath } from "../fonts/files.js";
import type { ChartBlock } from "../model/types.js";
import { chartFor, fitChart } from "../render/charts.js";
import type { RenderOptions } from "../render/options.js";
import { STYLE } from "./styles.js";

/** Pixels per point at 96 dpi, the unit of docx image sizes. */
const PX_PER_PT = 96 / 72;

/**
 * The chart as a PNG at twice its printed size, rasterised by resvg with only
 * the bundled Noto fonts (never the machine's, so the pixels are the same
 * everywhere), in a centered paragraph, with its title as a caption.
 */
export function docxChart(block: ChartBlock, options: RenderOptions, textWidthPt: number): Paragraph[] {
  const input = chartFor(block, options, block.line);
  const size = fitChart(block, textWidthPt);
  const png = new Resvg(input.svg, {
    fitTo: { mode: "width", value: Math.round(size.width * PX_PER_PT * 2) },
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      fontFiles: [fontPath("sans"), fontPath("serif")],
      defaultFontFamily: "Noto Sans SC",
      sansSerifFamily: "Noto Sans SC",
      serifFamily: "Noto Serif SC",
      monospaceFamily: "Noto Sans SC",
    },
  })
    .render()
    .asPng();
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

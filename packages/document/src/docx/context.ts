import type { NumberingDefinition } from "docx";
import type { RenderOptions } from "../options.js";
import type { ChartRasters } from "./chart.js";
import type { Theme } from "../theme/types.js";

export interface DocxContext {
  theme: Theme;
  options: RenderOptions;
  textWidthPt: number;
  /** The charts' PNGs, rasterised ahead (a chart missing here is rasterised at its place). */
  rasters: ChartRasters;
  /** Pages of the headings (levels 1–2) for a pre-filled table of contents, in document order. */
  tocPages: number[] | undefined;
  /** Headings seen so far: index into `tocPages` and source of bookmark names. */
  headingCount: number;
  /** Numbering definitions the lists use. */
  numbering: Map<string, NumberingDefinition>;
  /** Instances of lists, so each list numbers from its own start. */
  listInstances: number;
  /** Table-of-contents entries gathered from the headings. */
  tocEntries: { title: string; level: number; page?: number; href: string; tocAt?: number }[];
}

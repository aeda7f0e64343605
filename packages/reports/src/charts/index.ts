/**
 * Charts of the monthly report as self-contained SVG: Vega-Lite specs compiled to Vega and
 * rendered headlessly, Chinese text in the bundled Noto Sans SC, same data → same bytes.
 */
import {
  type ChartSize,
  type CountBar,
  categoryTopSpec,
  type DayCount,
  dailyTrendSpec,
  requestTypesSpec,
  type UnitBar,
  unitRankingSpec,
} from "./specs.js";
import { renderSpec } from "./render-svg.js";
import type { TopLevelSpec } from "vega-lite";

export type { ChartSize, CountBar, DayCount, UnitBar } from "./specs.js";
export { CHART_FONT } from "./text-metrics.js";
export { outlineText } from "./outline.js";

export const CHART_KINDS = ["daily-trend", "request-types", "category-top", "unit-ranking"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** What each kind of chart draws. */
export interface ChartData {
  "daily-trend": readonly DayCount[];
  "request-types": readonly CountBar[];
  "category-top": readonly CountBar[];
  "unit-ranking": { readonly rows: readonly UnitBar[]; readonly measure: "score" | "count" };
}

export interface ChartOptions {
  /** Width in points as printed (the chart is drawn at this size; the document scales it to the text width). */
  width?: number;
  /** Height in points; by default fixed for line and column charts, and by row count for horizontal bars. */
  height?: number;
}

export interface ChartSvg extends ChartSize {
  svg: string;
}

/** Default width: the text block of the plain theme (A4, 25 mm margins) is about 453 pt. */
export const CHART_WIDTH = 450;

/** Height of a horizontal-bar chart with `rows` bars: 20 pt a bar plus the axis. */
export function barChartHeight(rows: number): number {
  return Math.max(110, 44 + 20 * rows);
}

function defaultHeight(kind: ChartKind, data: ChartData[ChartKind]): number {
  switch (kind) {
    case "daily-trend":
      return 230;
    case "request-types":
      return 210;
    case "category-top":
      return barChartHeight((data as ChartData["category-top"]).length);
    case "unit-ranking":
      return barChartHeight((data as ChartData["unit-ranking"]).rows.length);
  }
}

/** The SVG of one chart, and the size it was drawn at (for the `::chart{width= height=}` directive). */
export async function chartSvg<K extends ChartKind>(kind: K, data: ChartData[K], options: ChartOptions = {}): Promise<ChartSvg> {
  return { svg: await renderSpec(chartSpec(kind, data, options)), ...chartSize(kind, data, options) };
}

function chartSize<K extends ChartKind>(kind: K, data: ChartData[K], options: ChartOptions): { width: number; height: number } {
  return { width: options.width ?? CHART_WIDTH, height: options.height ?? defaultHeight(kind, data) };
}

/** The Vega-Lite spec of a chart (see `chartSvg`). */
export function chartSpec<K extends ChartKind>(kind: K, data: ChartData[K], options: ChartOptions = {}): TopLevelSpec {
  const size = chartSize(kind, data, options);
  let spec: TopLevelSpec;
  switch (kind) {
    case "daily-trend":
      spec = dailyTrendSpec(data as ChartData["daily-trend"], size);
      break;
    case "request-types":
      spec = requestTypesSpec(data as ChartData["request-types"], size);
      break;
    case "category-top":
      spec = categoryTopSpec(data as ChartData["category-top"], size);
      break;
    default: {
      const ranking = data as ChartData["unit-ranking"];
      spec = unitRankingSpec(ranking.rows, size, ranking.measure);
    }
  }
  return spec;
}

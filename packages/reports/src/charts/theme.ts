import type { Config } from "vega-lite";
import { CHART_FONT } from "./text-metrics.js";

/** The one colour of bars and lines, and the muted one of reference marks. */
export const INK = "#3b6ea5";
export const MUTED = "#8a8a8a";

/**
 * The look shared by every chart: the bundled font, no ARIA text (English, and not read
 * by either backend), no view frame, sizes that stay legible once the chart is set at
 * text width (one SVG unit prints as one point), and no label truncation (label widths
 * are measured exactly, see text-metrics.ts).
 */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  aria: false,
  background: "white",
  view: { stroke: null },
  axis: {
    labelFontSize: 10,
    titleFontSize: 10.5,
    titleFontWeight: "normal",
    labelColor: "#333333",
    titleColor: "#333333",
    labelLimit: 0,
    gridColor: "#e6e6e6",
    domainColor: "#999999",
    tickColor: "#999999",
  },
  text: { fontSize: 9.5, color: "#333333" },
  title: { fontSize: 12, fontWeight: "normal", color: "#222222", limit: 0 },
};

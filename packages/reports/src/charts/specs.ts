import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, INK, MUTED } from "./theme.js";

/** A labelled count, e.g. one request type or one category. */
export interface CountBar {
  readonly label: string;
  readonly count: number;
}

/** Orders received on one day; `day` is YYYY-MM-DD. */
export interface DayCount {
  readonly day: string;
  readonly count: number;
}

/** One handling unit's bar: the plotted value and the text printed beside it. */
export interface UnitBar {
  readonly unit: string;
  readonly value: number;
  readonly text: string;
}

export interface ChartSize {
  /** Width and height of the whole chart, axes included, in points as printed. */
  readonly width: number;
  readonly height: number;
}

/** Size, fit and look of a chart: `fit` makes the whole SVG, axes included, exactly this size. */
function frame(size: ChartSize, top = 8) {
  return {
    width: size.width,
    height: size.height,
    autosize: { type: "fit" as const, contains: "padding" as const },
    padding: { left: 4, right: 12, top, bottom: 4 },
    config: CHART_CONFIG,
  };
}

/** 12345 → "12,345": fixed grouping, independent of the machine's locale. */
export function groupDigits(n: number): string {
  const [whole, fraction] = String(n).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Counts are whole: no ticks between whole numbers (they would print as 0, 1, 1, 2, 2). */
const COUNT_AXIS = { tickCount: 5, tickMinStep: 1, format: ",d" } as const;

/** 每日趋势: orders per day as a line with points, and the daily average as a dashed rule. */
export function dailyTrendSpec(days: readonly DayCount[], size: ChartSize): TopLevelSpec {
  const values = days.map((d) => ({ day: String(Number(d.day.slice(8, 10))), count: d.count }));
  const mean = days.length === 0 ? 0 : days.reduce((s, d) => s + d.count, 0) / days.length;
  const month = days[0] === undefined ? "" : `${Number(days[0].day.slice(5, 7))}月`;
  return {
    ...frame(size, 20),
    layer: [
      {
        data: { values },
        mark: { type: "line", color: INK, strokeWidth: 1.6, point: { filled: true, size: 18, color: INK } },
        encoding: {
          x: { field: "day", type: "ordinal", sort: null, title: `日期（${month}）`, axis: { labelAngle: 0, labelPadding: 3 } },
          y: { field: "count", type: "quantitative", title: "工单量（件）", axis: COUNT_AXIS },
        },
      },
      {
        data: { values: [{ mean }] },
        mark: { type: "rule", color: MUTED, strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { y: { field: "mean", type: "quantitative" } },
      },
      {
        // The key to the dashed line, above the plot's top right corner.
        data: { values: [{ text: `虚线为日均值 ${groupDigits(Math.round(mean * 10) / 10)} 件` }] },
        mark: { type: "text", align: "right", baseline: "bottom", x: "width", y: -6, color: "#555555" },
        encoding: { text: { field: "text" } },
      },
    ],
  };
}

/** 诉求类型: one vertical bar per type, in the order given, its count above it. */
export function requestTypesSpec(rows: readonly CountBar[], size: ChartSize): TopLevelSpec {
  return {
    ...frame(size),
    data: { values: rows.map((r) => ({ label: r.label, count: r.count, text: groupDigits(r.count) })) },
    encoding: {
      x: { field: "label", type: "nominal", sort: null, title: "诉求类型", axis: { labelAngle: 0 } },
      y: { field: "count", type: "quantitative", title: "工单量（件）", axis: COUNT_AXIS },
    },
    layer: [
      { mark: { type: "bar", color: INK, width: { band: 0.55 } } },
      { mark: { type: "text", baseline: "bottom", dy: -2 }, encoding: { text: { field: "text" } } },
    ],
  };
}

/** A ranking as horizontal bars, top first, the printed value at the end of each bar. */
function horizontalBars(
  rows: readonly { label: string; value: number; text: string }[],
  size: ChartSize,
  axisTitle: string,
  domain?: [number, number],
  format = ",d",
): TopLevelSpec {
  return {
    ...frame(size),
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelPadding: 4, ticks: false } },
      x: {
        field: "value",
        type: "quantitative",
        title: axisTitle,
        axis: { tickCount: 5, grid: true, format, ...(format === ",d" ? { tickMinStep: 1 } : {}) },
        ...(domain === undefined ? {} : { scale: { domain } }),
      },
    },
    layer: [
      { mark: { type: "bar", color: INK, height: { band: 0.62 } } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 3 }, encoding: { text: { field: "text" } } },
    ],
  };
}

/** 诉求分类前十: categories by count, largest on top. */
export function categoryTopSpec(rows: readonly CountBar[], size: ChartSize): TopLevelSpec {
  return horizontalBars(
    rows.map((r) => ({ label: r.label, value: r.count, text: groupDigits(r.count) })),
    size,
    "工单量（件）",
  );
}

/**
 * 承办单位排名. Counts as bars from zero. Scores as a dot plot on a scale fitted to the scores
 * (they usually lie within a few points of each other, which bars from zero would hide;
 * a dot does not claim a length from zero), one faint guide line per unit.
 */
export function unitRankingSpec(rows: readonly UnitBar[], size: ChartSize, measure: "score" | "count"): TopLevelSpec {
  const bars = rows.map((r) => ({ label: r.unit, value: r.value, text: r.text }));
  if (measure === "count") return horizontalBars(bars, size, "工单量（件）");
  return {
    ...frame(size),
    data: { values: bars },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelPadding: 4, ticks: false, grid: true, gridDash: [2, 2] } },
      x: {
        field: "value",
        type: "quantitative",
        title: "综合成绩（分）",
        scale: { zero: false, nice: true, padding: 14 },
        axis: { tickCount: 6, grid: true, format: "~r" },
      },
    },
    layer: [
      { mark: { type: "point", filled: true, size: 42, color: INK, opacity: 1 } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 6 }, encoding: { text: { field: "text" } } },
    ],
  };
}

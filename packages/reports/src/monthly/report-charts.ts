import { type ChartKind, chartSvg } from "../charts/index.js";
import type { ChartInput } from "@qiyue/document";
import type { MonthlyReportPlan } from "./view.js";

/** Milliseconds each chart took, by id: for the benchmark. */
export type ChartTimings = Record<string, number>;

/**
 * The SVG of every chart the plan's template shows, at the size the view gives its
 * `::chart` directive, with its caption.
 */
export async function reportCharts(plan: MonthlyReportPlan, timings?: ChartTimings): Promise<Record<string, ChartInput>> {
  const { view, charts } = plan;
  const jobs: [ChartKind, unknown, MonthlyReportPlan["view"]["charts"]["dailyTrend"]][] = [
    ["daily-trend", charts.dailyTrend, view.charts.dailyTrend],
    ["request-types", charts.requestTypes, view.charts.requestTypes],
    ["category-top", charts.categoryTop, view.charts.categoryTop],
  ];
  if (charts.unitRanking !== undefined && view.charts.unitRanking !== undefined) {
    jobs.push(["unit-ranking", charts.unitRanking, view.charts.unitRanking]);
  }
  const out: Record<string, ChartInput> = {};
  for (const [kind, data, chart] of jobs) {
    const started = performance.now();
    const { svg } = await chartSvg(kind, data as never, { width: chart.width, height: chart.height });
    if (timings !== undefined) timings[chart.id] = performance.now() - started;
    out[chart.id] = { svg, title: chart.title };
  }
  return out;
}

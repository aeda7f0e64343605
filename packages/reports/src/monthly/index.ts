/**
 * The monthly report from work-order exports: one streamed pass over the orders (split by
 * handling unit or street when asked), the template's data, the charts, and rendering, on
 * worker threads for split reports.
 */
export {
  type Collected,
  type CollectRequest,
  collectPeriod,
  monthOfMostOrders,
  type PeriodFigures,
  type ReadProgress,
  SPLIT_KEYS,
  type SplitBy,
} from "./collect.js";
export { MonthlyReportError, type MonthlyReportErrorCode, type MonthlyReportPosition } from "./errors.js";
export {
  type CoverNotes,
  NOTE_LABELS,
  NOTE_SECTIONS,
  NoteItem,
  type NoteSection,
  parseNotesMarkdown,
  parseNotesYaml,
  type ReportNotes,
  readNotesFile,
} from "./notes.js";
export { RenderPool, workerScript } from "./pool.js";
export {
  DEFAULT_METRICS_SCHEME,
  type MonthlyRenderRequest,
  metricsConfigOf,
  renderMonthlyReports,
  renderMonthlyReportsToBytes,
  reportPlans,
} from "./render.js";
export { APPENDIX_WORKBOOK_SUFFIX, type RenderedReport, type ReportContext, renderReport } from "./render-report.js";
export { type ChartTimings, reportCharts } from "./report-charts.js";
export { APPENDIX_MODES, type AppendixMode, AUDIENCES, type Audience, type MonthlyOrdersRequest, type MonthlyProgress } from "./request.js";
export type { ResponseFigures } from "./response-rate.js";
export {
  costFailures,
  hotlineServiceLevels,
  type LevelCost,
  type MeasuredLevel,
  measureLevels,
  penaltyFor,
  statusWord,
} from "./service-levels.js";
export { APPENDIX_AUTO_ROWS, APPENDIX_DOCUMENT_ROWS, APPENDIX_SHEETS, type AppendixSheet, CHART_IDS, type MonthlyReportPlan, monthlyReportPlan, type PlanRequest, type ReportChartData } from "./view.js";
export { MonthlyReportView } from "./view-schema.js";

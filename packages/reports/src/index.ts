/**
 * The documents qiyue makes from a contract: acceptance forms, payment requests, the contract
 * printed again, renewal drafts and monthly reports from hotline work orders, to files or to
 * bytes in memory, through the built-in template packages or the user's own.
 *
 * @packageDocumentation
 */
export {
  type DocumentBytes,
  type DocumentRequest,
  type RenderDocumentRequest,
  renderDocument,
  renderDocumentBytes,
} from "./render-document.js";
export {
  BUILT_IN_TEMPLATE_PACKAGES,
  builtInTemplates,
  listTemplates,
  loadTemplate,
  type TemplateLookup,
  templateCatalog,
} from "./templates.js";
export { checkCatalogTemplates, checkTemplates } from "./templates-check.js";
export { TEMPLATE_DATA, TemplateData } from "./template-data.js";
export {
  BASE_DATA_PARTS,
  BaseTemplateData,
  buildTemplateData,
  type DataRequest,
  type DeliverableView,
  formatPending,
  PendingItem,
  PendingList,
  pendingText,
  type PaymentView,
  type RenewalView,
  type ScheduleRowView,
  type ScheduleView,
  type ServiceLevelView,
  type SignatoryView,
  splitTax,
} from "./data/index.js";
export {
  checkOrders,
  type DocumentOptions,
  isDocumentFormat,
  OUTPUT_FORMATS,
  type OutputFormat,
  parseRendered,
  type RenderedMarkdown,
  type RenderMarkdownRequest,
  renderTemplateMarkdown,
  resolveInputs,
  safeFileName,
} from "./fill.js";
export { type OutputFile, writeFilesAtomically } from "./write-atomic.js";
export {
  CHART_KINDS,
  type ChartData,
  type ChartKind,
  type ChartOptions,
  type ChartSvg,
  type CountBar,
  chartSvg,
  type DayCount,
  type UnitBar,
} from "./charts/index.js";
export {
  AUDIENCES,
  type Audience,
  type Collected,
  type CollectRequest,
  collectPeriod,
  costFailures,
  DEFAULT_METRICS_SCHEME,
  hotlineServiceLevels,
  type LevelCost,
  type MeasuredLevel,
  measureLevels,
  metricsConfigOf,
  type MonthlyOrdersRequest,
  type MonthlyProgress,
  MonthlyReportError,
  type MonthlyReportErrorCode,
  type MonthlyReportPosition,
  MonthlyReportView,
  type MonthlyRenderRequest,
  monthOfMostOrders,
  NOTE_LABELS,
  NOTE_SECTIONS,
  NoteItem,
  type NoteSection,
  parseNotesMarkdown,
  parseNotesYaml,
  type PeriodFigures,
  type ReadProgress,
  type RenderedReport,
  type ReportNotes,
  type ResponseFigures,
  readNotesFile,
  renderMonthlyReports,
  renderMonthlyReportsToBytes,
  SPLIT_KEYS,
  type SplitBy,
} from "./monthly/index.js";

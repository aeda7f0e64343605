// Work orders of the 12345 hotline: schema, ingestion, monthly metrics, sample data.

export { HotlineConfigError, type HotlineConfigErrorCode, type HotlineConfigErrorDetails } from "./config-error.js";
export { detach } from "./detach.js";
export {
  type ColumnMapping,
  ColumnMappingOverride,
  columnMappingToYaml,
  DEFAULT_COLUMN_MAPPING,
  mergeColumnMapping,
  normalizeHeader,
} from "./ingest/column-mapping.js";
export { detectEncoding } from "./ingest/encoding.js";
export {
  HotlineIngestError,
  type HotlineIngestErrorCode,
  type HotlineIngestErrorDetails,
  ROW_PROBLEM_LABELS,
  type RowProblem,
  type RowProblemCode,
} from "./ingest/errors.js";
export { filesSize, ingestFiles } from "./ingest/ingest-files.js";
export {
  columnByName,
  type ExportMapping,
  loadColumnMapping,
  loadExportMapping,
  readColumnMappingFile,
  readExportMappingFile,
} from "./ingest/mapping-file.js";
export { type Found, guessColumns, readHeaderRow, starterMapping } from "./ingest/mapping-init.js";
export {
  type IngestReport,
  type ReadWorkOrdersOptions,
  readWorkOrders,
  WorkOrderReader,
} from "./ingest/read-work-orders.js";
export type { TextEncodingName } from "./ingest/row-source.js";
export { type SkippedRow, SkippedRows, type SkippedRowsSummary } from "./ingest/skipped-rows.js";
export { allowedTargets, VALUE_MAPPED_COLUMNS, type ValueMapping } from "./ingest/value-mapping.js";
export { type FinishOptions, HotlineMetrics, type HotlineMetricsOptions } from "./metrics/accumulator.js";
export { type AssessmentFigures, isZeroScore } from "./metrics/assessment.js";
export { type CountChange, countChange } from "./metrics/change.js";
export {
  loadMetricsConfig,
  MetricsConfig,
  type MetricsConfigInput,
  metricsConfigToYaml,
  parseMetricsConfig,
  RateBasis,
  readMetricsConfigFile,
} from "./metrics/config.js";
export { type DataCoverage, type DataGap, dataGaps, GAP_THRESHOLD_PPM, type Tracked } from "./metrics/data-gaps.js";
export type { ListedOrder, OrderList } from "./metrics/order-list.js";
export { NO_RATE, ppmPercent, type RateFigure, type ScoreFigure } from "./metrics/rate.js";
export type {
  ComparableCounts,
  CountChanges,
  HotlineCounts,
  HotlineMetricsResult,
  SchemeSummary,
} from "./metrics/result.js";
export { BUILTIN_METRICS_SCHEMES, type BuiltinMetricsSchemeId, builtinMetricsConfig } from "./metrics/schemes.js";
export {
  parseServiceLevels,
  SERVICE_LEVEL_DEFINITIONS,
  SERVICE_LEVEL_METRICS,
  ServiceLevel,
  type ServiceLevelMetric,
  type ServiceLevelResult,
} from "./metrics/service-levels.js";
export { type CountRow, UNSPECIFIED } from "./metrics/tally.js";
export type { PathCountRow } from "./metrics/tree-tally.js";
export { COLUMN_SPECS, type ColumnKey, type ColumnSpec, type FieldKind } from "./orders/fields.js";
export {
  dateToLocalDateTime,
  excelSerialToLocalDateTime,
  isLocalDateTime,
  localDateTimeToSeconds,
  parseLocalDateTime,
  secondsToLocalDateTime,
} from "./orders/local-time.js";
export {
  LocalDateTime,
  REQUEST_TYPES,
  RequestType,
  SATISFACTION_LEVELS,
  Satisfaction,
  WorkOrder,
  type WorkOrderField,
} from "./orders/work-order.js";
export { SAMPLE_AREA_KEYS, SAMPLE_AREAS, type SampleArea, type SampleAreaKey, type SampleStreet } from "./sample/areas.js";
export { type CsvWriteOptions, type WriteSummary, writeWorkOrdersCsv } from "./sample/csv-writer.js";
export { generateSampleOrders, type SampleOrdersOptions, sampleOrders } from "./sample/generate.js";
export { orderToCells, WRITTEN_HEADERS } from "./sample/order-cells.js";
export { writeWorkOrdersXlsx, type XlsxWriteOptions } from "./sample/xlsx-writer.js";
export { type TableSheet, tableWorkbookBytes } from "./table-workbook.js";

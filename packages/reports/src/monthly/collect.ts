import {
  type ColumnMapping,
  type DataGap,
  dataGaps,
  detach,
  filesSize,
  HotlineMetrics,
  type HotlineMetricsResult,
  type IngestReport,
  ingestFiles,
  type MetricsConfig,
  type ServiceLevel,
  type SkippedRowsSummary,
  UNSPECIFIED,
  type ValueMapping,
  type WorkOrder,
} from "@qiyue/hotline";
import { MonthlyReportError } from "./errors.js";
import { MonthlyCounts, shiftMonth } from "./previous.js";
import { type ResponseFigures, ResponseTracker } from "./response-rate.js";

/** What a split report is split by. */
export const SPLIT_KEYS = ["handling-unit", "street"] as const;
export type SplitBy = (typeof SPLIT_KEYS)[number];

export interface CollectRequest {
  /** The month's exports, read in order. */
  files: readonly string[];
  /** Earlier exports: each order counts in its own month for 环比 (month − 1) and 同比 (month − 12). */
  previous?: readonly string[];
  /** YYYY-MM; by default the month most orders were received in. */
  month?: string;
  config: MetricsConfig;
  serviceLevels: readonly ServiceLevel[];
  mapping?: ColumnMapping;
  /** A mapping file's translations of cell values. */
  values?: ValueMapping;
  lenient?: boolean;
  splitBy?: SplitBy;
  /** Called as the files are read (every batch of rows): bytes read so far of every pass over the files. */
  onProgress?: (progress: ReadProgress) => void;
}

/** How far reading has got, in bytes, over the month's files and then the earlier ones. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

/** One period's figures for one set of orders (all, or one group); plain data. */
export interface PeriodFigures {
  result: HotlineMetricsResult;
  response: ResponseFigures;
}

export interface Collected {
  month: string;
  /** Whether the month was given or found from the orders. */
  monthGiven: boolean;
  whole: PeriodFigures;
  /** With splitBy: one entry per group, by name (code-point order). */
  groups: (PeriodFigures & { name: string })[] | null;
  sources: readonly IngestReport[];
  previousSources: readonly IngestReport[];
  /** Rows left out in lenient mode, current and earlier exports together. */
  skipped: SkippedRowsSummary;
  /** Figures the month's exports cannot support (a column absent, or empty in more than 5 % of the orders counted). */
  gaps: DataGap[];
  previousMonths: { monthOnMonth: string; yearOnYear: string; found: { monthOnMonth: boolean; yearOnYear: boolean } };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function groupKey(order: WorkOrder, by: SplitBy): string {
  return (by === "handling-unit" ? order.handlingUnit : order.street) ?? UNSPECIFIED;
}

/** The month most orders were received in (the later one on a tie). */
function busiestMonth(counts: ReadonlyMap<string, number>): string {
  let best: [string, number] | undefined;
  for (const entry of counts) {
    if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  }
  return best![0];
}

/** The month most orders of some files were received in (the later one on a tie), by reading them. */
export async function monthOfMostOrders(
  files: readonly string[],
  options: { mapping?: ColumnMapping; lenient?: boolean; onBytes?: (bytesRead: number) => void },
): Promise<string> {
  const counts = new Map<string, number>();
  await ingestFiles(
    files,
    (order) => {
      const month = order.receivedAt.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    },
    { ...options, skippedListLimit: 0 },
  );
  let best: [string, number] | undefined;
  for (const entry of counts) {
    if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  }
  if (best === undefined) throw new MonthlyReportError("MONTHLY_NO_ORDERS", `工单文件中没有任何工单：${files.join("、")}`);
  return `${best[0]}`;
}

/**
 * Reads the exports once and computes the month's figures: for all orders, and with `splitBy`
 * for each handling unit or street as well, in the same pass. Earlier exports are read once
 * for the comparisons. Memory grows with the number of groups and distinct keys, and with the
 * orders the report lists (excluded, appealed, failing a service level: a few fields each).
 */
export async function collectPeriod(request: CollectRequest): Promise<Collected> {
  if (request.files.length === 0) throw new MonthlyReportError("MONTHLY_INPUT", "请用 --orders 给出至少一个工单导出文件");
  if (request.month !== undefined && !MONTH.test(request.month)) {
    throw new MonthlyReportError("MONTHLY_MONTH_INVALID", `月份应写成 YYYY-MM，如 2026-05，收到“${request.month}”`);
  }
  const read = {
    ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
    ...(request.values === undefined ? {} : { values: request.values }),
    ...(request.lenient === undefined ? {} : { lenient: request.lenient }),
  };
  const progress = await readProgress(request);
  // Without a month, the figures are gathered month-free and fixed to the month most orders
  // were received in once the files are read: one read, not two.
  const options = { config: request.config, serviceLevels: request.serviceLevels, ...(request.month === undefined ? {} : { month: request.month }) };
  const make = (): { metrics: HotlineMetrics; response: ResponseTracker } => ({
    metrics: new HotlineMetrics(options),
    response: new ResponseTracker(request.config),
  });
  const months = new Map<string, number>();

  const whole = make();
  const by = request.splitBy;
  const groups = new Map<string, ReturnType<typeof make>>();
  const { reports, skipped } = await ingestFiles(
    request.files,
    (order) => {
      if (request.month === undefined) {
        const month = order.receivedAt.slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
      }
      whole.metrics.add(order);
      whole.response.add(order);
      if (by === undefined) return;
      const key = groupKey(order, by);
      let group = groups.get(key);
      if (group === undefined) {
        group = make();
        groups.set(detach(key), group);
      }
      group.metrics.add(order);
      group.response.add(order);
    },
    // a report lists every skipped row, as it lists every order
    { ...read, ...progress.pass(0), skippedListLimit: Number.POSITIVE_INFINITY },
  );
  if (whole.metrics.counts().total === 0) {
    throw new MonthlyReportError("MONTHLY_NO_ORDERS", `工单文件中没有任何工单：${request.files.join("、")}`);
  }
  const month = request.month ?? busiestMonth(months);
  whole.metrics.fixMonth(month);
  for (const group of groups.values()) group.metrics.fixMonth(month);

  const previous = new MonthlyCounts();
  const groupPrevious = new Map<string, MonthlyCounts>();
  let previousReports: readonly IngestReport[] = [];
  let previousSkipped: SkippedRowsSummary | undefined;
  if (request.previous !== undefined && request.previous.length > 0) {
    const earlier = await ingestFiles(
      request.previous,
      (order) => {
        previous.add(order);
        if (by === undefined) return;
        const key = groupKey(order, by);
        if (!groups.has(key)) return;
        let counts = groupPrevious.get(key);
        if (counts === undefined) {
          counts = new MonthlyCounts();
          groupPrevious.set(detach(key), counts);
        }
        counts.add(order);
      },
      { ...read, ...progress.pass(1), skippedListLimit: Number.POSITIVE_INFINITY },
    );
    previousReports = earlier.reports;
    previousSkipped = earlier.skipped.summary();
  }

  const monthOnMonth = shiftMonth(month, -1);
  const yearOnYear = shiftMonth(month, -12);
  const finish = (figures: ReturnType<typeof make>, counts: MonthlyCounts | undefined): PeriodFigures => {
    const previousMonth = counts?.of(monthOnMonth);
    const sameMonthLastYear = counts?.of(yearOnYear);
    return {
      result: figures.metrics.finish({
        ...(previousMonth === undefined ? {} : { previousMonth }),
        ...(sameMonthLastYear === undefined ? {} : { sameMonthLastYear }),
      }),
      response: figures.response.figures(),
    };
  };

  const wholeFigures = finish(whole, previous);
  return {
    month,
    monthGiven: request.month !== undefined,
    whole: wholeFigures,
    groups:
      by === undefined
        ? null
        : [...groups.keys()]
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
            .map((name) => ({ name, ...finish(groups.get(name)!, groupPrevious.get(name) ?? new MonthlyCounts()) })),
    sources: reports,
    previousSources: previousReports,
    skipped: mergeSkipped(skipped.summary(), previousSkipped),
    gaps: dataGaps(wholeFigures.result.coverage, reports, wholeFigures.result.serviceLevels),
    previousMonths: {
      monthOnMonth,
      yearOnYear,
      found: { monthOnMonth: previous.of(monthOnMonth) !== undefined, yearOnYear: previous.of(yearOnYear) !== undefined },
    },
  };
}

/** Byte offsets of each pass over the files (month finding, the month, earlier exports) for `onProgress`. */
async function readProgress(request: CollectRequest): Promise<{ pass(index: number): { onBytes?: (bytesRead: number) => void } }> {
  const report = request.onProgress;
  if (report === undefined) return { pass: () => ({}) };
  const month = await filesSize(request.files);
  const previous = await filesSize(request.previous ?? []);
  const passes = [month, previous];
  const totalBytes = passes.reduce((a, b) => a + b, 0);
  return {
    pass(index) {
      const start = passes.slice(0, index).reduce((a, b) => a + b, 0);
      return { onBytes: (bytesRead) => report({ bytesRead: start + bytesRead, totalBytes }) };
    },
  };
}

function mergeSkipped(a: SkippedRowsSummary, b: SkippedRowsSummary | undefined): SkippedRowsSummary {
  if (b === undefined || b.count === 0) return a;
  const counts = new Map<string, { reason: SkippedRowsSummary["byReason"][number]["reason"]; label: string; count: number }>();
  for (const r of [...a.byReason, ...b.byReason]) {
    const known = counts.get(r.reason);
    counts.set(r.reason, { ...r, count: (known?.count ?? 0) + r.count });
  }
  return { count: a.count + b.count, byReason: [...counts.values()], rows: [...a.rows, ...b.rows], unlisted: a.unlisted + b.unlisted };
}

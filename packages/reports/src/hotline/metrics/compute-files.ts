import type { Contract } from "@qiyue/contract-model";
import { ingestFiles } from "../ingest/ingest-files.js";
import { type IngestReport, readWorkOrders } from "../ingest/read-work-orders.js";
import type { SkippedRowsSummary } from "../ingest/skipped-rows.js";
import type { ColumnMapping } from "../ingest/column-mapping.js";
import { HotlineMetrics } from "./accumulator.js";
import type { MetricsConfig } from "./config.js";
import { measurableServiceLevels } from "./contract-levels.js";
import type { HotlineMetricsResult } from "./result.js";
import { builtinMetricsConfig } from "./schemes.js";

export interface MonthlyMetricsRequest {
  /** The month's export(s). */
  orders: readonly string[];
  /** Exports of earlier months: the previous month gives 环比, the same month a year earlier 同比. */
  previous?: readonly string[];
  /** YYYY-MM; by default the month most of the first orders fall in. */
  month?: string;
  /** Measures the contract's service levels. */
  contract?: Contract;
  mapping?: ColumnMapping;
  config?: MetricsConfig;
  /** Skip bad rows (counted by reason) instead of stopping at the first. */
  lenient?: boolean;
}

export interface MonthlyMetrics {
  month: string;
  result: HotlineMetricsResult;
  ingest: { reports: readonly IngestReport[]; skipped: SkippedRowsSummary };
}

const PEEK = 10_000;

/** The month most of the first orders of a file were received in. */
export async function dominantMonth(file: string, options: { mapping?: ColumnMapping; lenient?: boolean } = {}): Promise<string | undefined> {
  const counts = new Map<string, number>();
  let seen = 0;
  const reader = readWorkOrders(file, { ...options, lenient: true });
  for await (const batch of reader.batches()) {
    for (const order of batch) {
      const month = order.receivedAt.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
      if (++seen >= PEEK) break;
    }
    if (seen >= PEEK) break;
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** One streamed pass over the month's orders (and one over earlier months' when given). */
export async function computeMonthlyMetrics(request: MonthlyMetricsRequest): Promise<MonthlyMetrics> {
  const first = request.orders[0];
  if (first === undefined) throw new RangeError("at least one orders file is required");
  const options = { ...(request.mapping ? { mapping: request.mapping } : {}), lenient: request.lenient ?? false };
  const month = request.month ?? (await dominantMonth(first, options)) ?? "1970-01";
  const config = request.config ?? builtinMetricsConfig("beijing-0.1-0.5-0.4");
  const metrics = new HotlineMetrics({
    config,
    month,
    ...(request.contract ? { serviceLevels: measurableServiceLevels(request.contract) } : {}),
  });
  const ingest = await ingestFiles(request.orders, (o) => metrics.add(o), options);
  const earlier = new Map<string, HotlineMetrics>();
  if (request.previous && request.previous.length > 0) {
    await ingestFiles(
      request.previous,
      (o) => {
        const m = o.receivedAt.slice(0, 7);
        let acc = earlier.get(m);
        if (!acc) {
          acc = new HotlineMetrics({ config });
          earlier.set(m, acc);
        }
        acc.add(o);
      },
      { ...options, lenient: true },
    );
  }
  const previousMonth = earlier.get(shiftMonth(month, -1))?.counts();
  const sameMonthLastYear = earlier.get(shiftMonth(month, -12))?.counts();
  const result = metrics.finish({
    ...(previousMonth ? { previousMonth } : {}),
    ...(sameMonthLastYear ? { sameMonthLastYear } : {}),
  });
  return { month, result, ingest: { reports: ingest.reports, skipped: ingest.skipped.summary() } };
}

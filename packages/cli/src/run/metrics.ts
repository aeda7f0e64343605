import { formatClause, loadContract } from "@qiyue/contract-model";
import {
  BUILTIN_METRICS_SCHEMES,
  type HotlineMetricsResult,
  type IngestReport,
  readColumnMappingFile,
  type SkippedRowsSummary,
} from "@qiyue/hotline";
import {
  collectPeriod,
  costFailures,
  hotlineServiceLevels,
  type LevelCost,
  measureLevels,
  metricsConfigOf,
  type ReadProgress,
} from "@qiyue/reports";
import { parseArgs } from "../args.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";
import { userPath } from "../paths.js";
import { readingProgress } from "../progress.js";

export interface MetricsCommandRequest {
  orders: string[];
  previous: string[];
  month?: string;
  contract?: string;
  mapping?: string;
  /** A built-in scheme id or a configuration file. */
  metricsConfig?: string;
  lenient: boolean;
  /** Called as the exports are read. */
  onReading?: (progress: ReadProgress) => void;
}

export interface MonthlyMetrics {
  month: string;
  result: HotlineMetricsResult;
  ingest: { reports: readonly IngestReport[]; skipped: SkippedRowsSummary };
  /** With a contract: what the missed service levels cost under its penalty clauses (the same rule as the monthly report). */
  penalties?: { costs: LevelCost[]; uncovered: string[] };
}

/** Reads the files the request names and computes the month's figures (the same pass the monthly report makes). */
export async function metricsOf(request: MetricsCommandRequest): Promise<MonthlyMetrics> {
  const contract = request.contract ? (await loadContract(request.contract)).contract : undefined;
  const mapping = request.mapping ? await readColumnMappingFile(request.mapping) : undefined;
  const { config } = await metricsConfigOf(request.metricsConfig);
  const collected = await collectPeriod({
    files: request.orders,
    previous: request.previous,
    lenient: request.lenient,
    config,
    serviceLevels: contract ? hotlineServiceLevels(contract) : [],
    ...(request.month ? { month: request.month } : {}),
    ...(mapping ? { mapping } : {}),
    ...(request.onReading ? { onProgress: request.onReading } : {}),
  });
  const figures: MonthlyMetrics = {
    month: collected.month,
    result: collected.whole.result,
    ingest: { reports: collected.sources, skipped: collected.skipped },
  };
  if (contract) {
    const levels = measureLevels(contract, collected.whole.result, collected.whole.response);
    figures.penalties = costFailures(contract, levels, collected.month);
  }
  return figures;
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

/** The figure sheet a vendor checks, as text. */
export function formatMetrics({ month, result, ingest, penalties }: MonthlyMetrics): string {
  const c = result.counts;
  const a = result.assessment.overall;
  const out: string[] = [];
  out.push(`${month} 工单数据（${ingest.reports.map((r) => r.file).join("、")}）`);
  out.push(`受理 ${c.total} 件，纳入考核 ${c.counted} 件，不纳入考核 ${c.excluded} 件，申诉 ${c.appealed} 件，主动治理 ${c.proactive} 件`);
  const mom = result.changes.monthOnMonth;
  const yoy = result.changes.yearOnYear;
  if (mom) out.push(`环比：上月 ${mom.total.previous} 件，${mom.total.rate}`);
  if (yoy) out.push(`同比：去年同月 ${yoy.total.previous} 件，${yoy.total.rate}`);
  if (ingest.skipped.count > 0) {
    out.push(`跳过有问题的行 ${ingest.skipped.count} 行：${ingest.skipped.byReason.map((r) => `${r.label} ${r.count}`).join("，")}`);
  }
  out.push("");
  const w = result.scheme.weights;
  out.push(`考核口径：${result.scheme.name}；权重：响应 ${w.response}、解决 ${w.resolution}、满意 ${w.satisfaction}`);
  out.push(`响应率 ${a.response.percent}  解决率 ${a.resolution.percent}  满意率 ${a.satisfaction.percent}  综合成绩 ${a.composite.value}（基数 ${a.base} 件）`);
  out.push("");
  out.push("诉求类型：" + c.byRequestType.map((r) => `${r.key} ${r.count}（${r.share}）`).join("，"));
  out.push("来源渠道：" + c.byChannel.map((r) => `${r.key} ${r.count}`).join("，"));
  out.push("一级分类前十：" + c.categoryTop.level1.map((r) => `${r.key} ${r.count}`).join("，"));
  out.push("");
  out.push("承办单位（按纳入考核件数）：");
  for (const u of result.assessment.byHandlingUnit.slice(0, 15)) {
    out.push(`  ${pad(u.unit, 28)} ${String(u.counted).padStart(6)} 件  响应 ${u.response.percent.padStart(7)}  解决 ${u.resolution.percent.padStart(7)}  满意 ${u.satisfaction.percent.padStart(7)}  综合 ${u.composite.value}`);
  }
  if (result.assessment.byHandlingUnit.length > 15) out.push(`  ……共 ${result.assessment.byHandlingUnit.length} 个单位（--json 给出全部）`);
  if (result.serviceLevels.length > 0) {
    out.push("");
    out.push("合同服务标准：");
    for (const s of result.serviceLevels) {
      const verdict = s.status === "pass" ? "达标" : s.status === "fail" ? `未达标（${s.failing.count} 件）` : "无数据";
      out.push(`  ${s.label}${s.minutes ? `（${s.minutes} 分钟）` : ""}：${s.achieved.percent}（${s.achieved.numerator}/${s.achieved.denominator}），目标 ${s.target.percent}，${verdict}`);
    }
  }
  if (penalties && (penalties.costs.length > 0 || penalties.uncovered.length > 0)) {
    out.push("");
    out.push("未达标按合同计违约金：");
    for (const c of penalties.costs) {
      const amount = c.computable ? `${(c.amount / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} 元` : "无法计算";
      out.push(`  ${formatClause(c.clause)}${c.title ? `（${c.title}）` : ""}：${c.levels.join("、")} → ${amount}${c.computable ? `（${c.formula}）` : `：${c.problem ?? ""}`}${c.deductible ? "，可从合同款中扣除" : ""}`);
    }
    if (penalties.uncovered.length > 0) out.push(`  合同未约定违约后果：${penalties.uncovered.join("、")}`);
  }
  return `${out.join("\n")}\n`;
}

/** Runs `qiyue metrics` (see ../commands/metrics.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    orders: { type: "string", multiple: true },
    previous: { type: "string", multiple: true },
    month: { type: "string" },
    contract: { type: "string" },
    mapping: { type: "string" },
    "metrics-config": { type: "string" },
    lenient: { type: "boolean" },
    json: { type: "boolean" },
  });
  const orders = [...(values.orders ?? []), ...positionals];
  if (orders.length === 0) throw usageError("请用 --orders 给出工单导出文件");
  if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw usageError(`--month 应写成 YYYY-MM，收到“${values.month}”`);
  const at = (p: string) => userPath(io.cwd, p);
  const reading = await readingProgress(io);
  const figures = await metricsOf({
    onReading: reading.onReading,
    orders: orders.map(at),
    previous: (values.previous ?? []).map(at),
    lenient: values.lenient ?? false,
    ...(values.month ? { month: values.month } : {}),
    ...(values.contract ? { contract: at(values.contract) } : {}),
    ...(values.mapping ? { mapping: at(values.mapping) } : {}),
    ...(values["metrics-config"] ? { metricsConfig: values["metrics-config"] in BUILTIN_METRICS_SCHEMES ? values["metrics-config"] : at(values["metrics-config"]) } : {}),
  }).finally(() => reading.stop());
  io.stdout(values.json ? `${JSON.stringify(figures, null, 2)}\n` : formatMetrics(figures));
  return 0;
}

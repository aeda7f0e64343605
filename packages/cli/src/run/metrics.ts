import { formatClause, loadContract } from "@qiyue/contract-model";
import {
  BUILTIN_METRICS_SCHEMES,
  type DataGap,
  type HotlineMetricsResult,
  type IngestReport,
  readExportMappingFile,
  type SkippedRowsSummary,
} from "@qiyue/hotline";
import {
  collectPeriod,
  costFailures,
  hotlineServiceLevels,
  type LevelCost,
  type MeasuredLevel,
  measureLevels,
  metricsConfigOf,
  statusWord,
  type ReadProgress,
} from "@qiyue/reports";
import { parseArgs } from "../args.js";
import { ExitCode, usageError } from "../exit.js";
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
  /** With a contract: its service levels, measured by the same function as the monthly report's. */
  levels?: MeasuredLevel[];
  /** With a contract: what the missed service levels cost under its penalty clauses (the same rule as the monthly report). */
  penalties?: { costs: LevelCost[]; uncovered: string[] };
  /** Figures the exports cannot support: a column absent, or empty in more than 5 % of the orders counted. */
  gaps: DataGap[];
}

/** Reads the files the request names and computes the month's figures (the same pass the monthly report makes). */
export async function metricsOf(request: MetricsCommandRequest): Promise<MonthlyMetrics> {
  const contract = request.contract ? (await loadContract(request.contract)).contract : undefined;
  const mapping = request.mapping ? await readExportMappingFile(request.mapping) : undefined;
  const { config } = await metricsConfigOf(request.metricsConfig);
  const collected = await collectPeriod({
    files: request.orders,
    previous: request.previous,
    lenient: request.lenient,
    config,
    serviceLevels: contract ? hotlineServiceLevels(contract) : [],
    ...(request.month ? { month: request.month } : {}),
    ...(mapping ? { mapping: mapping.columns, values: mapping.values } : {}),
    ...(request.onReading ? { onProgress: request.onReading } : {}),
  });
  const figures: MonthlyMetrics = {
    month: collected.month,
    result: collected.whole.result,
    ingest: { reports: collected.sources, skipped: collected.skipped },
    gaps: collected.gaps,
  };
  if (contract) {
    figures.levels = measureLevels(contract, collected.whole.result, collected.whole.response);
    figures.penalties = costFailures(contract, figures.levels, collected.month);
  }
  return figures;
}

/** Skipped rows printed (all are counted). */
const SHOWN_SKIPPED = 20;

/** A sentence used as a clause inside another: without its closing punctuation. */
function clause(text: string): string {
  return text.trim().replace(/[。；，、.;,\s]+$/u, "");
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

/** The figure sheet a vendor checks, as text. */
export function formatMetrics({ month, result, ingest, levels, penalties, gaps }: MonthlyMetrics): string {
  const c = result.counts;
  const a = result.assessment.overall;
  const out: string[] = [];
  out.push(`${month} 工单数据（${ingest.reports.map((r) => r.file).join("、")}）`);
  out.push(`受理 ${c.total} 件，纳入考核 ${c.counted} 件，不纳入考核 ${c.excluded} 件，申诉 ${c.appealed} 件，主动治理 ${c.proactive} 件`);
  const mom = result.changes.monthOnMonth;
  const yoy = result.changes.yearOnYear;
  if (mom) out.push(`环比：上月 ${mom.total.previous} 件，${mom.total.rate}`);
  if (yoy) out.push(`同比：去年同月 ${yoy.total.previous} 件，${yoy.total.rate}`);
  const rows = ingest.reports.reduce((n, r) => n + r.rows, 0);
  out.push(`数据行 ${rows} 行，读入工单 ${c.total} 件${ingest.skipped.count > 0 ? `，跳过 ${ingest.skipped.count} 行` : ""}`);
  if (ingest.skipped.count > 0) {
    out.push(`跳过有问题的行 ${ingest.skipped.count} 行：${ingest.skipped.byReason.map((r) => `${r.label} ${r.count}`).join("，")}`);
    for (const r of ingest.skipped.rows.slice(0, SHOWN_SKIPPED)) out.push(`  ${r.message}`);
    const more = ingest.skipped.count - Math.min(SHOWN_SKIPPED, ingest.skipped.rows.length);
    if (more > 0) out.push(`  ……另有 ${more} 行未列出（--json 给出前 ${ingest.skipped.rows.length} 行）`);
  }
  if (gaps.length > 0) {
    out.push("");
    out.push("数据说明（以下指标所需的数据缺失或大量为空，数值不能反映实际情况）：");
    for (const g of gaps) out.push(`  ${g.figure}：${g.text}`);
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
  if (levels !== undefined && levels.length > 0) {
    out.push("");
    out.push("合同服务标准（与月报同一口径）：");
    for (const l of levels) {
      const fraction = l.denominator > 0 ? `（${l.numerator}/${l.denominator}）` : "";
      const failing = l.status === "fail" && l.failingCount > 0 ? `（不符合 ${l.failingCount} 件）` : "";
      out.push(`  ${l.name}${l.clause ? `（${formatClause(l.clause)}）` : ""}：${l.achieved}${fraction}，目标 ${l.target}，${statusWord(l.status)}${failing}`);
    }
  }
  if (penalties && (penalties.costs.length > 0 || penalties.uncovered.length > 0)) {
    out.push("");
    out.push("未达标按合同计违约金：");
    for (const c of penalties.costs) {
      const amount = c.computable ? `${(c.amount / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} 元` : "无法计算";
      out.push(`  ${formatClause(c.clause)}${c.title ? `（${c.title}）` : ""}：${c.levels.join("、")} → ${amount}${c.computable ? `（${c.formula}）` : `（${clause(c.problem ?? "")}）`}${c.deductible ? "；合同约定可从合同款中扣除" : ""}`);
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
    strict: { type: "boolean" },
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
  for (const gap of figures.gaps) io.stderr(`qiyue: 警告：数据不全，${gap.figure}不能反映实际情况：${gap.text}\n`);
  if (figures.gaps.length > 0 && values.strict === true) {
    io.stderr(`qiyue: --strict：有 ${figures.gaps.length} 项指标缺少数据，退出码 1\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

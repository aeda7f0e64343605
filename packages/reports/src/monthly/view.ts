import { type Contract, chineseDate } from "@qiyue/contract-model";
import { barChartHeight, CHART_WIDTH, type ChartData } from "../charts/index.js";
import {
  type CountChanges,
  type CountRow,
  type DataGap,
  type IngestReport,
  type ListedOrder,
  type OrderList,
  type PathCountRow,
  ROW_PROBLEM_LABELS,
  type SkippedRowsSummary,
  UNSPECIFIED,
} from "@qiyue/hotline";
import type { PeriodFigures, SplitBy } from "./collect.js";
import type { AppendixMode, Audience } from "./request.js";
import { basisWords, compositeFormula, dataDefinitions, unratedWords } from "./definitions.js";
import { changeWords, dayLabel, monthLabel, oneDecimal, periodLabel, twoDecimals } from "./format.js";
import { COVER_LABELS, NOTE_LABELS, type NoteSection, type ReportNotes } from "./notes.js";
import { shiftMonth } from "./previous.js";
import { rankUnits } from "./ranking.js";
import { costFailures, measureLevels, statusWord } from "./service-levels.js";
import type { MonthlyReportView } from "./view-schema.js";

/** Chart ids as the template's `::chart{id=…}` directives name them. */
export const CHART_IDS = {
  dailyTrend: "daily-trend",
  requestTypes: "request-types",
  categoryTop: "category-top",
  unitRanking: "unit-ranking",
} as const;

/** Sizes of the line and column charts, in points as printed (bar charts grow with their rows). */
const CHART_SIZES = {
  dailyTrend: { width: CHART_WIDTH, height: 230 },
  requestTypes: { width: CHART_WIDTH, height: 210 },
} as const;

/** Bars in the handling-unit chart (the table lists every unit). */
const CHART_UNITS = 20;
/** Communities listed in the area section. */
const SHOWN_COMMUNITIES = 20;
/** Hot issues taken from the data. */
const HOT_ISSUES = 5;
/**
 * Longest list an appendix prints in the report itself under `--appendix xlsx`: a longer one
 * (orders of 附录四, 五, 七, rows of 附录六) goes whole to the workbook written beside the report,
 * and the report says which file and sheet.
 */
export const APPENDIX_DOCUMENT_ROWS = 50;

/**
 * Longest list printed in the report by default (`--appendix auto`): about 30 pages of order
 * numbers; a longer list goes to the workbook as under `--appendix xlsx`. `--appendix document`
 * prints every list whatever its length.
 */
export const APPENDIX_AUTO_ROWS = 1000;

/** The workbook's sheets, named as the report names them. */
export const APPENDIX_SHEETS = {
  excluded: "附录四 不纳入考核工单",
  appealed: "附录五 申诉工单",
  skipped: "附录六 读取时跳过的数据行",
  failing: "附录七 未达标服务标准涉及的工单",
} as const;

/** One sheet of the appendix workbook: plain data, to hand to a worker (see `tableWorkbookBytes`). */
export interface AppendixSheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
  widths: number[];
}

/** What the charts draw, in the shape `chartSvg` takes; plain JSON, to hand to a worker. */
export interface ReportChartData {
  dailyTrend: ChartData["daily-trend"];
  requestTypes: ChartData["request-types"];
  categoryTop: ChartData["category-top"];
  unitRanking?: ChartData["unit-ranking"];
}

/** A report ready to render: the template's data, the charts' data, and the lists it leaves to a workbook. */
export interface MonthlyReportPlan {
  view: MonthlyReportView;
  charts: ReportChartData;
  /** The sheets of the workbook written beside the report (`--appendix xlsx`); absent when every list is in the report. */
  workbook?: AppendixSheet[];
}

export interface PlanRequest {
  contract: Contract;
  month: string;
  monthInferred: boolean;
  /** The orders this report is about: all, or one group's. */
  figures: PeriodFigures;
  /** All orders, when `figures` is one group of a split report. */
  whole?: PeriodFigures;
  scope?: { by: SplitBy; name: string };
  /** The vendor's deliverable shows attainment only; the client's copy costs the misses (whole reports only). */
  audience?: Audience;
  sources: readonly IngestReport[];
  previousSources: readonly IngestReport[];
  /** Whether earlier exports were given at all (--previous). */
  previousGiven: boolean;
  skipped: SkippedRowsSummary;
  /** Figures the exports cannot support (whole reports and split ones alike: the data is the same). */
  gaps?: readonly DataGap[];
  lenient: boolean;
  notes?: ReportNotes;
  notesFile?: string;
  /** The configuration is the built-in default (no --metrics-config). */
  builtinConfig: boolean;
  /** Where long appendix lists go; `auto` by default. */
  appendix?: AppendixMode;
}

function rows(list: readonly CountRow[]): { key: string; count: number; share: string }[] {
  return list.map(({ key, count, share }) => ({ key, count, share }));
}

function ranked(list: readonly PathCountRow[]): MonthlyReportView["structure"]["categoryTop"] {
  return list.map((r, i) => ({ rank: i + 1, key: r.key, name: r.path[r.path.length - 1] ?? r.key, count: r.count, share: r.share }));
}

function sourceView(report: IngestReport): MonthlyReportView["sources"][number] {
  const format = report.format === "xlsx" ? "Excel（XLSX）" : `CSV（${report.encoding === "gbk" ? "GBK" : "UTF-8"}）`;
  return { file: report.file.replace(/^.*[\\/]/, ""), format, rows: report.rows, orders: report.orders, skipped: report.skipped.count };
}

function orderList(list: OrderList<ListedOrder>): MonthlyReportView["appendix"]["excluded"] {
  return {
    count: list.count,
    orders: list.orders.map((o) => ({
      orderNo: o.orderNo,
      receivedAt: o.receivedAt.slice(0, 16),
      requestType: o.requestType,
      unit: o.handlingUnit ?? "",
      street: o.street ?? "",
      category: o.category ?? "",
      appealState: o.appealState ?? "",
    })),
  };
}

function change(
  what: "上月" | "去年同月",
  month: string,
  changes: CountChanges | null,
  previousGiven: boolean,
): MonthlyReportView["overview"]["monthOnMonth"] {
  const label = monthLabel(month);
  if (changes === null) {
    const words = previousGiven
      ? `所给的往期数据中没有${label}受理的工单，无法计算${what === "上月" ? "环比" : "同比"}`
      : `未提供${what}（${label}）的工单数据，未计算${what === "上月" ? "环比" : "同比"}`;
    return { available: false, monthLabel: label, previous: 0, delta: 0, rate: "—", words };
  }
  const c = changes.total;
  return { available: true, monthLabel: label, previous: c.previous, delta: c.delta, rate: c.rate, words: changeWords(what, label, c) };
}

function notesView(section: NoteSection, notes: ReportNotes | undefined): MonthlyReportView["typicalCases"] {
  const items = notes?.[section] ?? [];
  return { provided: items.length > 0, label: NOTE_LABELS[section], items: items.map((i) => ({ ...i, paragraphs: [...i.paragraphs] })) };
}

/** The cover's lines: what the notes give, 【待补充】 for what a report cannot go without. */
function coverView(notes: ReportNotes | undefined): MonthlyReportView["cover"] {
  const cover = notes?.cover ?? {};
  return {
    submitted: cover.submitted === undefined ? `【待补充：${COVER_LABELS.submitted}】` : chineseDate(cover.submitted),
    compiler: cover.compiler ?? `【待补充：${COVER_LABELS.compiler}】`,
    ...(cover.reviewer === undefined ? {} : { reviewer: cover.reviewer }),
  };
}

/** Builds the data of one monthly report and of its charts. */
export function monthlyReportPlan(request: PlanRequest): MonthlyReportPlan {
  const { contract, month, figures } = request;
  const result = figures.result;
  const counts = result.counts;
  const scheme = result.scheme;

  // 概况
  const inMonth = counts.total - counts.outsideMonth;
  const days = counts.byDay;
  const peak = days.reduce((best, d) => (d.count > best.count ? d : best), days[0] ?? { key: `${month}-01`, count: 0, share: "" });
  const low = days.reduce((best, d) => (d.count < best.count ? d : best), days[0] ?? { key: `${month}-01`, count: 0, share: "" });
  const previousMonth = shiftMonth(month, -1);
  const lastYear = shiftMonth(month, -12);

  // 承办单位排名: a unit's report ranks it among all units; a street's report ranks the units within it.
  const rankingSource = request.scope?.by === "handling-unit" && request.whole !== undefined ? request.whole.result : result;
  const rankedUnits = rankUnits(rankingSource.assessment.byHandlingUnit);
  const self = request.scope?.by === "handling-unit" ? request.scope.name : null;
  const unitRows = rankedUnits.map(({ unit, rank }) => ({
    rank: rank === null ? "—" : String(rank),
    unit: unit.unit,
    orders: unit.orders,
    counted: unit.counted,
    base: unit.base,
    response: unit.response.percent,
    resolution: unit.resolution.percent,
    satisfaction: unit.satisfaction.percent,
    composite: unit.composite.value,
    self: unit.unit === self,
  }));
  const selfRow = unitRows.find((r) => r.self);
  const chartUnits = rankedUnits.filter((u) => u.rank !== null).slice(0, CHART_UNITS);

  // 合同服务标准
  const measured = measureLevels(contract, result, figures.response);
  const costed = request.scope === undefined && request.audience === "client";
  const { costs, uncovered } = costed ? costFailures(contract, measured, month) : { costs: [], uncovered: [] };

  // 附录: every listed order; a long list goes whole to the workbook (see APPENDIX_MODES)
  const sheets: AppendixSheet[] = [];
  const longest = request.appendix === "document" ? Number.POSITIVE_INFINITY : request.appendix === "xlsx" ? APPENDIX_DOCUMENT_ROWS : APPENDIX_AUTO_ROWS;
  const toWorkbook = (sheet: AppendixSheet): boolean => {
    if (sheet.rows.length <= longest) return false;
    sheets.push(sheet);
    return true;
  };
  const excluded = orderList(result.excluded);
  const excludedSheet = toWorkbook({
    name: APPENDIX_SHEETS.excluded,
    header: ["工单编号", "受理时间", "类型", "街乡镇", "承办单位", "分类"],
    rows: excluded.orders.map((o) => [o.orderNo, o.receivedAt, o.requestType, o.street, o.unit, o.category]),
    widths: [22, 18, 8, 16, 24, 36],
  });
  const appealed = orderList(result.appealed);
  const appealedSheet = toWorkbook({
    name: APPENDIX_SHEETS.appealed,
    header: ["工单编号", "受理时间", "类型", "承办单位", "分类", "申诉状态"],
    rows: appealed.orders.map((o) => [o.orderNo, o.receivedAt, o.requestType, o.unit, o.category, o.appealState]),
    widths: [22, 18, 8, 24, 36, 12],
  });
  const skippedRows = request.skipped.rows.map((r) => ({
    file: r.file.replace(/^.*[\\/]/, ""),
    row: r.row,
    column: r.column,
    value: r.value,
    reason: ROW_PROBLEM_LABELS[r.reason],
  }));
  const skippedSheet = toWorkbook({
    name: APPENDIX_SHEETS.skipped,
    header: ["文件", "行", "列", "值", "原因"],
    rows: skippedRows.map((r) => [r.file, r.row, r.column, r.value, r.reason]),
    widths: [28, 8, 16, 24, 24],
  });
  const missed = measured.filter((m) => m.status === "fail");
  const failingSheet = toWorkbook({
    name: APPENDIX_SHEETS.failing,
    header: ["服务标准", "工单编号"],
    rows: missed.flatMap((m) => m.failingOrders.map((orderNo) => [m.name, orderNo])),
    widths: [24, 22],
  });

  const typeChanges = result.changes.monthOnMonth?.byRequestType ?? null;
  const assessment = result.assessment.overall;
  const view: MonthlyReportView = {
    month,
    monthLabel: monthLabel(month),
    periodLabel: periodLabel(month),
    monthInferred: request.monthInferred,
    ...(request.scope === undefined
      ? {}
      : { scope: { by: request.scope.by, label: request.scope.by === "handling-unit" ? "承办单位" : "街乡镇", name: request.scope.name } }),
    sources: request.sources.map(sourceView),
    previousSources: request.previousSources.map(sourceView),
    ...(request.notesFile === undefined ? {} : { notesFile: request.notesFile }),
    cover: coverView(request.notes),
    overview: {
      total: counts.total,
      counted: counts.counted,
      excluded: counts.excluded,
      appealed: counts.appealed,
      proactive: counts.proactive,
      outsideMonth: counts.outsideMonth,
      dailyAverage: oneDecimal(inMonth, days.length),
      peak: { day: dayLabel(peak.key), count: peak.count },
      low: { day: dayLabel(low.key), count: low.count },
      monthOnMonth: change("上月", previousMonth, result.changes.monthOnMonth, request.previousGiven),
      yearOnYear: change("去年同月", lastYear, result.changes.yearOnYear, request.previousGiven),
    },
    assessment: {
      scheme: {
        name: scheme.name,
        ...(scheme.source === null ? {} : { source: scheme.source }),
        formula: compositeFormula(scheme),
        weights: { ...scheme.weights },
        satisfactionWeights: {
          satisfied: scheme.satisfactionWeights.满意,
          basic: scheme.satisfactionWeights.基本满意,
          dissatisfied: scheme.satisfactionWeights.不满意,
        },
        basis: basisWords(scheme.basis),
        unrated: unratedWords(scheme.unratedSatisfaction),
        builtin: request.builtinConfig,
      },
      base: assessment.base,
      dataNotes: (request.gaps ?? []).map((g) => ({ figure: g.figure, text: g.text })),
      response: rate(assessment.response),
      resolution: rate(assessment.resolution),
      satisfaction: rate(assessment.satisfaction),
      composite: assessment.composite.value,
      answers: {
        satisfied: assessment.answers.满意,
        basic: assessment.answers.基本满意,
        dissatisfied: assessment.answers.不满意,
        unrated: assessment.answers.未评价,
      },
    },
    structure: {
      byType: counts.byRequestType.map((r) => {
        const c = typeChanges?.find((t) => t.key === r.key);
        return { key: r.key, count: r.count, share: r.share, monthOnMonth: c === undefined ? "—" : c.rate };
      }),
      typeChange: typeChanges !== null,
      level1: rows(counts.categoryTop.level1),
      categoryTop: ranked(counts.categoryTop.level3),
      channels: rows(counts.byChannel),
    },
    area: {
      streets: rows(counts.byStreet),
      communities: ranked(counts.byCommunity.slice(0, SHOWN_COMMUNITIES)).map((r, i) => ({
        ...r,
        street: counts.byCommunity[i]?.path[0] ?? "",
      })),
      communityCount: counts.byCommunity.length,
    },
    units: {
      rows: unitRows,
      count: unitRows.filter((r) => r.unit !== UNSPECIFIED).length,
      ranked: rankedUnits.filter((u) => u.rank !== null).length,
      unspecified: unitRows.find((r) => r.unit === UNSPECIFIED)?.orders ?? 0,
      ...(selfRow === undefined ? {} : { position: { rank: selfRow.rank, of: rankedUnits.filter((u) => u.rank !== null).length } }),
    },
    hotIssues: { top: ranked(counts.categoryTop.level3.slice(0, HOT_ISSUES)), notes: notesView("hotIssues", request.notes) },
    typicalCases: notesView("typicalCases", request.notes),
    proactive: {
      count: counts.proactive,
      share: counts.total === 0 ? "—" : `${twoDecimals(counts.proactive * 100, counts.total)}%`,
      notes: notesView("proactive", request.notes),
    },
    problems: notesView("problems", request.notes),
    nextMonthPlan: notesView("nextMonthPlan", request.notes),
    serviceLevels: {
      rows: measured.map((m) => ({
        name: m.name,
        clause: m.clause ?? "",
        definition: m.definition,
        target: m.target,
        achieved: m.achieved,
        numerator: m.numerator,
        denominator: m.denominator,
        status: m.status,
        statusText: statusWord(m.status),
        failed: m.status === "fail",
        failingCount: m.failingCount,
        // every number, in the report unless the workbook holds them (附录七 prints the missed levels only)
        failingOrders: m.status === "fail" && !failingSheet ? m.failingOrders.join("、") : "",
        text: m.text,
      })),
      measured: measured.filter((m) => m.status === "pass" || m.status === "fail").length,
      failed: measured.filter((m) => m.status === "fail").length,
      costed,
      costs: costs.map((c) => ({
        clause: c.clause,
        title: c.title ?? "",
        levels: c.levels.join("、"),
        occurrences: c.occurrences === null ? "—" : `${c.occurrences} 次`,
        computable: c.computable,
        amount: c.amount,
        formula: c.formula,
        // The model's hints name command-line options; a report's reader has no use for them.
        steps: c.steps.map(withoutCommandHints),
        deductible: c.deductible,
        problem: withoutCommandHints(c.problem ?? ""),
      })),
      total: costs.reduce((s, c) => s + c.amount, 0),
      deductible: costs.filter((c) => c.deductible).reduce((s, c) => s + c.amount, 0),
      uncovered,
    },
    appendix: {
      // named when the report is rendered, after the report (see renderReport)
      workbook: "",
      definitions: dataDefinitions(scheme),
      config: [
        { item: "方案名称", value: scheme.name },
        { item: "来源", value: scheme.source ?? "（未注明）" },
        { item: "三率权重", value: `响应率 ${scheme.weights.response}，解决率 ${scheme.weights.resolution}，满意率 ${scheme.weights.satisfaction}` },
        {
          item: "满意度计分",
          value: `满意 ${scheme.satisfactionWeights.满意}，基本满意 ${scheme.satisfactionWeights.基本满意}，不满意 ${scheme.satisfactionWeights.不满意}`,
        },
        { item: "三率分母", value: basisWords(scheme.basis) },
        { item: "未评价满意度", value: unratedWords(scheme.unratedSatisfaction) },
        { item: "小数位数", value: `${scheme.decimals} 位` },
        { item: "配置来源", value: request.builtinConfig ? "内置方案" : "编制人提供的考核口径配置文件" },
      ],
      excluded: excludedSheet ? { count: excluded.count, orders: [], sheet: APPENDIX_SHEETS.excluded } : excluded,
      appealed: {
        ...(appealedSheet ? { count: appealed.count, orders: [], sheet: APPENDIX_SHEETS.appealed } : appealed),
        byState: rows(result.appealed.byState),
      },
      skipped: {
        lenient: request.lenient,
        count: request.skipped.count,
        byReason: request.skipped.byReason.map((r) => ({ label: r.label, count: r.count })),
        rows: skippedSheet ? [] : skippedRows,
        ...(skippedSheet ? { sheet: APPENDIX_SHEETS.skipped } : {}),
      },
      failing: {
        count: missed.reduce((sum, m) => sum + m.failingCount, 0),
        ...(failingSheet ? { sheet: APPENDIX_SHEETS.failing } : {}),
      },
    },
    charts: {
      dailyTrend: { id: CHART_IDS.dailyTrend, ...CHART_SIZES.dailyTrend, title: `图3 ${monthLabel(month)}每日工单量` },
      requestTypes: { id: CHART_IDS.requestTypes, ...CHART_SIZES.requestTypes, title: "图1 诉求类型分布" },
      categoryTop: {
        id: CHART_IDS.categoryTop,
        width: CHART_WIDTH,
        height: barChartHeight(counts.categoryTop.level3.length),
        title: "图2 诉求分类前十（三级分类）",
      },
      ...(chartUnits.length === 0
        ? {}
        : {
            unitRanking: {
              id: CHART_IDS.unitRanking,
              width: CHART_WIDTH,
              height: barChartHeight(chartUnits.length),
              title: `图4 承办单位综合成绩${rankedUnits.filter((u) => u.rank !== null).length > CHART_UNITS ? `（前 ${CHART_UNITS} 名）` : ""}`,
            },
          }),
    },
  };
  const charts: ReportChartData = {
    dailyTrend: days.map((d) => ({ day: d.key, count: d.count })),
    requestTypes: counts.byRequestType.map((r) => ({ label: r.key, count: r.count })),
    categoryTop: counts.categoryTop.level3.map((r) => ({ label: r.path[r.path.length - 1] ?? r.key, count: r.count })),
    ...(chartUnits.length === 0
      ? {}
      : {
          unitRanking: {
            measure: "score" as const,
            rows: chartUnits.map(({ unit }) => ({ unit: unit.unit, value: Number(unit.composite.value), text: unit.composite.value })),
          },
        }),
  };
  return { view, charts, ...(sheets.length === 0 ? {} : { workbook: sheets }) };
}

/** “须先选定比例（命令行：--rate 比例）才能…” → “须先选定比例才能…”. */
function withoutCommandHints(text: string): string {
  return text.replace(/（命令行：[^）]*）/g, "");
}

function rate(figure: { percent: string; numerator: string; denominator: number }): MonthlyReportView["assessment"]["response"] {
  return { percent: figure.percent, numerator: figure.numerator, denominator: figure.denominator };
}

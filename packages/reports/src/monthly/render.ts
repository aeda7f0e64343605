import { availableParallelism } from "node:os";
import { basename, resolve } from "node:path";
import type { Contract, WorkingDayCalendar } from "@qiyue/contract-model";
import {
  BUILTIN_METRICS_SCHEMES,
  type BuiltinMetricsSchemeId,
  builtinMetricsConfig,
  type ExportMapping,
  type MetricsConfig,
  readExportMappingFile,
  readMetricsConfigFile,
} from "@qiyue/hotline";
import type { LoadedTemplate } from "@qiyue/templating";
import type { TemplateInputs } from "@qiyue/templating";
import type { DocumentOptions, OutputFormat } from "../fill.js";
import { writeFilesAtomically } from "../write-atomic.js";
import type { FontFiles, RenderWarning } from "@qiyue/document";
import type { PendingItem } from "../data/pending.js";
import type { Collected } from "./collect.js";
import { MonthlyReportError } from "./errors.js";
import { type RenderedReport, type ReportContext, renderReport, warmReportRenderer } from "./render-report.js";
import { type ReportNotes, readNotesFile } from "./notes.js";
import { RenderPool, workerScript } from "./pool.js";
import { collectPeriodOffThread } from "./read-off-thread.js";
import type { MonthlyOrdersRequest } from "./request.js";
import { hotlineServiceLevels } from "./service-levels.js";
import { type MonthlyReportPlan, monthlyReportPlan } from "./view.js";

/** The scheme used when no --metrics-config is given; the report says so. */
export const DEFAULT_METRICS_SCHEME: BuiltinMetricsSchemeId = "beijing-0.1-0.5-0.4";

export interface MonthlyRenderRequest {
  template: LoadedTemplate;
  contract: Contract;
  inputs: TemplateInputs;
  orders: MonthlyOrdersRequest;
  formats: readonly OutputFormat[];
  outDir: string;
  sourceDateEpoch: number;
  options?: DocumentOptions;
  /** The calendar working days are counted with (the schedule in the template data); the built-in data when absent. */
  calendar?: WorkingDayCalendar;
  /** Called for each report with what it leaves 【待确认】, when anything is. */
  onPending?: (items: readonly PendingItem[], fileName: string) => void;
  /** Font files of the user's own by role (see `RenderOptions.fonts` in `@qiyue/document`). */
  fonts?: FontFiles;
  /** Called for each report with what its PDF does not hold as written. */
  onWarning?: (warning: RenderWarning, fileName: string) => void;
}

/** A metrics configuration named by a built-in id or read from a YAML file. */
export async function metricsConfigOf(given: string | undefined): Promise<{ config: MetricsConfig; builtin: boolean }> {
  if (given === undefined) return { config: builtinMetricsConfig(DEFAULT_METRICS_SCHEME), builtin: true };
  if (Object.hasOwn(BUILTIN_METRICS_SCHEMES, given)) return { config: builtinMetricsConfig(given as BuiltinMetricsSchemeId), builtin: true };
  return { config: await readMetricsConfigFile(given), builtin: false };
}

/** The reports' plans: one for all orders, or one per group of a split report (in group order). */
export function reportPlans(
  collected: Collected,
  request: { contract: Contract; orders: MonthlyOrdersRequest; notes?: ReportNotes; builtinConfig: boolean },
): MonthlyReportPlan[] {
  const common = {
    contract: request.contract,
    month: collected.month,
    monthInferred: !collected.monthGiven,
    sources: collected.sources,
    previousSources: collected.previousSources,
    previousGiven: (request.orders.previous?.length ?? 0) > 0,
    skipped: collected.skipped,
    gaps: collected.gaps,
    lenient: request.orders.lenient === true,
    audience: request.orders.audience ?? "vendor",
    builtinConfig: request.builtinConfig,
    appendix: request.orders.appendix ?? "auto",
    ...(request.notes === undefined ? {} : { notes: request.notes }),
    ...(request.orders.notesFile === undefined ? {} : { notesFile: basename(request.orders.notesFile) }),
  };
  const by = request.orders.splitBy;
  if (collected.groups === null || by === undefined) return [monthlyReportPlan({ ...common, figures: collected.whole })];
  return collected.groups.map((group) =>
    monthlyReportPlan({ ...common, figures: group, whole: collected.whole, scope: { by, name: group.name } }),
  );
}

/**
 * The monthly report(s) of a contract from its work-order exports, written into `outDir`.
 * Reads only the files named in the request. Without `splitBy`, one report rendered here;
 * with it, one report per handling unit or street from the same single pass over the orders,
 * rendered in parallel on worker threads. Every file is written atomically (a group's formats
 * and its appendix workbook together); the bytes depend only on the inputs, never on which
 * worker finished first. Returns the paths written, in group order then in the order of
 * `formats`, a group's workbook (`--appendix xlsx`) after its formats.
 */
export async function renderMonthlyReports(request: MonthlyRenderRequest): Promise<string[]> {
  const written: string[][] = [];
  await produceMonthlyReports(request, async (index, report) => {
    const paths = await writeFilesAtomically([
      ...report.files.map((f) => ({ path: resolve(request.outDir, `${report.fileName}.${f.format}`), bytes: f.bytes })),
      ...(report.workbook === undefined ? [] : [{ path: resolve(request.outDir, report.workbook.fileName), bytes: report.workbook.bytes }]),
    ]);
    written[index] = paths;
    return paths;
  });
  return written.flat();
}

/** The monthly report(s) as bytes in memory, in group order: nothing is written. */
export async function renderMonthlyReportsToBytes(request: Omit<MonthlyRenderRequest, "outDir">): Promise<RenderedReport[]> {
  const reports: RenderedReport[] = [];
  await produceMonthlyReports(request, async (index, report) => {
    reports[index] = report;
    return [];
  });
  return reports;
}

/** Renders every report of the request and hands each to `deliver` (with its index), which returns the paths it wrote. */
async function produceMonthlyReports(
  request: Omit<MonthlyRenderRequest, "outDir">,
  deliver: (index: number, report: RenderedReport) => Promise<string[]>,
): Promise<void> {
  const { orders, contract, template } = request;
  const mapping: ExportMapping | undefined = orders.mappingFile === undefined ? undefined : await readExportMappingFile(orders.mappingFile);
  const { config, builtin } = await metricsConfigOf(orders.metricsConfig);
  const notes = orders.notesFile === undefined ? undefined : await readNotesFile(orders.notesFile);
  const formats = [...new Set(request.formats)];
  const context: Omit<ReportContext, "template"> = {
    contract,
    inputs: request.inputs,
    options: request.options ?? {},
    formats,
    sourceDateEpoch: request.sourceDateEpoch,
    ...(request.calendar !== undefined ? { calendar: request.calendar } : {}),
    ...(request.fonts !== undefined ? { fonts: request.fonts } : {}),
  };

  // Workers start now, so their warm-up overlaps the read of the orders. (A single report stays
  // in this thread: rendering its PDF on a worker beside the DOCX was slower, the worker's own
  // cold start costing more than it saved.)
  const size = orders.splitBy === undefined ? 0 : (orders.workers ?? availableParallelism());
  const script = size > 0 ? workerScript() : undefined;
  const pool =
    script === undefined
      ? undefined
      : new RenderPool(size, { templateDir: template.dir, context }, script);

  try {
    // The orders are read on a worker thread; a single report's renderer gets ready here meanwhile
    // (a split run's workers warm themselves up).
    const reading = collectPeriodOffThread({
      files: orders.files,
      ...(orders.previous === undefined ? {} : { previous: orders.previous }),
      ...(orders.month === undefined ? {} : { month: orders.month }),
      config,
      serviceLevels: hotlineServiceLevels(contract),
      ...(mapping === undefined ? {} : { mapping: mapping.columns, values: mapping.values }),
      ...(orders.lenient === undefined ? {} : { lenient: orders.lenient }),
      ...(orders.splitBy === undefined ? {} : { splitBy: orders.splitBy }),
      ...(orders.onReading === undefined ? {} : { onProgress: orders.onReading }),
    });
    const [collected] = await Promise.all([reading, pool === undefined ? warmReportRenderer(formats, template.manifest.options.theme) : undefined]);
    if (collected.gaps.length > 0) orders.onDataGaps?.(collected.gaps);
    const plans = reportPlans(collected, { contract, orders, builtinConfig: builtin, ...(notes === undefined ? {} : { notes }) });
    orders.onPlanned?.(plans.length);

    const names = new Map<string, string>();
    let done = 0;
    const write = async (index: number, report: RenderedReport): Promise<void> => {
      const group = plans[index]!.view.scope?.name ?? "";
      const other = names.get(report.fileName);
      if (other !== undefined) {
        throw new MonthlyReportError("MONTHLY_INPUT", `“${other}”和“${group}”的报告文件名相同（${report.fileName}），请调整模板的 output`);
      }
      names.set(report.fileName, group);
      if (report.pending.length > 0) request.onPending?.(report.pending, report.fileName);
      for (const warning of report.warnings ?? []) request.onWarning?.(warning, report.fileName);
      const paths = await deliver(index, report);
      done++;
      if (orders.splitBy !== undefined) orders.onProgress?.({ done, total: plans.length, group, files: paths });
    };

    if (pool !== undefined) {
      await pool.run(plans, write);
    } else {
      const ctx = { ...context, template };
      for (let i = 0; i < plans.length; i++) await write(i, await renderReport(ctx, plans[i]!));
    }
  } finally {
    await pool?.close();
  }
}

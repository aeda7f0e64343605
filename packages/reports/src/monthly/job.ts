import type { Contract } from "@qiyue/contract-model";
import { outlineText } from "../charts/index.js";
import { type ChartInput, renderFormats } from "../render/index.js";
import type { LoadedTemplate } from "../templates/catalog.js";
import type { TemplateInputs } from "../templates/inputs.js";
import { type DocumentOptions, isDocumentFormat, type OutputFormat, parseRendered, renderTemplateMarkdown } from "../templates/render-document.js";
import { type ChartTimings, reportCharts } from "./report-charts.js";
import type { MonthlyReportPlan } from "./view.js";

/** What stays the same for every report of one run. */
export interface ReportContext {
  template: LoadedTemplate;
  contract: Contract;
  inputs: TemplateInputs;
  options: DocumentOptions;
  formats: readonly OutputFormat[];
  sourceDateEpoch: number;
}

export interface RenderedReport {
  /** Without extension, from the manifest's `output` pattern. */
  fileName: string;
  files: { format: OutputFormat; bytes: Uint8Array | string }[];
}

/** The DOCX is given its charts with text as glyph outlines (rasterised without parsing a font); the PDF keeps real text. */
function outlined(charts: Record<string, ChartInput>): Record<string, ChartInput> {
  return Object.fromEntries(Object.entries(charts).map(([id, chart]) => [id, { ...chart, svg: outlineText(chart.svg) }]));
}

/** One report: the template filled, its charts drawn, every format rendered, in memory. */
export async function renderReport(ctx: ReportContext, plan: MonthlyReportPlan, timings?: ChartTimings): Promise<RenderedReport> {
  const rendered = renderTemplateMarkdown({
    template: ctx.template,
    contract: ctx.contract,
    inputs: ctx.inputs,
    options: ctx.options,
    monthly: plan.view,
  });
  const formats = [...new Set(ctx.formats)];
  const needsDocument = formats.some((f) => f !== "md");
  const doc = needsDocument ? parseRendered(rendered, ctx.template, ctx.contract) : undefined;
  const charts = needsDocument ? await reportCharts(plan, timings) : {};
  const sourceDateEpoch = ctx.sourceDateEpoch;
  const documents =
    doc === undefined
      ? new Map()
      : await renderFormats(doc, formats.filter(isDocumentFormat), (format) =>
          format === "docx" ? { charts: outlined(charts), sourceDateEpoch } : { charts, sourceDateEpoch },
        );
  const files: RenderedReport["files"] = formats.map((format) => ({ format, bytes: format === "md" ? rendered.markdown : documents.get(format)! }));
  return { fileName: rendered.fileName, files };
}

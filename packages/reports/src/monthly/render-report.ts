import type { Contract, WorkingDayCalendar } from "@qiyue/contract-model";
import type { PendingItem } from "../data/pending.js";
import { chartSvg, outlineText } from "../charts/index.js";
import { type ChartInput, type FontFiles, parseMarkdown, type RenderWarning, renderFormats, type ThemeName, warmUpAhead } from "@qiyue/document";
import { tableWorkbookBytes } from "@qiyue/hotline";
import type { LoadedTemplate } from "@qiyue/templating";
import type { TemplateInputs } from "@qiyue/templating";
import { againstTemplate, type DocumentOptions, isDocumentFormat, type OutputFormat, parseRendered, renderTemplateMarkdown, templateFileName } from "../fill.js";
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
  /** The calendar working days are counted with; plain data, sent to the worker threads as it is. */
  calendar?: WorkingDayCalendar;
  /** Font files of the user's own by role: paths, sent to the worker threads as they are. */
  fonts?: FontFiles;
}

export interface RenderedReport {
  /** Without extension, from the manifest's `output` pattern. */
  fileName: string;
  files: { format: OutputFormat; bytes: Uint8Array | string }[];
  /** What the contract leaves open and the report prints as 【待确认】. */
  pending: PendingItem[];
  /** What the PDF does not hold as written (plain data: it comes back from worker threads). */
  warnings?: RenderWarning[];
  /** The workbook of the lists too long for the report (`--appendix xlsx`), written beside it. */
  workbook?: { fileName: string; bytes: Uint8Array };
}

/** What the appendix workbook's name adds to the report's: `<report>-附录.xlsx`. */
export const APPENDIX_WORKBOOK_SUFFIX = "-附录.xlsx";

/** The DOCX is given its charts with text as glyph outlines (rasterised without parsing a font); the PDF keeps real text. */
function outlined(charts: Record<string, ChartInput>): Record<string, ChartInput> {
  return Object.fromEntries(Object.entries(charts).map(([id, chart]) => [id, { ...chart, svg: outlineText(chart.svg) }]));
}

/** A page of what a monthly report is made of (headings, contents, key-value list, table, list, chart), for the warm-up. */
const WARM_UP_MARKDOWN = `# 工作月报

:::kv
- 统计期间：2026年5月
:::

::toc

## 一、概况

共受理工单 **1** 件。

| 诉求类型 | 工单量 | 占比 |
|---|--:|--:|
| 咨询 | 1 | 100.00% |

- 存在问题：无

::chart{id=warm width=200 height=100}
`;

/**
 * Gets a thread ready to render reports, while the orders are read on another: the fonts of
 * the report's theme parsed, the charts library loaded, and one page of what a report is made of drawn and
 * rendered to every format asked for, so that the code each step runs is loaded and compiled
 * before the first report rather than during it. Nothing it renders is kept.
 */
export async function warmReportRenderer(formats: readonly OutputFormat[], theme: ThemeName): Promise<void> {
  // Markdown alone needs neither fonts nor charts
  const documentFormats = formats.filter(isDocumentFormat);
  if (documentFormats.length === 0) return;
  // the font files of the report's theme are read off this thread while the charts library loads here
  const fonts = warmUpAhead({ theme });
  fonts.catch(() => {});
  const { svg } = await chartSvg("request-types", [{ label: "咨询", count: 1 }]);
  await fonts;
  const charts = { warm: { svg, title: "图1 诉求类型" } };
  await renderFormats(parseMarkdown(WARM_UP_MARKDOWN, { theme }), documentFormats, (format) =>
    format === "docx" ? { charts: outlined(charts) } : { charts },
  );
}

/** One report: the template filled, its charts drawn, every format rendered, in memory. */
export async function renderReport(ctx: ReportContext, plan: MonthlyReportPlan, timings?: ChartTimings): Promise<RenderedReport> {
  const request = (view: MonthlyReportPlan["view"]) => ({
    template: ctx.template,
    contract: ctx.contract,
    inputs: ctx.inputs,
    options: ctx.options,
    parts: { monthly: view },
    ...(ctx.calendar !== undefined ? { calendar: ctx.calendar } : {}),
  });
  const fill = (view: MonthlyReportPlan["view"]) => renderTemplateMarkdown(request(view));
  const withWorkbook = (name: string) => ({ ...plan.view, appendix: { ...plan.view.appendix, workbook: name } });
  // The workbook is named after the report, whose name the template gives (from the same data).
  let rendered: ReturnType<typeof fill>;
  let workbook: RenderedReport["workbook"];
  if (plan.workbook !== undefined) {
    const fileName = `${templateFileName(request(plan.view))}${APPENDIX_WORKBOOK_SUFFIX}`;
    rendered = fill(withWorkbook(fileName));
    workbook = { fileName, bytes: await tableWorkbookBytes(plan.workbook, { timestamp: new Date(ctx.sourceDateEpoch * 1000) }) };
  } else {
    rendered = fill(plan.view);
  }
  const formats = [...new Set(ctx.formats)];
  const needsDocument = formats.some((f) => f !== "md");
  const doc = needsDocument ? parseRendered(rendered, ctx.template, ctx.contract) : undefined;
  const charts = needsDocument ? await reportCharts(plan, timings) : {};
  const warnings: RenderWarning[] = [];
  const common = {
    sourceDateEpoch: ctx.sourceDateEpoch,
    ...(ctx.fonts !== undefined ? { fonts: ctx.fonts } : {}),
    onWarning: (warning: RenderWarning) => warnings.push(warning),
  };
  const documents =
    doc === undefined
      ? new Map()
      : await renderFormats(doc, formats.filter(isDocumentFormat), (format) =>
          format === "docx" ? { charts: outlined(charts), ...common } : { charts, ...common },
        ).catch((e: unknown) => {
          // a chart the template names but the report does not draw: the template's line
          throw againstTemplate(e, ctx.template, rendered.markdown);
        });
  const files: RenderedReport["files"] = formats.map((format) => ({ format, bytes: format === "md" ? rendered.markdown : documents.get(format)! }));
  return { fileName: rendered.fileName, files, pending: rendered.data.pending, warnings, ...(workbook === undefined ? {} : { workbook }) };
}

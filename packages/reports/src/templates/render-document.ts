import { resolve } from "node:path";
import { type Contract, type LedgerEvent, loadContract, loadEvents } from "@qiyue/contract-model";
import { type Document, type DocumentFormat, parseMarkdown, RenderError, renderFormats, type ThemeName } from "../render/index.js";
import { type LoadedTemplate, loadTemplate } from "./catalog.js";
import { buildTemplateData, type TemplateData } from "./data/index.js";
import { TemplateError } from "./errors.js";
import { INPUT_FLAGS, INPUT_NAMES, parseInput, type TemplateInputs } from "./inputs.js";
import { inputDeclaration } from "./manifest.js";
import { writeFilesAtomically } from "./write-atomic.js";
import type { MonthlyOrdersRequest } from "../monthly/request.js";
import type { MonthlyReportView } from "../monthly/view-schema.js";

export type OutputFormat = "docx" | "pdf" | "md";

export function isDocumentFormat(format: OutputFormat): format is DocumentFormat {
  return format !== "md";
}
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["docx", "pdf", "md"];

/** Theme and table of contents; a template's manifest gives the defaults. */
export interface DocumentOptions {
  theme?: ThemeName;
  toc?: boolean;
}

export interface RenderMarkdownRequest {
  template: LoadedTemplate;
  contract: Contract;
  inputs?: TemplateInputs;
  options?: DocumentOptions;
  /** An events ledger read at a date: penalties to deduct on a payment request. */
  ledger?: { events: readonly LedgerEvent[]; asOf: string };
  /** The monthly figures, for a template made from work-order exports (manifest `orders: required`). */
  monthly?: MonthlyReportView;
}

export interface RenderedMarkdown {
  markdown: string;
  /** The output file name without extension, from the manifest's `output` pattern. */
  fileName: string;
  theme: ThemeName;
  data: TemplateData;
}

const RENEWAL_INPUTS = ["increase", "amount", "years"] as const;

/** Checks the inputs against the manifest: none it does not declare, every required one, defaults filled in. */
export function resolveInputs(template: LoadedTemplate, given: TemplateInputs): TemplateInputs {
  const file = `${template.dir}/manifest.yaml`;
  const out: Record<string, number | string> = {};
  for (const name of INPUT_NAMES) {
    const declared = inputDeclaration(template.manifest, name);
    const value = given[name];
    if (declared === undefined) {
      if (value !== undefined) {
        throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”不使用 ${INPUT_FLAGS[name]}`, { file });
      }
      continue;
    }
    if (value !== undefined) out[name] = value;
    else if (declared.default !== undefined) out[name] = parseInput(name, declared.default);
    else if (declared.required) {
      const what = declared.description === undefined ? "" : `（${declared.description}）`;
      throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”需要 ${INPUT_FLAGS[name]}${what}`, { file });
    }
  }
  return out as TemplateInputs;
}

/** Fills a template for one contract: the Markdown, its file name, and the data it was filled from. */
export function renderTemplateMarkdown({ template, contract, inputs = {}, options = {}, ledger, monthly }: RenderMarkdownRequest): RenderedMarkdown {
  const resolved = resolveInputs(template, inputs);
  const theme = options.theme ?? template.manifest.options.theme;
  const toc = options.toc ?? template.manifest.options.toc;
  const declares = (name: (typeof INPUT_NAMES)[number]) => template.manifest.inputs[name] !== undefined;
  if (ledger !== undefined && !declares("installment")) {
    throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”不使用 --events（事件记录只用于付款申请的扣减）`, {
      file: `${template.dir}/manifest.yaml`,
    });
  }
  const data = buildTemplateData({
    contract,
    inputs: resolved,
    needs: { payment: declares("installment"), renewal: RENEWAL_INPUTS.some(declares) },
    options: { theme, toc },
    ...(ledger !== undefined ? { ledger } : {}),
  });
  checkOrders(template, monthly !== undefined);
  if (monthly !== undefined) data.monthly = monthly;
  const markdown = template.render(data);
  const fileName = safeFileName(template.outputName(data), `${template.dir}/manifest.yaml`);
  return { markdown, fileName, theme, data };
}

/** A template made from work-order exports needs them, and no other template takes them. */
export function checkOrders(template: LoadedTemplate, given: boolean): void {
  const file = `${template.dir}/manifest.yaml`;
  const declared = template.manifest.inputs.orders !== undefined;
  if (declared && !given) {
    throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”由工单导出数据生成，需要 --orders 工单文件`, { file });
  }
  if (!declared && given) throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”不使用工单数据（--orders）`, { file });
}

/** A file name from the manifest's pattern: one path segment, no characters Windows refuses. */
export function safeFileName(name: string, file: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned === "") throw new TemplateError("TEMPLATE_OUTPUT_NAME", "output 生成的文件名为空", { file });
  return cleaned;
}

/** Parses the Markdown once; a mistake in it is reported against the template that produced it. */
export function parseRendered(rendered: RenderedMarkdown, template: LoadedTemplate, contract: Contract): Document {
  try {
    return parseMarkdown(rendered.markdown, { theme: rendered.theme, meta: { subject: contract.projectName } });
  } catch (e) {
    if (e instanceof RenderError) {
      const where = e.line === undefined ? "" : `（生成的 Markdown 第 ${e.line} 行）`;
      throw new TemplateError("RENDER_FAILED", `${e.message.replace(/^第 \d+ 行：/, "")}${where}`, {
        file: `${template.dir}/template.md.hbs`,
      }, { cause: e });
    }
    throw e;
  }
}

export interface RenderDocumentRequest {
  templateName: string;
  /** A folder of templates; the built-in ones by default. */
  templatesDir?: string;
  contractFile: string;
  inputs?: TemplateInputs;
  options?: DocumentOptions;
  formats: readonly OutputFormat[];
  outDir: string;
  /** Seconds since the epoch written as the documents' dates (SOURCE_DATE_EPOCH); 0 by default. */
  sourceDateEpoch?: number;
  /** An events file and the date to read it at (the caller decides "today"; nothing here reads the clock). */
  events?: { file: string; asOf: string };
  /** Work-order exports and what goes with them, for a template made from them (the monthly report). */
  orders?: MonthlyOrdersRequest;
}

/**
 * Loads the contract and the template, fills the template, parses the Markdown once and writes
 * every requested format, all or nothing. Returns the paths written, in the order of `formats`.
 * Reads only the contract file, the template folder and the package's own fonts.
 */
export async function renderDocument(request: RenderDocumentRequest): Promise<string[]> {
  if (request.formats.length === 0) throw new TemplateError("TEMPLATE_INPUT", "没有要生成的格式（--format）");
  const template = await loadTemplate(request.templateName, request.templatesDir);
  const { contract } = await loadContract(request.contractFile);
  checkOrders(template, request.orders !== undefined);
  if (request.orders !== undefined) {
    if (request.events !== undefined) {
      throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”不使用 --events（事件记录只用于付款申请的扣减）`, {
        file: `${template.dir}/manifest.yaml`,
      });
    }
    // Loaded only for this template: the hotline reader and the charts are not needed elsewhere.
    const { renderMonthlyReports } = await import("../monthly/render.js");
    return renderMonthlyReports({
      template,
      contract,
      inputs: resolveInputs(template, request.inputs ?? {}),
      orders: request.orders,
      formats: request.formats,
      outDir: request.outDir,
      sourceDateEpoch: request.sourceDateEpoch ?? 0,
      ...(request.options !== undefined ? { options: request.options } : {}),
      ...(request.templatesDir !== undefined ? { templatesDir: request.templatesDir } : {}),
    });
  }
  const ledger = request.events
    ? { events: (await loadEvents(request.events.file, { contract })).events, asOf: request.events.asOf }
    : undefined;
  const rendered = renderTemplateMarkdown({
    template,
    contract,
    ...(ledger !== undefined ? { ledger } : {}),
    ...(request.inputs !== undefined ? { inputs: request.inputs } : {}),
    ...(request.options !== undefined ? { options: request.options } : {}),
  });
  const needsDocument = request.formats.some((f) => f !== "md");
  const doc = needsDocument ? parseRendered(rendered, template, contract) : undefined;
  const renderOptions = { sourceDateEpoch: request.sourceDateEpoch ?? 0 };
  const formats = [...new Set(request.formats)];
  const documents = doc === undefined ? new Map() : await renderFormats(doc, formats.filter(isDocumentFormat), () => renderOptions);
  return writeFilesAtomically(
    formats.map((format) => ({
      path: resolve(request.outDir, `${rendered.fileName}.${format}`),
      bytes: format === "md" ? rendered.markdown : documents.get(format)!,
    })),
  );
}

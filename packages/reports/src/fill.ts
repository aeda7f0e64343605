/**
 * Filling one template with one contract's data: the Markdown and its file name, and the
 * Markdown parsed into the document model, with mistakes reported against the template.
 */
import { createHash } from "node:crypto";
import type { Contract, LedgerEvent, WorkingDayCalendar } from "@qiyue/contract-model";
import { type Document, type DocumentFormat, parseMarkdown, RenderError, type ThemeName } from "@qiyue/document";
import {
  INPUT_FLAGS,
  INPUT_NAMES,
  inputDeclaration,
  type LoadedTemplate,
  locateGeneratedLine,
  parseInput,
  TemplateError,
  type TemplateInputs,
} from "@qiyue/templating";
import { type BaseTemplateData, buildTemplateData } from "./data/index.js";

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
  /** The calendar working days are counted with; the built-in data when absent. */
  calendar?: WorkingDayCalendar;
  /**
   * Data parts a document adds beyond the contract's (the monthly report's `monthly` figures,
   * for a template made from work-order exports, manifest `orders: required`).
   */
  parts?: Readonly<Record<string, unknown>>;
}

export interface RenderedMarkdown {
  markdown: string;
  /** The output file name without extension, from the manifest's `output` pattern. */
  fileName: string;
  theme: ThemeName;
  data: BaseTemplateData & Record<string, unknown>;
}

const RENEWAL_INPUTS = ["increase", "amount", "years", "term", "schedule"] as const;

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
export function renderTemplateMarkdown(request: RenderMarkdownRequest): RenderedMarkdown {
  const { template, full, context, theme } = templateData(request);
  const markdown = template.render(full, context);
  const fileName = safeFileName(template.outputName(full, context), `${template.dir}/manifest.yaml`);
  return { markdown, fileName, theme, data: full };
}

/** The file name a template gives the document it fills for one contract, without filling the document. */
export function templateFileName(request: RenderMarkdownRequest): string {
  const { template, full, context } = templateData(request);
  return safeFileName(template.outputName(full, context), `${template.dir}/manifest.yaml`);
}

/** The data a template is filled from, checked against what the template declares. */
function templateData({ template, contract, inputs = {}, options = {}, ledger, parts, calendar }: RenderMarkdownRequest) {
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
    needs: {
      payment: declares("installment"),
      renewal: RENEWAL_INPUTS.some(declares),
      acceptance: template.manifest.inputs.acceptance !== undefined,
      clauses: template.manifest.inputs.clauses !== undefined,
    },
    options: { theme, toc },
    ...(ledger !== undefined ? { ledger } : {}),
    ...(calendar !== undefined ? { calendar } : {}),
  });
  checkOrders(template, parts !== undefined);
  const full: BaseTemplateData & Record<string, unknown> = parts === undefined ? data : { ...data, ...parts };
  const context = calendar !== undefined ? { calendar } : {};
  return { template, full, context, theme };
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
  return shortFileName(cleaned);
}

/**
 * The most a file name (without extension) may take, in UTF-8 bytes: file systems allow 255, and
 * the extension and the temporary name written first (`.NAME.docx.qiyue-PID-N.tmp`) need the rest.
 */
export const MAX_FILE_NAME_BYTES = 200;

/**
 * A name cut to MAX_FILE_NAME_BYTES at a character boundary, with a short hash of the whole
 * name after it, so that two long names that share their start stay two files. A name that
 * fits is kept as it is.
 */
export function shortFileName(name: string): string {
  if (Buffer.byteLength(name, "utf8") <= MAX_FILE_NAME_BYTES) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 10);
  const room = MAX_FILE_NAME_BYTES - hash.length - 1;
  let cut = "";
  let bytes = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > room) break;
    cut += ch;
    bytes += size;
  }
  return `${cut.replace(/[\s.]+$/, "")}-${hash}`;
}

/** Parses the Markdown once; a mistake in it is reported against the template that produced it. */
export function parseRendered(rendered: RenderedMarkdown, template: LoadedTemplate, contract: Contract): Document {
  try {
    return parseMarkdown(rendered.markdown, { theme: rendered.theme, meta: { subject: contract.projectName } });
  } catch (e) {
    throw againstTemplate(e, template, rendered.markdown);
  }
}

/**
 * A mistake found in the generated Markdown (by the reader, or by a writer: an unknown chart) as
 * the template's: at the template line that wrote it (see locateGeneratedLine), else at the
 * template file with the generated line's number. Anything else passes through.
 */
export function againstTemplate(e: unknown, template: LoadedTemplate, markdown: string): unknown {
  if (!(e instanceof RenderError)) return e;
  const message = e.message.replace(/^第 \d+ 行：/, "");
  const generated = e.line === undefined ? undefined : markdown.split(/\r\n|\r|\n/)[e.line - 1];
  const at = generated === undefined ? undefined : locateGeneratedLine(template.sources ?? [], generated);
  if (at !== undefined) return new TemplateError("RENDER_FAILED", message, at, { cause: e });
  const where = e.line === undefined ? "" : `（生成的 Markdown 第 ${e.line} 行）`;
  return new TemplateError("RENDER_FAILED", `${message}${where}`, { file: `${template.dir}/template.md.hbs` }, { cause: e });
}


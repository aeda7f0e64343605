import { resolve } from "node:path";
import { type Contract, type Issue, type LedgerEvent, loadContract, loadEvents, loadWorkingDayCalendar, requireComputable, type WorkingDayCalendar } from "@qiyue/contract-model";
import { type Document, editorNotes, type FontFiles, parseMarkdown, type RenderWarning, renderFormats } from "@qiyue/document";
import { type LoadedTemplate, TemplateError, type TemplateInputs } from "@qiyue/templating";
import { againstTemplate, checkOrders, type DocumentOptions, isDocumentFormat, type OutputFormat, parseRendered, renderTemplateMarkdown, resolveInputs } from "./fill.js";
import { renderMonthlyReports, renderMonthlyReportsToBytes } from "./monthly/render.js";
import type { PendingItem } from "./data/pending.js";
import type { MonthlyOrdersRequest } from "./monthly/request.js";
import { loadTemplate, type TemplateLookup } from "./templates.js";
import { writeFilesAtomically } from "./write-atomic.js";

/** What to render: a template, a contract, the template's inputs, and what goes with them. */
export interface DocumentRequest extends TemplateLookup {
  /**
   * The template: a built-in's name (`invoice-request`), one from `templatesDir`, the npm name of
   * a template package installed in the project (`@bureau/letter`), or a template already loaded.
   */
  template: string | LoadedTemplate;
  /** The contract: a YAML file to read, or a contract already loaded. */
  contract: string | Contract;
  inputs?: TemplateInputs;
  options?: DocumentOptions;
  /** The formats, in order. */
  formats: readonly OutputFormat[];
  /** Seconds since the epoch written as the documents' dates (SOURCE_DATE_EPOCH); 0 by default. */
  sourceDateEpoch?: number;
  /**
   * What happened on the contract, read at a date (the caller decides "today"; nothing here reads
   * the clock): an events ledger file, or its events already loaded. Deductions on a payment request.
   */
  events?: { file: string; asOf: string } | { events: readonly LedgerEvent[]; asOf: string };
  /** Work-order exports and what goes with them, for a template made from them (the monthly report). */
  orders?: MonthlyOrdersRequest;
  /**
   * Holiday arrangements for years the built-in calendar does not cover yet: YAML files to read
   * (one year each, see `loadWorkingDayCalendar`), or a calendar already made. A due date counted
   * with one says so in the document: “（按<source>计算）”.
   */
  calendar?: readonly string[] | WorkingDayCalendar;
  /**
   * Called once per document with what the contract leaves open and the document prints as
   * 【待确认：…】 (nothing is called when nothing is open). A command warns with each.
   */
  onPending?: (items: readonly PendingItem[], fileName: string) => void;
  /** Called with where the events ledger read for the document contradicts itself or the schedule, at its lines. */
  onLedgerWarnings?: (warnings: readonly Issue[]) => void;
  /**
   * Font files of the user's own for any role (宋体 `song`, 仿宋 `fangsong`, 楷体 `kai`, 黑体 `hei`)
   * and a `fallback` for rare characters: see `RenderOptions.fonts` in `@qiyue/document`.
   */
  fonts?: FontFiles;
  /** Called with what a PDF does not hold as written (characters no font has, invisible ones left out). */
  onWarning?: (warning: RenderWarning, fileName: string) => void;
  /**
   * Called once per document with the editor's notes it prints beside the contract's words (a
   * correction of printed capitals, a signature date to check: 〔注：…〕), each once with how often
   * it is printed; nothing is called when there is none. A command warns with each.
   */
  onNotes?: (notes: readonly EditorNote[], fileName: string) => void;
}

/** An editor's note a document prints (〔注：…〕), and how many times. */
export interface EditorNote {
  text: string;
  count: number;
}

/** One document's bytes in memory, by format, and the file name its template gives it. */
export interface DocumentBytes {
  /** Without extension, from the manifest's `output` pattern. */
  fileName: string;
  md?: string;
  docx?: Uint8Array;
  pdf?: Uint8Array;
  /** A monthly report's workbook of long lists (`appendix: "xlsx"`), to be written beside it under its `fileName`. */
  workbook?: { fileName: string; bytes: Uint8Array };
  /** What the contract leaves open and the document prints as 【待确认：…】 instead of computing it. */
  pending: PendingItem[];
  /** The editor's notes the document prints beside the contract's words (see `onNotes`). */
  notes: EditorNote[];
}

interface Prepared {
  template: LoadedTemplate;
  contract: Contract;
  ledger: { events: readonly LedgerEvent[]; asOf: string } | undefined;
  calendar: WorkingDayCalendar | undefined;
}

async function prepare(request: DocumentRequest): Promise<Prepared> {
  if (request.formats.length === 0) throw new TemplateError("TEMPLATE_INPUT", "没有要生成的格式（--format）");
  const template = typeof request.template === "string" ? await loadTemplate(request.template, request) : request.template;
  const contract = typeof request.contract === "string" ? requireComputable(await loadContract(request.contract)) : request.contract;
  checkOrders(template, request.orders !== undefined);
  if (request.orders !== undefined && request.events !== undefined) {
    throw new TemplateError("TEMPLATE_INPUT", `模板“${template.name}”不使用 --events（事件记录只用于付款申请的扣减）`, {
      file: `${template.dir}/manifest.yaml`,
    });
  }
  let ledger: Prepared["ledger"];
  if (request.events !== undefined) {
    if ("file" in request.events) {
      const loaded = await loadEvents(request.events.file, { contract });
      if (loaded.warnings.length > 0) request.onLedgerWarnings?.(loaded.warnings);
      ledger = { events: loaded.events, asOf: request.events.asOf };
    } else ledger = request.events;
  }
  const calendar = request.calendar === undefined || !isCalendarFiles(request.calendar) ? request.calendar : await loadWorkingDayCalendar(request.calendar);
  return { template, contract, ledger, calendar };
}

/** Files to read, as opposed to a calendar already made (plain data, never an array). */
function isCalendarFiles(calendar: readonly string[] | WorkingDayCalendar): calendar is readonly string[] {
  return Array.isArray(calendar);
}

/** One document made from the contract alone (not from work orders), in every format asked. */
async function renderSingle(request: DocumentRequest, { template, contract, ledger, calendar }: Prepared): Promise<DocumentBytes> {
  const rendered = renderTemplateMarkdown({
    template,
    contract,
    ...(calendar !== undefined ? { calendar } : {}),
    ...(ledger !== undefined ? { ledger } : {}),
    ...(request.inputs !== undefined ? { inputs: request.inputs } : {}),
    ...(request.options !== undefined ? { options: request.options } : {}),
  });
  const formats = [...new Set(request.formats)];
  const documentFormats = formats.filter(isDocumentFormat);
  const doc = documentFormats.length > 0 ? parseRendered(rendered, template, contract) : undefined;
  const warnings: RenderWarning[] = [];
  const renderOptions = {
    sourceDateEpoch: request.sourceDateEpoch ?? 0,
    ...(request.fonts !== undefined ? { fonts: request.fonts } : {}),
    onWarning: (warning: RenderWarning) => warnings.push(warning),
  };
  const documents =
    doc === undefined
      ? new Map()
      : await renderFormats(doc, documentFormats, () => renderOptions).catch((e: unknown) => {
          throw againstTemplate(e, template, rendered.markdown);
        });
  for (const warning of warnings) request.onWarning?.(warning, rendered.fileName);
  const out: DocumentBytes = { fileName: rendered.fileName, pending: rendered.data.pending, notes: editorNotes((doc ?? readable(rendered.markdown))?.blocks ?? []) };
  for (const format of formats) {
    if (format === "md") out.md = rendered.markdown;
    else out[format] = documents.get(format)!;
  }
  return out;
}

/** The Markdown as a document, to read its notes when no format needs it laid out; undefined if it does not parse (the Markdown is written as it is). */
function readable(markdown: string): Document | undefined {
  try {
    return parseMarkdown(markdown);
  } catch {
    return undefined;
  }
}

function monthlyRequest(request: DocumentRequest, prepared: Prepared, orders: MonthlyOrdersRequest) {
  return {
    template: prepared.template,
    contract: prepared.contract,
    inputs: resolveInputs(prepared.template, request.inputs ?? {}),
    orders,
    formats: request.formats,
    sourceDateEpoch: request.sourceDateEpoch ?? 0,
    ...(request.options !== undefined ? { options: request.options } : {}),
    ...(request.fonts !== undefined ? { fonts: request.fonts } : {}),
    ...(prepared.calendar !== undefined ? { calendar: prepared.calendar } : {}),
  };
}

/**
 * Renders one document to bytes in memory; nothing is written. Reads only the files named in
 * the request (the contract, an events ledger, work-order exports), the template and the fonts.
 *
 * @example
 * ```ts
 * const { pdf, fileName } = await renderDocumentBytes({
 *   template: "invoice-request",
 *   contract: "contracts/haidian-2024.yaml",
 *   inputs: { installment: 1 },
 *   formats: ["pdf"],
 * });
 * ```
 */
export async function renderDocumentBytes(request: DocumentRequest): Promise<DocumentBytes> {
  const prepared = await prepare(request);
  if (request.orders === undefined) return reportPending(request, await renderSingle(request, prepared));
  if (request.orders.splitBy !== undefined) {
    throw new TemplateError("TEMPLATE_INPUT", "按单位或街道拆分的月报是多份文档：请用 renderDocument 写入目录，或用 renderMonthlyReportsToBytes");
  }
  const [report] = await renderMonthlyReportsToBytes(monthlyRequest(request, prepared, request.orders));
  const out: DocumentBytes = {
    fileName: report!.fileName,
    pending: report!.pending,
    notes: [],
    ...(report!.workbook === undefined ? {} : { workbook: report!.workbook }),
  };
  for (const file of report!.files) {
    if (file.format === "md") out.md = file.bytes as string;
    else out[file.format] = file.bytes as Uint8Array;
  }
  return reportPending(request, out);
}

function reportPending(request: DocumentRequest, bytes: DocumentBytes): DocumentBytes {
  if (bytes.pending.length > 0) request.onPending?.(bytes.pending, bytes.fileName);
  if (bytes.notes.length > 0) request.onNotes?.(bytes.notes, bytes.fileName);
  return bytes;
}

/** Where `renderDocument` writes. */
export interface RenderDocumentRequest extends DocumentRequest {
  outDir: string;
}

/**
 * Renders a document and writes every requested format into `outDir`, all or nothing (each file
 * written to a temporary name, then renamed). Returns the paths written, in the order of
 * `formats`; a monthly report split by unit or street writes one document per group.
 */
export async function renderDocument(request: RenderDocumentRequest): Promise<string[]> {
  const prepared = await prepare(request);
  if (request.orders !== undefined) {
    const { onPending, onWarning } = request;
    return renderMonthlyReports({
      ...monthlyRequest(request, prepared, request.orders),
      outDir: request.outDir,
      ...(onPending !== undefined ? { onPending } : {}),
      ...(onWarning !== undefined ? { onWarning } : {}),
    });
  }
  const bytes = reportPending(request, await renderSingle(request, prepared));
  const formats = [...new Set(request.formats)];
  return writeFilesAtomically(
    formats.map((format) => ({ path: resolve(request.outDir, `${bytes.fileName}.${format}`), bytes: bytes[format]! })),
  );
}

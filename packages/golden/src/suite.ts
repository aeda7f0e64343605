import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { BUILT_IN_CALENDAR, IsoDate, loadWorkingDayCalendar, nameList, parseYaml, quoted, type WorkingDayCalendar, YearMonth } from "@qiyue/contract-model";
import { z } from "zod";
import { themeNames } from "@qiyue/document";
import { TemplateError } from "@qiyue/templating";
import { INPUT_NAMES, type InputName, parseInput, type TemplateInputs } from "@qiyue/templating";
import { type DocumentOptions, listTemplates, OUTPUT_FORMATS, type OutputFormat } from "@qiyue/reports";
import { defaultSuiteRoot, isInside } from "./confine.js";
import { GoldenError } from "./errors.js";
import { yamlPosition } from "./yaml-position.js";

export const SUITE_FILE = "golden.yaml";

/** 2026-01-01T00:00:00Z: the documents' date when a suite does not set `sourceDateEpoch`. */
export const DEFAULT_SOURCE_DATE_EPOCH = 1_767_225_600;

const InputValue = z.union([z.string(), z.number()]);
const inputShape = Object.fromEntries(INPUT_NAMES.map((name) => [name, InputValue.optional()])) as Record<
  InputName,
  z.ZodOptional<typeof InputValue>
>;

/** A case name is also its folder name: letters, digits, `.`, `_` and `-`, not starting with a dot. */
const CaseName = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, { message: "用例名只能包含字母、数字、点、下划线和连字符，且不以点开头（它也是目录名）" })
  .max(80, { message: "用例名最多 80 个字符（它也是目录名）" });

/** Work-order exports for a template made from them (the monthly report); paths relative to golden.yaml. */
const OrdersSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1).meta({ description: "当月工单导出（CSV / XLSX）" }),
  previous: z.array(z.string().min(1)).optional().meta({ description: "此前的导出，用于环比、同比" }),
  month: YearMonth.optional(),
  notes: z.string().min(1).optional().meta({ description: "月报文字素材（YAML 或 Markdown）" }),
  mapping: z.string().min(1).optional().meta({ description: "列名映射 YAML" }),
  metricsConfig: z.string().min(1).optional().meta({ description: "考核方案：内置方案的 id，或 YAML 文件" }),
  lenient: z.boolean().optional(),
  audience: z.enum(["vendor", "client"]).optional().meta({ description: "vendor（默认，乙方报送，只列达成情况）或 client（另测算违约金）" }),
});

const CaseSchema = z.strictObject({
  name: CaseName,
  template: z.string().min(1).meta({ description: "模板名称（templates 目录下的文件夹名）" }),
  contract: z.string().min(1).meta({ description: "合同 YAML，相对于 golden.yaml" }),
  inputs: z.strictObject(inputShape).optional().meta({ description: "模板清单（manifest.yaml）声明的输入，如 installment: 1" }),
  options: z.strictObject({ theme: z.enum(themeNames as [string, ...string[]]).optional(), toc: z.boolean().optional() }).optional(),
  events: z
    .strictObject({
      file: z.string().min(1).meta({ description: "履约事件记录 YAML，相对于 golden.yaml" }),
      asOf: IsoDate.meta({ description: "按哪一天读取事件记录（YYYY-MM-DD）" }),
    })
    .optional()
    .meta({ description: "付款申请按事件记录扣减违约金（同 qiyue render --events --as-of）" }),
  orders: OrdersSchema.optional().meta({ description: "由工单数据生成的模板（如 monthly-report）所用的工单导出" }),
  formats: z
    .array(z.enum(OUTPUT_FORMATS as [OutputFormat, ...OutputFormat[]]))
    .min(1)
    .default(["md", "docx", "pdf"]),
});

/** `golden.yaml`: the cases of a suite and the date written into every document. */
export const GoldenSuiteSchema = z.strictObject({
  sourceDateEpoch: z
    .number()
    .int()
    .nonnegative()
    .default(DEFAULT_SOURCE_DATE_EPOCH)
    .meta({ description: "写入文档的日期（秒，SOURCE_DATE_EPOCH）；默认 2026-01-01T00:00:00Z" }),
  templates: z.string().min(1).optional().meta({ description: "模板目录，相对于 golden.yaml；默认内置模板" }),
  calendar: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .meta({ description: "内置日历尚未包含的年份的节假日安排文件（每个文件一年），相对于 golden.yaml；一个路径或路径列表，同 --calendar" }),
  cases: z.array(CaseSchema).min(1, { message: "至少需要一个用例" }),
});

export type GoldenSuiteInput = z.input<typeof GoldenSuiteSchema>;

/** One document to render and compare, with everything resolved. */
export interface GoldenCase {
  name: string;
  template: string;
  /** Absolute path of the contract YAML. */
  contract: string;
  inputs: TemplateInputs;
  options: DocumentOptions;
  formats: OutputFormat[];
  /** An events ledger (absolute path) and the date to read it at. */
  events?: { file: string; asOf: string };
  /** Work-order exports (absolute paths), for a template made from them. */
  orders?: GoldenOrders;
  /** Line of the case in golden.yaml. */
  line: number;
}

export interface GoldenOrders {
  files: string[];
  previous?: string[];
  month?: string;
  notesFile?: string;
  mappingFile?: string;
  /** A built-in scheme's id, or the absolute path of a YAML file. */
  metricsConfig?: string;
  lenient?: boolean;
  audience?: "vendor" | "client";
}

export interface GoldenSuite {
  /** Absolute path of golden.yaml. */
  file: string;
  /** The folder holding golden.yaml and one folder of expected files per case. */
  dir: string;
  sourceDateEpoch: number;
  /** A folder of templates; undefined for the built-in ones. */
  templatesDir: string | undefined;
  /** The holiday-arrangement files of `calendar` (absolute paths), in order; empty when there are none. */
  calendarFiles: string[];
  /** The calendar every case counts working days with: the built-in data and `calendarFiles`. */
  calendar: WorkingDayCalendar;
  cases: GoldenCase[];
}

/** `DIR` or `DIR/golden.yaml` → the absolute path of golden.yaml. */
export function suiteFile(path: string): string {
  const absolute = resolve(path);
  if (basename(absolute) === SUITE_FILE || (existsSync(absolute) && statSync(absolute).isFile())) return absolute;
  return join(absolute, SUITE_FILE);
}

function fail(file: string, message: string, position: { line: number; column: number } | undefined): never {
  throw new GoldenError("GOLDEN_SUITE_INVALID", message, { file, ...position });
}

/**
 * Reads and checks golden.yaml: the schema, unique case names, contract files that exist,
 * templates that exist, inputs in the model's units. Every mistake names the file, line and
 * column. `templatesDir` (the command line's `--templates`) overrides the file's `templates`. Every
 * path the file names stays inside `root` (see SuiteOverrides), or is refused before it is read.
 */
export interface SuiteOverrides {
  /** The command line's `--templates`: overrides the file's `templates`. */
  templatesDir?: string;
  /**
   * The folder every path golden.yaml names must stay inside (symbolic links followed); by
   * default the repository holding golden.yaml, else its folder (see confine.ts).
   */
  root?: string;
}

export async function loadSuite(path: string, overrides: SuiteOverrides = {}): Promise<GoldenSuite> {
  const file = suiteFile(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new GoldenError("GOLDEN_SUITE_NOT_FOUND", `找不到 ${SUITE_FILE}（可用 qiyue golden init 生成一个）`, { file });
  }
  const yaml = parseYaml(text, file);
  if ("issues" in yaml) {
    const first = yaml.issues[0]!;
    fail(file, first.message, first.line === undefined ? undefined : { line: first.line, column: first.column ?? 1 });
  }
  const { doc, lineCounter: lines } = yaml;
  const parsed = GoldenSuiteSchema.safeParse(yaml.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const at = yamlPosition(doc, lines, issue.path, unknownKey);
    const where = issue.path.length === 0 ? "" : `${issue.path.map(String).join(".")}：`;
    const message = issue.code === "unrecognized_keys" ? `未知的字段“${nameList(issue.keys)}”` : issue.message;
    fail(file, `${where}${message}`, at);
  }
  const dir = dirname(file);
  const suite = parsed.data;
  const root = overrides.root !== undefined ? resolve(overrides.root) : defaultSuiteRoot(dir);
  /** `path` of golden.yaml, resolved against its folder; refused when it leads outside `root`. */
  const inside = (path: string, at: { line: number; column: number } | undefined): string => {
    const absolute = resolve(dir, path);
    if (!isInside(root, absolute)) {
      fail(file, `路径 ${quoted(path)} 指向 ${root} 之外，不会读取（golden.yaml 中的路径须在其所在仓库之内；确需读取，用 --root 指定更大的目录）`, at);
    }
    return absolute;
  };
  const templatesDir =
    overrides.templatesDir !== undefined
      ? resolve(overrides.templatesDir)
      : suite.templates !== undefined
        ? inside(suite.templates, yamlPosition(doc, lines, ["templates"]))
        : undefined;
  const calendarFiles = (suite.calendar === undefined ? [] : typeof suite.calendar === "string" ? [suite.calendar] : suite.calendar).map((path, i) => {
    const at = yamlPosition(doc, lines, typeof suite.calendar === "string" ? ["calendar"] : ["calendar", i]);
    const absolute = inside(path, at);
    if (!existsSync(absolute)) fail(file, `节假日安排文件不存在：${path}（相对于 ${SUITE_FILE}）`, at);
    return absolute;
  });
  // a mistake in a calendar file is reported at its own line and column
  const calendar = calendarFiles.length === 0 ? BUILT_IN_CALENDAR : await loadWorkingDayCalendar(calendarFiles);
  const available = await listTemplates(templatesDir === undefined ? {} : { templatesDir });
  const seen = new Map<string, string>();
  const cases = suite.cases.map((c, index): GoldenCase => {
    const at = (...path: PropertyKey[]) => yamlPosition(doc, lines, ["cases", index, ...path]);
    const folded = c.name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) fail(file, `用例名“${c.name}”重复（与“${earlier}”相同；目录名不区分大小写）`, at("name"));
    seen.set(folded, c.name);
    if (!available.includes(c.template)) {
      fail(file, `没有名为“${c.template}”的模板。可用的模板：${available.join("、") || "（无）"}`, at("template"));
    }
    const contract = inside(c.contract, at("contract"));
    if (!existsSync(contract)) fail(file, `合同文件不存在：${c.contract}（相对于 ${SUITE_FILE}）`, at("contract"));
    const inputs: Record<string, number | string> = {};
    for (const name of INPUT_NAMES) {
      const raw = c.inputs?.[name];
      if (raw === undefined) continue;
      try {
        inputs[name] = parseInput(name, raw);
      } catch (e) {
        if (e instanceof TemplateError) fail(file, `inputs.${name}：${e.issues[0]?.message ?? e.message}`, at("inputs", name));
        throw e;
      }
    }
    const events = c.events === undefined ? undefined : { file: inside(c.events.file, at("events", "file")), asOf: c.events.asOf };
    if (events !== undefined && !existsSync(events.file)) fail(file, `事件记录文件不存在：${c.events!.file}（相对于 ${SUITE_FILE}）`, at("events", "file"));
    const orders = c.orders === undefined ? undefined : resolveOrders(c.orders, (path, ...at2) => {
      const absolute = inside(path, at("orders", ...at2));
      if (!existsSync(absolute)) fail(file, `文件不存在：${path}（相对于 ${SUITE_FILE}）`, at("orders", ...at2));
      return absolute;
    });
    const options: DocumentOptions = {};
    if (c.options?.theme !== undefined) options.theme = c.options.theme as NonNullable<DocumentOptions["theme"]>;
    if (c.options?.toc !== undefined) options.toc = c.options.toc;
    return {
      name: c.name,
      template: c.template,
      contract,
      inputs: inputs as TemplateInputs,
      options,
      formats: [...new Set(c.formats)],
      ...(events !== undefined ? { events } : {}),
      ...(orders !== undefined ? { orders } : {}),
      line: at()?.line ?? 1,
    };
  });
  return { file, dir, sourceDateEpoch: suite.sourceDateEpoch, templatesDir, calendarFiles, calendar, cases };
}

/** The orders of a case with every file resolved (and checked) by `file`; a metrics scheme id stays as it is. */
function resolveOrders(
  orders: z.infer<typeof OrdersSchema>,
  file: (path: string, ...at: PropertyKey[]) => string,
): GoldenOrders {
  const out: GoldenOrders = { files: orders.files.map((f, i) => file(f, "files", i)) };
  if (orders.previous !== undefined) out.previous = orders.previous.map((f, i) => file(f, "previous", i));
  if (orders.month !== undefined) out.month = orders.month;
  if (orders.notes !== undefined) out.notesFile = file(orders.notes, "notes");
  if (orders.mapping !== undefined) out.mappingFile = file(orders.mapping, "mapping");
  if (orders.metricsConfig !== undefined) {
    out.metricsConfig = /\.ya?ml$/i.test(orders.metricsConfig) ? file(orders.metricsConfig, "metricsConfig") : orders.metricsConfig;
  }
  if (orders.lenient !== undefined) out.lenient = orders.lenient;
  if (orders.audience !== undefined) out.audience = orders.audience;
  return out;
}

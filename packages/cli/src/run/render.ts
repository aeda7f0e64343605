import { FONT_SLOT_NAMES, type FontFiles, type FontSlot, RenderError } from "@qiyue/document";
import { BUILTIN_METRICS_SCHEMES } from "@qiyue/hotline";
import { APPENDIX_AUTO_ROWS, APPENDIX_DOCUMENT_ROWS, formatPending, type MonthlyOrdersRequest, OUTPUT_FORMATS, type OutputFormat, type RenderDocumentRequest, renderDocument, templateCatalog } from "@qiyue/reports";
import { describeOrigin, parseInputs, TemplateError } from "@qiyue/templating";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";
import { readingProgress, splitProgress } from "../progress.js";
import { shanghaiDate } from "../today.js";
import { formatWarning } from "../warnings.js";

const OPTIONS = {
  contract: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  templates: { type: "string" },
  theme: { type: "string" },
  installment: { type: "string" },
  increase: { type: "string" },
  amount: { type: "string" },
  years: { type: "string" },
  term: { type: "string" },
  schedule: { type: "string" },
  date: { type: "string" },
  events: { type: "string" },
  "as-of": { type: "string" },
  // the monthly report: work-order exports and what goes with them
  orders: { type: "string", multiple: true },
  previous: { type: "string", multiple: true },
  month: { type: "string" },
  notes: { type: "string" },
  mapping: { type: "string" },
  "metrics-config": { type: "string" },
  lenient: { type: "boolean" },
  strict: { type: "boolean" },
  "split-by": { type: "string" },
  appendix: { type: "string" },
  // years the built-in working-day calendar does not cover yet, one file a year
  calendar: { type: "string", multiple: true },
  audience: { type: "string" },
  // a font file of the user's own for a role: --font 仿宋=方正仿宋_GBK.ttf
  font: { type: "string", multiple: true },
} as const;

/** Options that take several files: `--orders a.csv b.csv` is read as `--orders a.csv --orders b.csv`. */
const LIST_OPTIONS = new Set(["--orders", "--previous"]);

/** Spreads the files after `--orders` / `--previous` (up to the next option) into one option each. */
export function spreadFileLists(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    out.push(arg);
    if (!LIST_OPTIONS.has(arg)) continue;
    out.push(argv[++i] ?? "");
    while (i + 1 < argv.length && !argv[i + 1]!.startsWith("-")) out.push(arg, argv[++i]!);
  }
  return out;
}

const MONTHLY_FLAGS = ["previous", "month", "notes", "mapping", "metrics-config", "lenient", "split-by", "audience", "appendix"] as const;

function parseFormats(text: string | undefined): OutputFormat[] {
  if (text === undefined) return ["docx", "pdf"];
  const formats = text.split(",").map((f) => f.trim().toLowerCase()).filter((f) => f !== "");
  const bad = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || bad.length > 0) {
    throw usageError(`--format 只能是 ${OUTPUT_FORMATS.join("、")} 中的一个或多个（用逗号分隔），收到“${text}”`);
  }
  return [...new Set(formats)] as OutputFormat[];
}

const FONT_USAGE = "--font 应写成 角色=字体文件，角色为 宋体、仿宋、楷体、黑体 或 备用（song、fangsong、kai、hei、fallback），粗体加 -bold，如 --font 仿宋=FZFSK.ttf";

/** `--font 仿宋=FZFSK.TTF --font 宋体-bold=…`: font files by role, paths resolved with `at`. */
export function parseFontOptions(given: readonly string[], at: (path: string) => string): FontFiles {
  const regular = new Map<FontSlot, string>();
  const bold = new Map<FontSlot, string>();
  for (const option of given) {
    const eq = option.indexOf("=");
    const name = eq < 0 ? "" : option.slice(0, eq).trim();
    const file = eq < 0 ? "" : option.slice(eq + 1).trim();
    const boldName = /(-bold|粗体|-粗)$/i.exec(name);
    const roleName = boldName === null ? name : name.slice(0, boldName.index);
    const role = Object.hasOwn(FONT_SLOT_NAMES, roleName.toLowerCase()) ? FONT_SLOT_NAMES[roleName.toLowerCase()] : undefined;
    if (role === undefined || file === "") throw usageError(`${FONT_USAGE}，收到“${option}”`);
    const target = boldName === null ? regular : bold;
    if (target.has(role)) throw usageError(`--font 给了两次${roleName}${boldName === null ? "" : "（粗体）"}的字体：“${option}”`);
    target.set(role, at(file));
  }
  const fonts: FontFiles = {};
  for (const role of bold.keys()) if (!regular.has(role)) throw usageError(`--font 给了${role}的粗体，也请给出常规字体（如 --font ${role}=…）`);
  for (const [role, path] of regular) {
    const b = bold.get(role);
    fonts[role] = b === undefined ? path : { regular: path, bold: b };
  }
  return fonts;
}

/** SOURCE_DATE_EPOCH: whole seconds since 1970, or 0 when unset. */
export function sourceDateEpoch(env: Io["env"]): number {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text.trim() === "") return 0;
  if (!/^\d+$/.test(text.trim())) throw usageError(`环境变量 SOURCE_DATE_EPOCH 应为非负整数（秒），收到“${text}”`);
  return Number(text.trim());
}

/** Reads the command line into a render request. Pure: reads no file. */
export function renderRequest(argv: string[], io: Pick<Io, "cwd" | "env">, today?: string): RenderDocumentRequest & { strict: boolean } {
  const { values, positionals } = parseArgs(spreadFileLists(argv), OPTIONS);
  const [templateName, ...extra] = positionals;
  if (templateName === undefined) throw usageError("请给出模板名称，如 qiyue render acceptance --contract 合同.yaml");
  if (extra.length > 0) throw usageError(`多余的参数：${extra.join(" ")}`);
  if (values.contract === undefined) throw usageError("请用 --contract 给出合同文件");
  if (values["as-of"] !== undefined && values.events === undefined) throw usageError("--as-of 需与 --events 一起使用");
  const theme = values.theme;
  if (theme !== undefined && theme !== "formal" && theme !== "plain") throw usageError(`--theme 只能是 formal 或 plain，收到“${theme}”`);
  const at = (path: string) => userPath(io.cwd, path);
  const orders = values.orders;
  if (orders === undefined) {
    const stray = MONTHLY_FLAGS.find((flag) => values[flag] !== undefined);
    if (stray !== undefined) throw usageError(`--${stray} 只用于由工单数据生成的文档，需与 --orders 一起使用`);
  }
  const month = values.month;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw usageError(`--month 应写成 YYYY-MM，如 2026-05，收到“${month}”`);
  const audience = values.audience;
  if (audience !== undefined && audience !== "vendor" && audience !== "client") {
    throw usageError(`--audience 只能是 vendor（乙方报送的月报，只列达成情况）或 client（甲方合同管理用，另测算违约金），收到“${audience}”`);
  }
  const appendix = values.appendix;
  if (appendix !== undefined && appendix !== "auto" && appendix !== "document" && appendix !== "xlsx") {
    throw usageError(
      `--appendix 只能是 auto（默认：超过 ${APPENDIX_AUTO_ROWS} 行的清单写入报告旁的 XLSX 工作簿）、document（附录中的工单全部印在报告里）或 xlsx（超过 ${APPENDIX_DOCUMENT_ROWS} 行的清单写入工作簿），收到“${appendix}”`,
    );
  }
  const splitBy = values["split-by"];
  if (splitBy !== undefined && splitBy !== "handling-unit" && splitBy !== "street") {
    throw usageError(`--split-by 只能是 handling-unit（按承办单位）或 street（按街乡镇），收到“${splitBy}”`);
  }
  const metricsConfig = values["metrics-config"];
  const monthly: MonthlyOrdersRequest | undefined =
    orders === undefined
      ? undefined
      : {
          files: orders.map(at),
          ...(values.previous !== undefined ? { previous: values.previous.map(at) } : {}),
          ...(month !== undefined ? { month } : {}),
          ...(values.notes !== undefined ? { notesFile: at(values.notes) } : {}),
          ...(values.mapping !== undefined ? { mappingFile: at(values.mapping) } : {}),
          // a built-in scheme's id, or a file
          ...(metricsConfig !== undefined ? { metricsConfig: Object.hasOwn(BUILTIN_METRICS_SCHEMES, metricsConfig) ? metricsConfig : at(metricsConfig) } : {}),
          ...(values.lenient === true ? { lenient: true } : {}),
          ...(splitBy !== undefined ? { splitBy } : {}),
          ...(audience !== undefined ? { audience } : {}),
          ...(appendix !== undefined ? { appendix } : {}),
        };
  return {
    template: templateName,
    ...(values.templates !== undefined ? { templatesDir: at(values.templates) } : {}),
    contract: at(values.contract),
    inputs: parseInputs({
      ...(values.installment !== undefined ? { installment: values.installment } : {}),
      ...(values.increase !== undefined ? { increase: values.increase } : {}),
      ...(values.amount !== undefined ? { amount: values.amount } : {}),
      ...(values.years !== undefined ? { years: values.years } : {}),
      ...(values.term !== undefined ? { term: values.term } : {}),
      ...(values.schedule !== undefined ? { schedule: values.schedule } : {}),
      ...(values.date !== undefined ? { date: values.date } : {}),
    }),
    ...(theme !== undefined ? { options: { theme } } : {}),
    ...(values.events !== undefined ? { events: { file: at(values.events), asOf: values["as-of"] ?? today ?? "" } } : {}),
    ...(monthly !== undefined ? { orders: monthly } : {}),
    formats: parseFormats(values.format),
    outDir: at(values.out ?? "."),
    sourceDateEpoch: sourceDateEpoch(io.env),
    ...(values.font !== undefined ? { fonts: parseFontOptions(values.font, at) } : {}),
    ...(values.calendar !== undefined ? { calendar: values.calendar.map(at) } : {}),
    strict: values.strict === true,
  };
}

/** One line per problem, like a compiler: file:line:column: message [code]. */
function templateFailure(e: TemplateError): ExitError {
  // the check ran and found the renewal cannot be drafted as asked: a cap, or a schedule to agree on
  const exitCode = e.code === "RENEWAL_CAP_EXCEEDED" || e.code === "RENEWAL_SCHEDULE_UNRESOLVED" ? ExitCode.failed : ExitCode.badInput;
  return new ExitError(exitCode, `${e.message} [${e.code}]`);
}

/** Runs `qiyue render` (see ../commands/render.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  let request: RenderDocumentRequest & { strict: boolean };
  try {
    request = renderRequest(argv, io, shanghaiDate(new Date()));
  } catch (e) {
    if (e instanceof TemplateError) throw usageError(e.issues[0]?.message ?? e.message);
    throw e;
  }
  const reading = request.orders === undefined ? undefined : await readingProgress(io);
  const progress = request.orders?.splitBy === undefined ? undefined : await splitProgress(io);
  if (reading !== undefined && request.orders !== undefined) request.orders.onReading = reading.onReading;
  if (progress !== undefined && request.orders !== undefined) {
    request.orders.onPlanned = (total) => {
      reading?.stop();
      progress.onPlanned(total);
    };
    request.orders.onProgress = progress.onProgress;
  }
  // Figures the exports cannot support: said here, in the report's 数据说明, and fatal under --strict.
  let gaps = 0;
  if (request.orders !== undefined) {
    request.orders.onDataGaps = (found) => {
      gaps = found.length;
      reading?.stop();
      for (const gap of found) io.stderr(`qiyue: 警告：数据不全，${gap.figure}不能反映实际情况：${gap.text}\n`);
    };
  }
  try {
    // The template from the catalogue: the built-ins, the --templates folder (which adds to them)
    // and template packages installed in the working directory's project.
    const catalog = await templateCatalog({ ...(request.templatesDir !== undefined ? { templatesDir: request.templatesDir } : {}), cwd: io.cwd });
    const template = await catalog.load(request.template as string);
    if (template.entry.shadows !== undefined) {
      io.stderr(
        `qiyue: 注意：使用 ${displayPath(io.cwd, template.dir)} 中的模板“${template.name}”，它代替了${describeOrigin(template.entry.shadows.origin)}的同名模板\n`,
      );
    }
    // What the contract leaves open is printed as 【待确认】 in the document, and said here.
    let open = 0;
    // What a PDF cannot print as written (characters no font has) is said here too.
    let glyphs = 0;
    const { strict, ...document } = request;
    const paths = await renderDocument({
      ...document,
      template,
      onLedgerWarnings: (warnings) => {
        for (const warning of warnings) io.stderr(`qiyue: ${formatWarning({ ...warning, file: displayPath(io.cwd, warning.file ?? "") })}\n`);
      },
      onPending: (items, fileName) => {
        open += items.length;
        for (const item of items) io.stderr(`qiyue: 待确认（${fileName}）：${formatPending(item)}\n`);
      },
      onWarning: (warning, fileName) => {
        glyphs += warning.characters.length;
        io.stderr(`qiyue: 警告（${fileName}.pdf）：${warning.message} [${warning.code}]\n`);
      },
      // What the validator questions in the words a document reprints as signed (printed capitals,
      // a signature date) is noted beside them in the document, and said here.
      onNotes: (notes, fileName) => {
        for (const note of notes) {
          io.stderr(`qiyue: 警告（${fileName}）：原文照印，旁加编者注${note.text}${note.count > 1 ? `（${note.count} 处）` : ""}；详见 qiyue validate\n`);
        }
      },
    });
    reading?.stop();
    progress?.stop();
    io.stdout(`${paths.join("\n")}\n`);
    if (open > 0 && strict) {
      io.stderr(`qiyue: --strict：文档中有 ${open} 处【待确认】，退出码 1\n`);
      return ExitCode.failed;
    }
    if (gaps > 0 && strict) {
      io.stderr(`qiyue: --strict：有 ${gaps} 项指标缺少数据（见报告的数据说明），退出码 1\n`);
      return ExitCode.failed;
    }
    if (glyphs > 0 && strict) {
      io.stderr(`qiyue: --strict：PDF 中有 ${glyphs} 个字符不能照原样印出，退出码 1\n`);
      return ExitCode.failed;
    }
    return ExitCode.ok;
  } catch (e) {
    reading?.stop();
    progress?.stop();
    if (e instanceof TemplateError) throw templateFailure(e);
    if (e instanceof RenderError) throw new ExitError(ExitCode.badInput, `无法生成文档：${e.message} [${e.code}]`);
    throw e;
  }
}

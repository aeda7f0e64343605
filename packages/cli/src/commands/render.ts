import { isAbsolute, resolve } from "node:path";
import {
  OUTPUT_FORMATS,
  type OutputFormat,
  parseInputs,
  RenderError,
  type RenderDocumentRequest,
  renderDocument,
  TemplateError,
} from "@qiyue/reports";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import type { Io } from "../io.js";
import type { Command } from "../main.js";
import { shanghaiDate } from "../today.js";

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
  date: { type: "string" },
  events: { type: "string" },
  "as-of": { type: "string" },
} as const;

function parseFormats(text: string | undefined): OutputFormat[] {
  if (text === undefined) return ["docx", "pdf"];
  const formats = text.split(",").map((f) => f.trim().toLowerCase()).filter((f) => f !== "");
  const bad = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || bad.length > 0) {
    throw usageError(`--format 只能是 ${OUTPUT_FORMATS.join("、")} 中的一个或多个（用逗号分隔），收到“${text}”`);
  }
  return [...new Set(formats)] as OutputFormat[];
}

/** SOURCE_DATE_EPOCH: whole seconds since 1970, or 0 when unset. */
export function sourceDateEpoch(env: Io["env"]): number {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text.trim() === "") return 0;
  if (!/^\d+$/.test(text.trim())) throw usageError(`环境变量 SOURCE_DATE_EPOCH 应为非负整数（秒），收到“${text}”`);
  return Number(text.trim());
}

/** Reads the command line into a render request. Pure: reads no file. */
export function renderRequest(argv: string[], io: Pick<Io, "cwd" | "env">, today?: string): RenderDocumentRequest {
  const { values, positionals } = parseArgs(argv, OPTIONS);
  const [templateName, ...extra] = positionals;
  if (templateName === undefined) throw usageError("请给出模板名称，如 qiyue render acceptance --contract 合同.yaml");
  if (extra.length > 0) throw usageError(`多余的参数：${extra.join(" ")}`);
  if (values.contract === undefined) throw usageError("请用 --contract 给出合同文件");
  if (values["as-of"] !== undefined && values.events === undefined) throw usageError("--as-of 需与 --events 一起使用");
  const theme = values.theme;
  if (theme !== undefined && theme !== "formal" && theme !== "plain") throw usageError(`--theme 只能是 formal 或 plain，收到“${theme}”`);
  const at = (path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path));
  return {
    templateName,
    ...(values.templates !== undefined ? { templatesDir: at(values.templates) } : {}),
    contractFile: at(values.contract),
    inputs: parseInputs({
      ...(values.installment !== undefined ? { installment: values.installment } : {}),
      ...(values.increase !== undefined ? { increase: values.increase } : {}),
      ...(values.amount !== undefined ? { amount: values.amount } : {}),
      ...(values.years !== undefined ? { years: values.years } : {}),
      ...(values.date !== undefined ? { date: values.date } : {}),
    }),
    ...(theme !== undefined ? { options: { theme } } : {}),
    ...(values.events !== undefined ? { events: { file: at(values.events), asOf: values["as-of"] ?? today ?? "" } } : {}),
    formats: parseFormats(values.format),
    outDir: at(values.out ?? "."),
    sourceDateEpoch: sourceDateEpoch(io.env),
  };
}

/** One line per problem, like a compiler: file:line:column: message [code]. */
function templateFailure(e: TemplateError): ExitError {
  const exitCode = e.code === "RENEWAL_CAP_EXCEEDED" ? ExitCode.failed : ExitCode.badInput;
  return new ExitError(exitCode, `${e.message} [${e.code}]`);
}

export const command: Command = {
  summary: "用模板生成文档（DOCX / PDF / Markdown）：验收单、付款申请、合同文本、续签合同草案",
  usage: [
    "qiyue render <模板> --contract <合同.yaml> [--format docx,pdf,md] [--out 目录] [--templates 目录]",
    "                    [--theme formal|plain] [--installment N] [--increase P%] [--amount X] [--years N] [--date YYYY-MM-DD] [--events 事件.yaml [--as-of YYYY-MM-DD]]",
    "  内置模板：acceptance（验收单）、invoice-request（付款申请，需 --installment）、contract（合同文本）、",
    "            renewal-draft（续签合同草案，需 --increase 或 --amount）",
    "  输出文件写入 --out 目录（默认当前目录），打印写入的路径；环境变量 SOURCE_DATE_EPOCH 决定文档日期",
    "  退出码：0 成功；1 续签超出上限（不生成草案）；2 参数、合同或模板有误",
  ].join("\n"),
  async run(argv: string[], io: Io) {
    let request: RenderDocumentRequest;
    try {
      request = renderRequest(argv, io, shanghaiDate(new Date()));
    } catch (e) {
      if (e instanceof TemplateError) throw usageError(e.issues[0]?.message ?? e.message);
      throw e;
    }
    try {
      const paths = await renderDocument(request);
      io.stdout(`${paths.join("\n")}\n`);
      return ExitCode.ok;
    } catch (e) {
      if (e instanceof TemplateError) throw templateFailure(e);
      if (e instanceof RenderError) throw new ExitError(ExitCode.badInput, `无法生成文档：${e.message} [${e.code}]`);
      throw e;
    }
  },
};

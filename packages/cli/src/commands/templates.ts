import { checkTemplates, formatTemplateIssue, type TemplatesCheckResult } from "@qiyue/reports/templates-check";
import { parseArgs } from "../args.js";
import { ExitCode, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";
import type { Command } from "../main.js";

const OPTIONS = { json: { type: "boolean" } } as const;

export interface TemplatesRequest {
  action: "check";
  /** A folder of templates, or one template's folder; the built-in templates when undefined. */
  dir?: string;
  json: boolean;
}

/** Reads the command line into a request. Pure: reads no file. */
export function templatesRequest(argv: string[], io: Pick<Io, "cwd">): TemplatesRequest {
  const { values, positionals } = parseArgs(argv, OPTIONS);
  const [action, dir, ...rest] = positionals;
  if (action !== "check") throw usageError(action === undefined ? "请给出子命令：check" : `未知的子命令“${action}”：只能是 check`);
  if (rest.length > 0) throw usageError(`多余的参数：${rest.join(" ")}`);
  return {
    action,
    ...(dir !== undefined ? { dir: userPath(io.cwd, dir) } : {}),
    json: values.json === true,
  };
}

function printHuman(io: Io, result: TemplatesCheckResult): void {
  for (const issue of result.issues) {
    io.stdout(`${formatTemplateIssue({ ...issue, file: displayPath(io.cwd, issue.file) })}\n`);
  }
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  const found = errors + warnings === 0 ? "没有发现问题" : [errors > 0 ? `${errors} 个错误` : "", warnings > 0 ? `${warnings} 个警告` : ""].filter(Boolean).join("，");
  io.stdout(`检查了 ${result.templates.length} 个模板（${result.templates.join("、") || "无"}）：${found}\n`);
}

export async function runTemplates(request: TemplatesRequest, io: Io): Promise<number> {
  const result = await checkTemplates(request.dir);
  if (request.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printHuman(io, result);
  return result.ok ? ExitCode.ok : ExitCode.failed;
}

export const command: Command = {
  summary: "检查模板：每个 {{字段}}、块和辅助函数都与模板收到的数据类型相符（不生成任何文档）",
  usage: [
    "qiyue templates check [目录] [--json]",
    "  目录：模板目录（每个模板一个子目录），或单个模板的目录；默认内置模板",
    "  检查：语法、辅助函数及其参数个数和类型（金额、比例、日期……）、子模板是否存在；",
    "        每个 {{路径}}、#each、#with 和块参数是否是合同模型及模板数据中的字段；",
    "        可选字段是否先用 {{#if}} 判断；对象和列表不能直接输出；清单（manifest.yaml）声明的输入是否用到",
    "  每个问题给出 文件:行:列；退出码：0 没有错误（可有警告）；1 有错误；2 目录不存在或参数有误",
  ].join("\n"),
  async run(argv: string[], io: Io) {
    return runTemplates(templatesRequest(argv, io), io);
  },
};

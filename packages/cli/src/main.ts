import { createRequire } from "node:module";
import { formatIssue, UserError } from "@qiyue/contract-model/errors";
import type { Command } from "./command.js";
import { command as amount } from "./commands/amount.js";
import { command as calendar } from "./commands/calendar.js";
import { command as golden } from "./commands/golden.js";
import { command as importCommand } from "./commands/import.js";
import { command as init } from "./commands/init.js";
import { command as mapping } from "./commands/mapping.js";
import { command as metrics } from "./commands/metrics.js";
import { command as penalty } from "./commands/penalty.js";
import { command as render } from "./commands/render.js";
import { command as renew } from "./commands/renew.js";
import { command as sampleData } from "./commands/sample-data.js";
import { command as schedule } from "./commands/schedule.js";
import { command as schema } from "./commands/schema.js";
import { command as status } from "./commands/status.js";
import { command as templates } from "./commands/templates.js";
import { command as validate } from "./commands/validate.js";
import { ExitCode, ExitError } from "./exit.js";
import { type Io, processIo } from "./io.js";

/** Every command, in the order `qiyue --help` lists them. Each module is light: its work loads when it runs. */
const COMMANDS: readonly Command[] = [init, importCommand, validate, schedule, amount, schema, metrics, mapping, sampleData, renew, render, golden, templates, status, penalty, calendar];

const commands = new Map(COMMANDS.map((c) => [c.name, c]));

/** The version of this package, from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "qiyue（契约）：服务合同的类型化模型与文档生成",
    "",
    "用法：qiyue <命令> [参数]",
    "",
    "命令：",
    ...lines,
    "",
    "每个命令的用法：qiyue <命令> --help",
    "",
    "退出码：",
    "  0   成功",
    "  1   检查未通过（校验发现错误、超出续签上限、golden 不一致）",
    "  2   输入无法使用（参数错误、文件无法读取或不是合法合同）",
    "  70  qiyue 内部错误（请报告问题）",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = commands.get(name);
  if (!command) {
    io.stderr(`未知命令：${name}\n\n${help()}`);
    return ExitCode.badInput;
  }
  try {
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.summary}\n\n用法：${command.usage}\n`);
      return ExitCode.ok;
    }
    return await command.run(rest, io);
  } catch (e) {
    return reportError(e, io);
  }
}

/** The one place that maps errors to messages and exit codes. */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof ExitError) {
    io.stderr(`qiyue: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof UserError) {
    if (e.issues.length === 1 && e.issues[0]?.message === e.message) {
      io.stderr(`qiyue: ${formatIssue(e.issues[0])}\n`);
    } else {
      io.stderr(`qiyue: ${e.message}${e.issues.length === 0 ? ` [${e.code}]` : ""}\n`);
      for (const issue of e.issues) io.stderr(`  ${formatIssue(issue)}\n`);
    }
    return ExitCode.badInput;
  }
  const fsProblem = fileSystemMessage(e);
  if (fsProblem) {
    io.stderr(`qiyue: ${fsProblem}\n`);
    return ExitCode.badInput;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr(`qiyue: 内部错误：${err.message}\n这是 qiyue 的问题，不是你的输入有误；请附上命令与输入报告。\n`);
  if (io.env.QIYUE_DEBUG) io.stderr(`${err.stack ?? ""}\n`);
  return ExitCode.internal;
}

const FS_MESSAGES: Record<string, string> = {
  ENOENT: "文件或目录不存在",
  EACCES: "没有权限",
  EPERM: "操作不被允许",
  EISDIR: "这是一个目录，不是文件",
  ENOTDIR: "路径中有一段不是目录",
  EROFS: "文件系统只读",
  ENOSPC: "磁盘空间不足",
  EEXIST: "文件已存在",
  EMFILE: "打开的文件过多",
};

/** A file-system error is about the user's files or disk, not a bug: say which path and what happened. */
export function fileSystemMessage(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, path } = e as NodeJS.ErrnoException;
  if (code === undefined || !(code in FS_MESSAGES)) return undefined;
  return `${path ?? "文件"}：${FS_MESSAGES[code]}（${code}）`;
}

import { formatIssue, UserError } from "@qiyue/contract-model/errors";
import { ExitCode, ExitError } from "./exit.js";
import { type Io, processIo } from "./io.js";

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

/** The command table; each command module is imported only when it runs, so --help stays fast. */
const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import("./commands/validate.js")).command,
  schedule: async () => (await import("./commands/schedule.js")).command,
  amount: async () => (await import("./commands/amount.js")).command,
  schema: async () => (await import("./commands/schema.js")).command,
  metrics: async () => (await import("./commands/metrics.js")).command,
  "sample-data": async () => (await import("./commands/sample-data.js")).command,
  renew: async () => (await import("./commands/renew.js")).command,
  render: async () => (await import("./commands/render.js")).command,
  golden: async () => (await import("./commands/golden.js")).command,
  templates: async () => (await import("./commands/templates.js")).command,
  status: async () => (await import("./commands/status.js")).command,
  penalty: async () => (await import("./commands/penalty.js")).command,
  calendar: async () => (await import("./commands/calendar.js")).command,
};

const summaries: Record<string, string> = {
  validate: "检查合同 YAML 的一致性（金额、大写、比例、日期、续签规则……）",
  schedule: "列出付款计划：每期比例、金额、大写、触发条件与期限",
  amount: "金额与人民币大写互转：qiyue amount 1680.32 / qiyue amount 壹仟陆佰捌拾元叁角贰分",
  schema: "输出合同的 JSON Schema（供编辑器补全和校验）",
  metrics: "从工单导出计算当月指标：结构、三率与综合成绩、合同服务标准达成情况",
  "sample-data": "生成工单导出样例数据（CSV / XLSX，UTF-8 / GBK，同一种子相同字节）",
  renew: "续签：按续签上限（次数、总年限、以原合同为基数的增幅、预算）检查，通过后写出续签合同",
  render: "用模板生成文档（DOCX / PDF）：验收单、付款申请、合同文本、续签合同草案",
  golden: "golden 文件：CI 中重新生成文档并与预期比较（check / update / init）",
  templates: "检查模板：字段、块和辅助函数参数与模板数据的类型相符（templates check）",
  status: "合同现状：付款是否到期或逾期、成果是否按期提交、已发生的违约金、各项期限",
  penalty: "计算一条违约金：qiyue penalty 合同.yaml --clause 8.3 --days 5",
  calendar: "把合同的全部期限导出为 iCalendar 日历（.ics），可导入 Outlook、Google、Apple 日历",
};

export const VERSION = "0.1.0";

function help(): string {
  const width = Math.max(...Object.keys(summaries).map((k) => k.length));
  const lines = Object.entries(summaries).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
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
  const load = commands[name];
  if (!load) {
    io.stderr(`未知命令：${name}\n\n${help()}`);
    return ExitCode.badInput;
  }
  try {
    const command = await load();
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

import {
  type CaseCheck,
  type CaseUpdate,
  type CheckResult,
  checkSuite,
  type FileDifference,
  initSuite,
  LAYOUT_RULE_NAMES,
  type LayoutFinding,
  loadSuite,
  type UpdateResult,
  unifiedDiff,
  updateSuite,
} from "@qiyue/golden";
import { formatTemplateIssue, type TemplateIssue } from "@qiyue/templating";
import { parseArgs } from "../args.js";
import { ExitCode, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";

const OPTIONS = {
  templates: { type: "string" },
  images: { type: "boolean" },
  layout: { type: "boolean" },
  json: { type: "boolean" },
  out: { type: "string" },
  root: { type: "string" },
} as const;

/** Lines of diff shown per file before the rest is summarised. */
const MAX_DIFF_LINES = 200;

export interface GoldenRequest {
  action: "check" | "update" | "init";
  dir: string;
  /** init: contract files to cover (the example contracts when empty). */
  contracts: string[];
  templatesDir?: string;
  images: boolean;
  /** check: also check the layout of every PDF. */
  layout: boolean;
  json: boolean;
  out?: string;
  /** The folder the suite's paths must stay inside (`--root`); the repository holding golden.yaml by default. */
  root?: string;
}

/** Reads the command line into a request. Pure: reads no file. */
export function goldenRequest(argv: string[], io: Pick<Io, "cwd">): GoldenRequest {
  const { values, positionals } = parseArgs(argv, OPTIONS);
  const [action, dir, ...rest] = positionals;
  if (action !== "check" && action !== "update" && action !== "init") {
    throw usageError(action === undefined ? "请给出子命令：check、update 或 init" : `未知的子命令“${action}”：只能是 check、update 或 init`);
  }
  if (dir === undefined) throw usageError(`请给出 golden 目录，如 qiyue golden ${action} golden/`);
  if (rest.length > 0 && action !== "init") throw usageError(`多余的参数：${rest.join(" ")}`);
  if (values.out !== undefined && action !== "check") throw usageError("--out 只用于 golden check");
  if (values.layout && action !== "check") throw usageError("--layout 只用于 golden check");
  if (values.images && action === "init") throw usageError("--images 只用于 golden check 和 golden update");
  if (values.root !== undefined && action === "init") throw usageError("--root 只用于 golden check 和 golden update");
  const at = (path: string) => userPath(io.cwd, path);
  return {
    action,
    dir: at(dir),
    contracts: rest.map(at),
    ...(values.templates !== undefined ? { templatesDir: at(values.templates) } : {}),
    images: values.images === true,
    layout: values.layout === true,
    json: values.json === true,
    ...(values.out !== undefined ? { out: at(values.out) } : {}),
    ...(values.root !== undefined ? { root: at(values.root) } : {}),
  };
}

const shown = (io: Pick<Io, "cwd">, path: string) => displayPath(io.cwd, path);

function diffText(name: string, d: FileDifference, colour: boolean): string {
  if (d.expected === undefined || d.actual === undefined) return "";
  return unifiedDiff(`expected/${name}/${d.file}`, `actual/${name}/${d.file}`, d.expected, d.actual, {
    colour,
    maxLines: MAX_DIFF_LINES,
  });
}

const CHANGE_WORDS = { changed: "不同", added: "新增（预期中没有）", removed: "缺少（不再生成）" } as const;

/** A case's layout findings, one line each with its page, after the case's status line. */
function printLayout(io: Io, name: string, findings: readonly LayoutFinding[] | undefined): void {
  if (findings === undefined) return;
  if (findings.length === 0) {
    io.stdout(`    版式（${name}）：未发现问题\n`);
    return;
  }
  io.stdout(`    版式（${name}）：${findings.length} 处问题\n`);
  for (const f of findings) {
    const page = f.page > 0 ? `第 ${f.page} 页` : "—";
    io.stdout(`      ${page} ${LAYOUT_RULE_NAMES[f.rule]}（${f.rule}）：${f.detail}\n`);
  }
}

function printCase(io: Io, result: CaseCheck, suiteFile: string, colour: boolean): void {
  printCaseStatus(io, result, suiteFile, colour);
  printLayout(io, result.name, result.layout);
}

function printCaseStatus(io: Io, result: CaseCheck, suiteFile: string, colour: boolean): void {
  const where = `${suiteFile}:${result.line}`;
  if (result.status === "same") {
    io.stdout(`  ✓ ${result.name}\n`);
    return;
  }
  if (result.status === "failed") {
    io.stdout(`  ✗ ${result.name}（${where}）：无法生成：${result.error}\n`);
    return;
  }
  if (result.status === "missing") {
    io.stdout(`  ✗ ${result.name}（${where}）：没有预期文件，请先运行 qiyue golden update\n`);
    return;
  }
  io.stdout(`  ✗ ${result.name}（${where}）：${result.differences.length} 个文件不同\n`);
  for (const d of result.differences) {
    io.stdout(`    ${d.file}：${CHANGE_WORDS[d.change]}${d.note === undefined ? "" : `。${d.note}`}\n`);
  }
  for (const d of result.differences) {
    const text = diffText(result.name, d, colour);
    if (text !== "") io.stdout(`\n${text}`);
  }
  io.stdout("\n");
}

function checkSummary(result: CheckResult): string {
  const count = (status: CaseCheck["status"]) => result.cases.filter((c) => c.status === status).length;
  const parts = [`${count("same")} 个一致`];
  if (count("different") > 0) parts.push(`${count("different")} 个不同`);
  if (count("missing") > 0) parts.push(`${count("missing")} 个没有预期文件`);
  if (count("failed") > 0) parts.push(`${count("failed")} 个无法生成`);
  const layout = result.cases.filter((c) => c.layout !== undefined);
  if (layout.length > 0) {
    const findings = layout.reduce((n, c) => n + c.layout!.length, 0);
    const documents = layout.filter((c) => c.layout!.length > 0).length;
    parts.push(findings === 0 ? "版式未发现问题" : `版式问题 ${findings} 处（${documents} 个文档）`);
  }
  return `${result.cases.length} 个用例：${parts.join("，")}`;
}

function orphanNote(io: Io, orphans: readonly string[]): void {
  if (orphans.length > 0) {
    io.stderr(`注意：以下目录不属于任何用例（用例已改名或删除？），qiyue 不会删除它们：${orphans.join("、")}\n`);
  }
}

/** Template errors stop check and update before anything is rendered. */
function printTemplateErrors(io: Io, issues: readonly TemplateIssue[]): void {
  for (const issue of issues) io.stdout(`${formatTemplateIssue({ ...issue, file: displayPath(io.cwd, issue.file) })}\n`);
  io.stdout(`\n模板有 ${issues.length} 个错误，未生成任何文档：请先修正（qiyue templates check 可单独检查模板）。\n`);
}

function checkJson(file: string, result: CheckResult) {
  return {
    suite: file,
    ok: result.ok,
    templateErrors: result.templateErrors,
    cases: result.cases.map((c) => ({
      name: c.name,
      line: c.line,
      status: c.status,
      ...(c.error !== undefined ? { error: c.error } : {}),
      differences: c.differences.map((d) => ({
        file: d.file,
        change: d.change,
        ...(d.note !== undefined ? { note: d.note } : {}),
        ...(d.expected !== undefined && d.actual !== undefined ? { diff: diffText(c.name, d, false) } : {}),
      })),
      ...(c.layout !== undefined ? { layout: c.layout } : {}),
    })),
    orphans: result.orphans,
  };
}

function printUpdate(io: Io, result: CaseUpdate, suiteFile: string): void {
  if (result.error !== undefined) {
    io.stdout(`  ✗ ${result.name}（${suiteFile}:${result.line}）：无法生成，预期文件未改动：${result.error}\n`);
    return;
  }
  const total = result.added.length + result.changed.length + result.removed.length;
  if (total === 0) {
    io.stdout(`  = ${result.name}：未变\n`);
    return;
  }
  const parts = [];
  if (result.changed.length > 0) parts.push(`改动 ${result.changed.length} 个`);
  if (result.added.length > 0) parts.push(`新增 ${result.added.length} 个`);
  if (result.removed.length > 0) parts.push(`删除 ${result.removed.length} 个`);
  io.stdout(`  * ${result.name}：${parts.join("，")}文件\n`);
  for (const f of result.changed) io.stdout(`      改动 ${f}\n`);
  for (const f of result.added) io.stdout(`      新增 ${f}\n`);
  for (const f of result.removed) io.stdout(`      删除 ${f}\n`);
}

function updateSummary(result: UpdateResult): string {
  const touched = result.cases.filter((c) => c.added.length + c.changed.length + c.removed.length > 0).length;
  const failed = result.cases.filter((c) => c.error !== undefined).length;
  return `${result.cases.length} 个用例：${touched} 个有改动，${result.cases.length - touched - failed} 个未变${failed > 0 ? `，${failed} 个无法生成` : ""}`;
}

function wantsColour(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "" && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTTY === true;
}

/** Runs one golden action and returns the exit code. */
export async function runGolden(request: GoldenRequest, io: Io): Promise<number> {
  if (request.action === "init") {
    const result = await initSuite({
      dir: request.dir,
      contracts: request.contracts,
      ...(request.templatesDir !== undefined ? { templatesDir: request.templatesDir } : {}),
    });
    if (request.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stdout(`已写出 ${shown(io, result.file)}：${result.cases} 个用例\n`);
      for (const s of result.skipped) io.stdout(`  未包含 ${s.template} × ${s.contract}：${s.reason}\n`);
      io.stdout(`下一步：qiyue golden update ${shown(io, request.dir)} 生成预期文件，审阅后提交\n`);
    }
    return ExitCode.ok;
  }
  const suite = await loadSuite(request.dir, {
    ...(request.templatesDir !== undefined ? { templatesDir: request.templatesDir } : {}),
    ...(request.root !== undefined ? { root: request.root } : {}),
  });
  const file = shown(io, suite.file);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (request.action === "check") {
    const colour = wantsColour(io);
    if (!request.json) io.stdout(`qiyue golden check ${file}：${suite.cases.length} 个用例\n`);
    const result = await checkSuite(suite, {
      images: request.images,
      layout: request.layout,
      ...(request.out !== undefined ? { out: request.out } : {}),
      ...(request.json ? {} : { onCase: (c: CaseCheck) => printCase(io, c, file, colour) }),
    });
    if (request.json) io.stdout(`${JSON.stringify(checkJson(suite.file, result), null, 2)}\n`);
    else if (result.templateErrors.length > 0) printTemplateErrors(io, result.templateErrors);
    else {
      io.stdout(`\n${checkSummary(result)}（用时 ${seconds()} 秒）\n`);
      if (result.cases.some((c) => c.status !== "same")) {
        io.stdout(
          `文档与预期不同。若改动是有意的，运行 qiyue golden update ${shown(io, suite.dir)}${request.images ? " --images" : ""}，在合并请求中审阅改动的文本文件后提交。\n`,
        );
      }
      if (result.cases.some((c) => (c.layout?.length ?? 0) > 0)) {
        io.stdout("PDF 有版式问题（见上，每处有页码）：请修正排版后重新检查。\n");
      }
    }
    orphanNote(io, result.orphans);
    return result.ok ? ExitCode.ok : ExitCode.failed;
  }
  if (!request.json) io.stdout(`qiyue golden update ${file}：${suite.cases.length} 个用例\n`);
  const result = await updateSuite(suite, {
    images: request.images,
    ...(request.json ? {} : { onCase: (c: CaseUpdate) => printUpdate(io, c, file) }),
  });
  if (request.json) io.stdout(`${JSON.stringify({ suite: suite.file, ...result }, null, 2)}\n`);
  else if (result.templateErrors.length > 0) printTemplateErrors(io, result.templateErrors);
  else io.stdout(`\n${updateSummary(result)}（用时 ${seconds()} 秒）\n`);
  orphanNote(io, result.orphans);
  return result.ok ? ExitCode.ok : ExitCode.failed;
}

/** Runs `qiyue golden` (see ../commands/golden.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  return runGolden(goldenRequest(argv, io), io);
}

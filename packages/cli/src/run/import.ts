import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Finding } from "@qiyue/contract-model";
import { type ImportFinding, type ImportResult, importContract, readSource, schemaReferenceFrom } from "@qiyue/import";
import { writeFilesAtomically } from "@qiyue/reports/write";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";
import { formatReports } from "./validate.js";

export interface ImportRequest {
  /** The contract file, as the user typed it (messages name it so). */
  file: string;
  /** Where the draft goes; undefined writes nothing (the caller prints it). */
  out?: string;
  /** The name the draft is known by in findings. */
  outName: string;
  force?: boolean;
}

export interface ImportRun {
  result: ImportResult;
  /** What the reader could read only in part. */
  warnings: readonly string[];
  /** The file written, when one was. */
  written?: string;
}

/** The draft's default place: beside the contract, same name, `.yaml` (合同.docx → 合同.yaml). */
export function defaultOut(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.yaml`);
}

/**
 * Reads the contract in `request.file` (cwd-relative names resolved by the caller), imports it
 * and, when `out` is given, writes the draft atomically: never over an existing file without
 * `force`, never over the contract itself. Unreadable input throws an ImportError (exit 2).
 */
export async function importFile(path: string, request: ImportRequest): Promise<ImportRun> {
  if (request.out !== undefined) await checkOutput(path, request.out, request.outName, request.force === true);
  const source = await readSource(path, { name: request.file });
  const schemaRef = request.out === undefined ? undefined : schemaReferenceFrom(dirname(resolve(request.out)));
  const result = importContract(source, { file: request.outName, ...(schemaRef !== undefined ? { schemaRef } : {}) });
  const run: ImportRun = { result, warnings: source.warnings ?? [] };
  if (request.out === undefined) return run;
  try {
    await writeFilesAtomically([{ path: request.out, bytes: result.yaml }], { durable: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExitError(ExitCode.badInput, `无法写入 ${request.outName}（${code ?? (e as Error).message}）`);
  }
  return { ...run, written: request.out };
}

/** The draft must not overwrite the contract, a folder, or (without --force) any file; its folder must exist. */
async function checkOutput(input: string, out: string, outName: string, force: boolean): Promise<void> {
  const target = await statOrUndefined(out);
  const source = await statOrUndefined(input);
  const same = resolve(out) === resolve(input) || (target !== undefined && source !== undefined && target.dev === source.dev && target.ino === source.ino);
  if (same) throw new ExitError(ExitCode.badInput, `草稿文件不能是合同文件本身：${outName}。请用 --out 另给一个文件名`);
  if (target?.isDirectory()) throw new ExitError(ExitCode.badInput, `${outName} 是一个目录，请用 --out 给出文件名`);
  if (target !== undefined && !force) throw new ExitError(ExitCode.badInput, `${outName} 已存在，未覆盖（要覆盖请加 --force，或用 --out 另给一个文件名）`);
  const parent = await statOrUndefined(dirname(resolve(out)));
  if (!parent?.isDirectory()) throw new ExitError(ExitCode.badInput, `草稿的目录不存在：${dirname(outName)}。qiyue 不会新建目录，请先创建它`);
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** A pipeline finding in the contract model's shape, so it prints as `qiyue validate` prints it. */
function asFinding(f: ImportFinding): Finding {
  const severity = f.severity === "error" || f.severity === "warning" ? f.severity : "info";
  return {
    code: f.code,
    severity,
    path: f.path ?? "",
    message: f.message,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
  };
}

/** The human report: what was written, the summary, the reader's notes, the findings of the draft. */
export function formatImport(run: ImportRun, outName: string): string {
  const { result } = run;
  const lines: string[] = [];
  const where = run.written === undefined ? "草稿" : `已写出 ${outName}`;
  lines.push(`${where}：找到 ${result.found} 项，待确认 ${result.toConfirm} 项`);
  for (const w of run.warnings) lines.push(`  注意：${w}`);
  lines.push("");
  if (result.findings.length > 0) lines.push(formatReports([{ file: outName, findings: result.findings.map(asFinding) }]).trimEnd(), "");
  return `${lines.join("\n")}`;
}

/** Runs `qiyue import` (see ../commands/import.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    out: { type: "string" },
    force: { type: "boolean" },
    json: { type: "boolean" },
    strict: { type: "boolean" },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw usageError("请给出合同文件：qiyue import <合同.txt|.md|.docx|.pdf>");
  if (extra.length > 0) throw usageError(`多余的参数：${extra.join(" ")}（一次导入一份合同）`);
  if (values.out === "") throw usageError("--out 需要一个文件名");
  const toStdout = values.out === "-";
  if (toStdout && values.json === true) throw usageError("--out - 与 --json 不能同时使用：两者都写到标准输出");
  const path = userPath(io.cwd, file);
  const out = toStdout ? undefined : values.out !== undefined ? userPath(io.cwd, values.out) : defaultOut(path);
  const outName = out === undefined ? file : displayPath(io.cwd, out);
  const done = await importFile(path, { file, outName, ...(out !== undefined ? { out } : {}), force: values.force === true });
  const { result } = done;
  if (values.json === true) {
    const json = {
      ...result.json,
      ...(done.written !== undefined ? { out: outName } : {}),
      summary: { found: result.found, toConfirm: result.toConfirm },
      warnings: done.warnings,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (toStdout) {
    io.stdout(result.yaml);
    io.stderr(formatImport(done, outName));
  } else {
    io.stdout(formatImport(done, outName));
  }
  return values.strict === true && result.toConfirm > 0 ? ExitCode.failed : ExitCode.ok;
}

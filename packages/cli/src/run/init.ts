import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Contract, ContractLoadError, isPlaceholderCode, parseContract, parseYaml, UserError } from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import { emitYaml } from "../init/emit.js";
import { blankContract, blankFrom } from "../init/tree.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";

/** Where the example contracts are when qiyue runs from its source repository (they are not in the published package). */
const EXAMPLES_DIR = fileURLToPath(new URL("../../../../examples/contracts/", import.meta.url));

/** The names of the example contracts reachable from this installation (none from a published package). */
export function exampleNames(): string[] {
  try {
    if (!statSync(EXAMPLES_DIR).isDirectory()) return [];
  } catch {
    return [];
  }
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** `--from`: a contract file, or the name of an example contract (pinggu-2026) where the examples are reachable. */
export function resolveFrom(from: string, cwd: string): string {
  const file = userPath(cwd, from);
  if (existsSync(file)) return file;
  if (/^[a-z0-9][a-z0-9-]*$/.test(from)) {
    const names = exampleNames();
    if (names.includes(from)) return join(EXAMPLES_DIR, `${from}.yaml`);
    const known = names.length > 0 ? `示例合同有：${names.join("、")}` : "这个安装中没有示例合同（示例只在 qiyue 的源码仓库中）";
    throw new ExitError(ExitCode.badInput, `--from ${from}：既不是已有的文件，也不是示例合同的名称；${known}`);
  }
  throw new ExitError(ExitCode.badInput, `--from ${from}：文件不存在`);
}

/** The JSON Schema shipped with @qiyue/contract-model, as a path relative to the contract's folder (or a file URL on another drive). */
export function schemaReference(outDir: string): string {
  const schema = createRequire(import.meta.url).resolve("@qiyue/contract-model/schema.json");
  const rel = relative(outDir, schema);
  if (isAbsolute(rel)) return pathToFileURL(schema).href;
  return rel.split(sep).join("/");
}

export interface InitRequest {
  /** A contract file to start from (its values blanked); none for a new contract from the schema. */
  from?: { file: string; source: string };
  /** The folder the contract is written to: the schema line is relative to it. */
  outDir: string;
}

/** The text of a new contract: the schema line, a short header, then every field with its comment. */
export function initText(request: InitRequest): string {
  let tree = blankContract();
  if (request.from) {
    const parsed = parseYaml(request.from.source, request.from.file);
    if ("issues" in parsed) throw new ContractLoadError(request.from.file, parsed.issues);
    if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
      throw new ContractLoadError(request.from.file, [{ code: "CONTRACT_INVALID", message: "不是合同：文件应为键值表（id、title、parties …）", file: request.from.file }]);
    }
    tree = blankFrom(parsed.data);
  }
  const meta = Contract.meta();
  const header = [
    `yaml-language-server: $schema=${schemaReference(request.outDir)}`,
    `${meta?.title ?? "qiyue 服务合同"}：${meta?.description ?? ""}`,
    request.from ? `以 ${basename(request.from.file)} 的结构起草，原值均已清空。` : "由 qiyue init 生成的空白合同。",
    "把每个【待填写：…】换成合同上的内容；注释掉的部分（# 开头）是可选的，用到时去掉 # 再填写。",
    "qiyue validate 列出尚未填写之处；qiyue schema 给出每个字段的完整说明。",
    "",
  ];
  return emitYaml(tree, header);
}

/**
 * Checks that a generated contract reads as a draft: its only problems are its placeholders.
 * Anything else is a bug in init, never the user's.
 */
export function checkDraft(text: string, file: string, from?: string): number {
  try {
    parseContract(text, file, { placeholders: "allow" });
    return 0;
  } catch (e) {
    if (!(e instanceof ContractLoadError)) throw e;
    const other = e.issues.find((i) => !isPlaceholderCode(i.code));
    if (!other) return e.issues.length;
    const what = `${other.path ?? ""} ${other.message} [${other.code}]`;
    // a contract to start from whose shape the schema does not allow is the user's to fix
    if (from !== undefined) throw new UserError("INIT_FROM_INVALID", `${from} 的结构不是合同模型允许的：${what}；请先用 qiyue validate ${from} 检查`);
    throw new Error(`init 生成的合同有占位符以外的问题：${what}`);
  }
}

/** Writes `text` to `out` whole or not at all; without `force`, never over an existing file (even one created meanwhile). */
export async function writeNew(out: string, text: string, force: boolean): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temp, text, { flag: "wx" });
  try {
    if (force) await rename(temp, out);
    else await link(temp, out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw existsError(out);
    throw e;
  } finally {
    await rm(temp, { force: true });
  }
}

function existsError(out: string): UserError {
  return new UserError("OUTPUT_EXISTS", `${out} 已存在：不会覆盖（要覆盖请加 --force，或用 --out 另给文件名）`);
}

/** Runs `qiyue init` (see ../commands/init.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, { from: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } });
  if (positionals.length > 0) throw usageError(`init 不接受位置参数（${positionals.join(" ")}）；起草的依据用 --from 给出，输出文件用 --out`);
  const toStdout = values.out === "-";
  const out = userPath(io.cwd, values.out ?? "contract.yaml");
  const fromFile = values.from === undefined ? undefined : resolveFrom(values.from, io.cwd);
  const from = fromFile === undefined ? undefined : { file: fromFile, source: await readFile(fromFile, "utf8") };
  if (!toStdout) {
    if (existsSync(out) && statSync(out).isDirectory()) throw new ExitError(ExitCode.badInput, `${displayPath(io.cwd, out)} 是一个目录，请给出文件名`);
    if (existsSync(out) && !values.force) throw existsError(displayPath(io.cwd, out));
    if (!existsSync(dirname(out))) throw new ExitError(ExitCode.badInput, `目录不存在：${displayPath(io.cwd, dirname(out))}`);
  }
  const text = initText({ ...(from ? { from } : {}), outDir: toStdout ? io.cwd : dirname(out) });
  const count = checkDraft(text, toStdout ? "contract.yaml" : out, from === undefined ? undefined : displayPath(io.cwd, from.file));
  if (toStdout) {
    io.stdout(text);
    return ExitCode.ok;
  }
  await writeNew(out, text, values.force === true);
  const shown = displayPath(io.cwd, out);
  io.stdout(`已写出 ${shown}：${count} 处待填写。填写后运行 qiyue validate ${shown} 检查。\n`);
  return ExitCode.ok;
}

import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { readHeaderRow, starterMapping } from "@qiyue/hotline";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";

/** A starter mapping for an export (`qiyue mapping init`): its text, from the export's header row. */
export async function mappingInit(file: string, displayName: string): Promise<string> {
  const { row, headers } = await readHeaderRow(file, { displayName });
  return starterMapping(headers, { file: displayName, row });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Runs `qiyue mapping` (see ../commands/mapping.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, { out: { type: "string" }, force: { type: "boolean" } });
  const [action, exportFile, ...extra] = positionals;
  if (action !== "init") throw usageError(action === undefined ? "请给出子命令：qiyue mapping init <工单导出文件>" : `未知的子命令：${action}（可用：init）`);
  if (exportFile === undefined) throw usageError("请给出工单导出文件：qiyue mapping init <工单.csv|xlsx>");
  if (extra.length > 0) throw usageError(`多余的参数：${extra.join(" ")}`);
  const text = await mappingInit(userPath(io.cwd, exportFile), exportFile);
  if (values.out === "-") {
    io.stdout(text);
    return ExitCode.ok;
  }
  const out = userPath(io.cwd, values.out ?? "列名映射.yaml");
  if (values.force !== true && (await exists(out))) {
    throw new ExitError(ExitCode.badInput, `${displayPath(io.cwd, out)} 已存在，未覆盖（要覆盖请加 --force）`);
  }
  // Written beside the target and renamed: a reader never sees half a file.
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  io.stdout(`${displayPath(io.cwd, out)}\n`);
  return ExitCode.ok;
}

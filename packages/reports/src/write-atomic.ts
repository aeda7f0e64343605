import { copyFile, link, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface OutputFile {
  path: string;
  bytes: Uint8Array | string;
}

export interface WriteOptions {
  /** Flush each file to the disk before it is renamed into place (a file the user edits by hand, not a document). */
  durable?: boolean;
}

let counter = 0;

/**
 * A temporary file qiyue writes beside `path`: `.NAME.qiyue-PID-N.tmp`, recognisable, so that a
 * run killed before it could remove its own is cleaned up by the next run into the folder.
 */
function tempPath(path: string, kind = "tmp"): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.qiyue-${process.pid}-${counter}.${kind}`);
}

/** `.NAME.qiyue-PID-N.tmp` (and `.bak`), and the older `.NAME.PID-N.tmp`: the pid that wrote it. */
const TEMP_NAME = /^\.(.+)\.(?:qiyue-)?(\d+)-[0-9a-f]+\.(?:tmp|bak)$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what earlier runs left in `dir` when they were killed: qiyue's temporary files whose
 * process is gone. A file of the older naming (without `qiyue-`) is removed only when it is the
 * temporary of a file this run writes (`names`), so no other program's file is touched.
 */
async function removeStranded(dir: string, names: ReadonlySet<string>): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const m = TEMP_NAME.exec(entry);
      if (m === null || isRunning(Number(m[2]))) return;
      if (!entry.includes(".qiyue-") && !names.has(m[1]!)) return;
      await rm(join(dir, entry), { force: true }).catch(() => {});
    }),
  );
}

/** A file-system error about `path` (the file the user asked for), never about a temporary name. */
function aboutTarget(e: unknown, path: string): unknown {
  if (!(e instanceof Error) || (e as NodeJS.ErrnoException).code === undefined) return e;
  const err = e as NodeJS.ErrnoException;
  const out = new Error(`${err.code}: ${path}`, { cause: e }) as NodeJS.ErrnoException;
  out.code = err.code;
  out.path = path;
  if (err.syscall !== undefined) out.syscall = err.syscall;
  if (err.errno !== undefined) out.errno = err.errno;
  return out;
}

async function writeTemp(temp: string, bytes: Uint8Array | string, durable: boolean): Promise<void> {
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(bytes);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

async function kindOf(path: string): Promise<"missing" | "file" | "directory"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "file";
  } catch {
    return "missing";
  }
}

/**
 * Writes every file or none. Each goes to a temporary file in its own directory first; when all
 * are written, a target that is a directory fails the whole write, and the files are renamed
 * into place (a rename within one directory is atomic), the files they replace kept under a
 * second name until every rename has succeeded, and put back if one fails. On any failure the temporary files are
 * removed; no file is ever left half written, and the error names the target, not a temporary
 * file. Temporary files a killed run left in the folders written are removed first.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<string[]> {
  const dirs = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = dirname(file.path);
    if (!dirs.has(dir)) dirs.set(dir, new Set());
    dirs.get(dir)!.add(basename(file.path));
  }
  const temps: { temp: string; path: string }[] = [];
  const replaced: { path: string; backup: string }[] = [];
  const renamed: string[] = [];
  let current = files[0]?.path ?? "";
  try {
    for (const [dir, names] of dirs) {
      current = dir;
      await mkdir(dir, { recursive: true });
      await removeStranded(dir, names);
    }
    for (const file of files) {
      current = file.path;
      if ((await kindOf(file.path)) === "directory") {
        throw Object.assign(new Error(`EISDIR: ${file.path}`), { code: "EISDIR", path: file.path });
      }
      const temp = tempPath(file.path);
      temps.push({ temp, path: file.path });
      await writeTemp(temp, file.bytes, options.durable === true);
    }
    for (const { path } of temps) {
      current = path;
      if ((await kindOf(path)) !== "file") continue;
      // a second name for the file being replaced, which stays in place until renamed over
      const backup = tempPath(path, "bak");
      await link(path, backup).catch(() => copyFile(path, backup));
      replaced.push({ path, backup });
    }
    for (const { temp, path } of temps) {
      current = path;
      await rename(temp, path);
      renamed.push(path);
    }
  } catch (e) {
    // put back what was there: the old files in, the new ones out
    for (const path of renamed) {
      const old = replaced.find((r) => r.path === path);
      if (old !== undefined) await rename(old.backup, path).catch(() => {});
      else await rm(path, { force: true }).catch(() => {});
    }
    await Promise.all(replaced.map(({ backup }) => rm(backup, { force: true })));
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw aboutTarget(e, current);
  }
  await Promise.all(replaced.map(({ backup }) => rm(backup, { force: true })));
  return temps.map(({ path }) => path);
}

import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface OutputFile {
  path: string;
  bytes: Uint8Array | string;
}

let counter = 0;

function tempPath(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}-${counter}.tmp`);
}

/**
 * Writes every file or none: each goes to a temporary file in its own directory first, and
 * only when all are written are they renamed into place (a rename within one directory is
 * atomic). On any failure the temporary files are removed; no file is ever left half written.
 */
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<string[]> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = tempPath(file.path);
      temps.push({ temp, path: file.path });
      await writeFile(temp, file.bytes, { flag: "wx" });
    }
    for (const { temp, path } of temps) await rename(temp, path);
  } catch (e) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw e;
  }
  return temps.map(({ path }) => path);
}

import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every file under a case's folder, by path relative to it with `/` separators. Names starting
 * with a dot are left out (temporary files of an interrupted write, `.DS_Store`), except the
 * DOCX relationship parts (`_rels/.rels`).
 * Undefined when the folder does not exist.
 */
export async function readExpected(dir: string): Promise<Map<string, Uint8Array> | undefined> {
  if (!existsSync(dir)) return undefined;
  const out = new Map<string, Uint8Array>();
  async function walk(folder: string, prefix: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".") && entry.name !== ".rels") continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) out.set(`${prefix}${entry.name}`, await readFile(path));
    }
  }
  await walk(dir, "");
  return out;
}

import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { HASHES_FILE, MARKDOWN_FILE } from "./snapshot.js";
import type { GoldenSuite } from "./suite.js";

/**
 * Folders of expected files that no case names any more (a case renamed or removed). They are
 * reported, never deleted: only a person removes files outside the cases' own folders.
 */
export async function orphanFolders(suite: GoldenSuite): Promise<string[]> {
  const names = new Set(suite.cases.map((c) => c.name.toLowerCase()));
  const entries = await readdir(suite.dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !names.has(e.name.toLowerCase()))
    .filter((e) => existsSync(join(suite.dir, e.name, HASHES_FILE)) || existsSync(join(suite.dir, e.name, MARKDOWN_FILE)))
    .map((e) => e.name)
    .sort();
}

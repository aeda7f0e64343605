import { existsSync } from "node:fs";
import { readdir, rm, rmdir } from "node:fs/promises";
import { join, sep } from "node:path";
import { writeFilesAtomically } from "@qiyue/reports";
import type { TemplateIssue } from "@qiyue/templating";
import { suiteTemplateErrors } from "./check.js";
import { compareImageBytes } from "./images.js";
import { readExpected } from "./expected.js";
import { orphanFolders } from "./orphans.js";
import { runCases } from "./run-cases.js";
import type { GoldenSuite } from "./suite.js";

export interface CaseUpdate {
  name: string;
  line: number;
  added: string[];
  changed: string[];
  removed: string[];
  error?: string;
}

export interface UpdateOptions {
  /** Store page images (images/page-001.png…); a case that already has them keeps them up to date. */
  images?: boolean;
  onCase?: (result: CaseUpdate) => void;
}

export interface UpdateResult {
  /** Errors in the suite's templates; when there are any, no expected file was touched. */
  templateErrors: TemplateIssue[];
  cases: CaseUpdate[];
  orphans: string[];
  /** Every case was rendered (a case that failed keeps its old files). */
  ok: boolean;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

async function removeEmptyFolders(dir: string, root: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await removeEmptyFolders(join(dir, entry.name), root);
  }
  if (dir !== root && (await readdir(dir)).length === 0) await rmdir(dir);
}

/**
 * Checks the suite's templates (nothing is written when one has errors), then renders every
 * case and rewrites its expected files in DIR/<case>/: changed and new files
 * are written atomically (all of a case's files, or none), files the case no longer produces
 * are removed — only inside DIR/<case>/, never anywhere else. A page image that differs only
 * within the comparison's tolerance keeps its old bytes, so the history stays quiet.
 */
export async function updateSuite(suite: GoldenSuite, options: UpdateOptions = {}): Promise<UpdateResult> {
  const templateErrors = await suiteTemplateErrors(suite);
  if (templateErrors.length > 0) return { templateErrors, cases: [], orphans: [], ok: false };
  const cases: CaseUpdate[] = [];
  const hasImages = (name: string) => existsSync(join(suite.dir, name, "images"));
  for await (const outcome of runCases(suite, (c) => options.images === true || hasImages(c.name))) {
    const { name, line } = outcome.case;
    const result: CaseUpdate = { name, line, added: [], changed: [], removed: [] };
    if (!outcome.ok) {
      result.error = outcome.error;
    } else {
      const dir = join(suite.dir, name);
      const expected = (await readExpected(dir)) ?? new Map<string, Uint8Array>();
      const writes: { path: string; bytes: string | Uint8Array }[] = [];
      for (const [path, data] of outcome.files) {
        const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        const old = expected.get(path);
        if (old !== undefined && equalBytes(old, bytes)) continue;
        if (old !== undefined && path.endsWith(".png") && compareImageBytes(old, bytes).same) continue;
        (old === undefined ? result.added : result.changed).push(path);
        writes.push({ path: join(dir, ...path.split("/")), bytes });
      }
      await writeFilesAtomically(writes);
      for (const path of expected.keys()) {
        if (outcome.files.has(path)) continue;
        const file = join(dir, ...path.split("/"));
        if (!file.startsWith(dir + sep)) continue;
        await rm(file, { force: true });
        result.removed.push(path);
      }
      if (result.removed.length > 0) await removeEmptyFolders(dir, dir);
    }
    cases.push(result);
    options.onCase?.(result);
  }
  return { templateErrors, cases, orphans: await orphanFolders(suite), ok: cases.every((c) => c.error === undefined) };
}

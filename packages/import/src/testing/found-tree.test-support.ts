/**
 * Test support: what an extractor found, put back together as the YAML it would write (each
 * found path set in one object), so that a part of it can be compared with the hand-made model.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Extraction, Extractor } from "../extract/types.js";
import { textSource as readText } from "../source/text-file.js";
import type { SourceText } from "../source/types.js";
import { stubClause } from "./extract-check.test-support.js";
import { REPO } from "./seeds.test-support.js";
import { parseYaml } from "@qiyue/contract-model";

/** The found values under `prefix`, set into one object at their paths (the prefix taken off). */
export function treeOf(x: Extraction, ...prefix: (string | number)[]): unknown {
  let root: unknown;
  for (const f of x.found) {
    if (f.path.length <= prefix.length - 1 || !prefix.every((p, i) => f.path[i] === p)) continue;
    const rest = f.path.slice(prefix.length);
    if (rest.length === 0) return f.value;
    if (root === undefined) root = typeof rest[0] === "number" ? [] : {};
    let at = root as Record<string | number, unknown>;
    for (const [i, key] of rest.entries()) {
      if (i === rest.length - 1) at[key] = f.value;
      else {
        const next = rest[i + 1];
        if (at[key] === undefined) at[key] = typeof next === "number" ? [] : {};
        at = at[key] as Record<string | number, unknown>;
      }
    }
  }
  return root;
}

/** A contract of our own under examples/import/other/, read by the reader of its format. */
export function otherSource(file: string): SourceText {
  const bytes = readFileSync(join(REPO, "examples", "import", "other", file));
  return readText(bytes, file, file.endsWith(".md") ? "md" : "txt");
}

/** The hand-written expectations for a contract of our own (a part of a contract YAML). */
export function otherExpected(file: string): Record<string, unknown> {
  const path = join(REPO, "examples", "import", "other", file);
  const parsed = parseYaml(readFileSync(path, "utf8"), path);
  if ("issues" in parsed) throw new Error(`${path}: ${parsed.issues.map((i) => i.message).join("; ")}`);
  return parsed.data as Record<string, unknown>;
}

export function runOnOther(extractor: Extractor, file: string): Extraction {
  return extractor({ source: otherSource(file), clauseAt: stubClause });
}

/** Every leaf of a value as "path = value", arrays indexed, nothing normalised. */
export function leafMap(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leafMap(v, `${path}[${i}]`, out);
  }
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) leafMap(v, path === "" ? k : `${path}.${k}`, out);
  else if (value !== undefined) out.set(path, typeof value === "string" ? value : JSON.stringify(value));
  return out;
}

/** Where a found tree and the expected one differ, leaf by leaf, exactly (leaves under `skip` keys left out). */
export function leafDiff(expected: unknown, actual: unknown, skip: readonly string[] = []): { wrong: string[]; missing: string[]; extra: string[] } {
  const keep = (k: string) => !skip.some((s) => k === s || k.startsWith(`${s}.`) || k.startsWith(`${s}[`));
  const e = leafMap(expected);
  const a = leafMap(actual);
  const wrong: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [k, v] of e) {
    if (!keep(k)) continue;
    const got = a.get(k);
    if (got === undefined) missing.push(k);
    else if (got !== v) wrong.push(`${k}: 应为 ${v}，实为 ${got}`);
  }
  for (const [k, v] of a) if (keep(k) && !e.has(k)) extra.push(`${k} = ${v}`);
  return { wrong, missing, extra };
}

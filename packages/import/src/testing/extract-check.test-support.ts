/**
 * Test support for the extractors of fees, term, payments, service levels, deliverables and
 * penalties: run one on a seed or on a few lines, load the hand-made model of a seed through
 * @qiyue/contract-model, and compare what an extractor found with what the model says, leaf by
 * leaf, as values (money in 分, shares exactly). The clause outline is stubbed: a line's clause is
 * "L<line>", so a test can tell the clause came from the context.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Contract, parseContract } from "@qiyue/contract-model";
import type { Extraction, Extractor, FoundField } from "../extract/types.js";
import { outlineOf } from "../source/outline.js";
import { REPO, type SeedId, seedSource, textSource } from "./seeds.test-support.js";

/** The clause a stubbed outline gives a line. */
export const stubClause = (line: number): string => `L${line}`;

export function runOnSeed(extractor: Extractor, id: SeedId): Extraction {
  return extractor({ source: seedSource(id), clauseAt: stubClause });
}

/** The same with the real clause outline, for rules that weigh clauses against each other. */
export function runOnSeedOutlined(extractor: Extractor, id: SeedId): Extraction {
  const source = seedSource(id);
  return extractor({ source, clauseAt: outlineOf(source).clauseAt });
}

export function runOnText(extractor: Extractor, text: string): Extraction {
  return extractor({ source: textSource(text), clauseAt: stubClause });
}

/** The hand-made model of a seed, loaded and checked by @qiyue/contract-model. */
export function modelOf(id: SeedId): Contract {
  const file = join(REPO, "examples", "contracts", `${id}.yaml`);
  return parseContract(readFileSync(file, "utf8"), `${id}.yaml`).contract;
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The value found at a path, if any. */
export function foundAt(x: Extraction, ...path: (string | number)[]): FoundField | undefined {
  return x.found.find((f) => samePath(f.path, path));
}

/** The values found under a list path (["penalties"] → every ["penalties", i]), in order. */
export function listAt(x: Extraction, ...path: string[]): unknown[] {
  return x.found
    .filter((f) => f.path.length === path.length + 1 && samePath(f.path.slice(0, -1), path) && typeof f.path.at(-1) === "number")
    .map((f) => f.value);
}

export function reasonsAt(x: Extraction, ...path: (string | number)[]): string[] {
  return x.toConfirm.filter((t) => samePath(t.path.slice(0, path.length), path)).map((t) => t.reason);
}

/** Keys that are verbatim words, modeller's names or outline numbers: not compared. */
const NOT_COMPARED = new Set(["text", "clause", "id", "title", "label", "penaltyClause"]);

export type Leaf = [path: string, value: string];

/** A value's leaves, by path, as comparable strings (text, clause, id and label left out). */
export function leaves(value: unknown, path = ""): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (NOT_COMPARED.has(k) ? [] : leaves(v, path === "" ? k : `${path}.${k}`)));
  }
  if (value === undefined) return [];
  return [[path, typeof value === "string" ? value.replace(/\s+/g, "") : JSON.stringify(value)]];
}

export interface LeafComparison {
  same: string[];
  /** Present in both, different: a wrong value. */
  wrong: string[];
  /** Found, but the model has nothing there: also wrong. */
  extra: string[];
  /** In the model, not found. */
  missing: string[];
}

/** Compares two values (already parsed through the same schema) leaf by leaf. */
export function compareLeaves(expected: unknown, actual: unknown): LeafComparison {
  const e = new Map(leaves(expected));
  const a = new Map(leaves(actual));
  const out: LeafComparison = { same: [], wrong: [], extra: [], missing: [] };
  for (const [k, v] of e) {
    const got = a.get(k);
    if (got === undefined) out.missing.push(k);
    else if (got === v) out.same.push(k);
    else out.wrong.push(`${k}: 应为 ${v}，实为 ${got}`);
  }
  for (const [k, v] of a) if (!e.has(k)) out.extra.push(`${k} = ${v}`);
  return out;
}

/**
 * Pairs found items with the model's, in order, each found item with the first unpaired model
 * item after the last pairing whose `key` agrees; returns the pairs and the unpaired found items.
 */
export function pairInOrder<E, A>(expected: E[], actual: A[], key: (x: E | A) => string): { pairs: [E, A][]; unpaired: A[] } {
  const pairs: [E, A][] = [];
  const unpaired: A[] = [];
  let from = 0;
  for (const a of actual) {
    const k = expected.findIndex((e, i) => i >= from && key(e) === key(a));
    if (k < 0) unpaired.push(a);
    else {
      pairs.push([expected[k]!, a]);
      from = k + 1;
    }
  }
  return { pairs, unpaired };
}

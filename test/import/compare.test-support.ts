/**
 * Compares an imported draft with the hand-made model of the same contract, field by field over
 * the model's leaves. Each leaf of the model is same, wrong, to-confirm (the draft has a
 * placeholder there or above it) or missing. Values are compared as what they mean: money in 分,
 * percentages exactly, verbatim text without whitespace and with full- and half-width forms alike.
 */
import { parsePercent, parseYuan, tryFormatClause } from "@qiyue/contract-model";

export type Path = (string | number)[];
export type Verdict = "same" | "wrong" | "to-confirm" | "missing";

export interface LeafResult {
  path: string;
  verdict: Verdict;
  important: boolean;
  expected: unknown;
  actual?: unknown;
}

export interface Comparison {
  id: string;
  leaves: LeafResult[];
}

/** Keys whose values are not the contract's own words or figures, or are compared elsewhere. */
const SKIPPED_KEYS = new Set([
  "$schema",
  "text", // verbatim paragraphs: the body holds them
  "body",
  "notes", // the modeller's remarks
  "lines", // signature lines as printed: the body's signature page holds them
  "approval", // the client's approval chain: not in the contract
  "sources", // the cited law behind renewal caps: the modeller's
]);

/** Leaves that are the modeller's names for things, not printed: ids of service levels and deliverables, penalty titles. */
function isCommentary(path: Path): boolean {
  const [top] = path;
  const last = path.at(-1);
  if (path.length === 1 && top === "id") return true;
  if ((top === "serviceLevels" || top === "deliverables") && last === "id" && path.length === 3) return true;
  if (top === "penalties" && last === "title" && path.length === 3) return true;
  return false;
}

/** The fields documents are made from: parties (with the bank), the total, the term, the installments, penalties, signing. */
export function isImportant(path: Path): boolean {
  const [a, b] = path;
  return (
    a === "parties" ||
    a === "term" ||
    a === "penalties" ||
    a === "signing" ||
    (a === "fees" && b === "total") ||
    (a === "payments" && b === "installments")
  );
}

const MONEY_KEYS = new Set(["amount", "budget"]);
const PERCENT_KEYS = new Set(["rate", "share", "upTo", "min", "max", "target", "taxRate", "maxIncrease", "statedShare"]);
/** Clause ids: the models write one clause several ways ("第三条", "三"; "三.(二).5", "三(二)5"); their house form is one. */
const CLAUSE_KEYS = new Set(["clause", "penaltyClause"]);

export function isPlaceholder(v: unknown): boolean {
  return typeof v === "string" && /^【待(确认|填写)/.test(v);
}

/** Verbatim text as compared: no whitespace or Markdown escapes, full-width forms as half-width, one kind of quote. */
export function normaliseText(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/\\([*_#\\[\]()`-])/g, "$1")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’′]/g, "'")
    .replace(/[。｡]/g, ".")
    .replace(/[、]/g, ",")
    .replace(/[—–－]/g, "-")
    .replace(/\s+/g, "");
}

/** A value as compared, by the key it sits under. */
export function normalise(key: string | number | undefined, v: unknown): string {
  if (typeof key === "string" && MONEY_KEYS.has(key) && (typeof v === "number" || typeof v === "string")) {
    const r = parseYuan(v as never);
    if (r.ok) return `fen:${r.value}`;
  }
  if (typeof key === "string" && PERCENT_KEYS.has(key) && typeof v === "string") {
    const r = parsePercent(v as never);
    if (r.ok) return `ppm:${r.value}`;
  }
  if (typeof key === "string" && CLAUSE_KEYS.has(key) && typeof v === "string") {
    const house = tryFormatClause(v);
    if (house !== undefined) return `clause:${house}`;
  }
  if (typeof v === "string") return normaliseText(v);
  return JSON.stringify(v) ?? "undefined";
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Every leaf of a value that the comparison looks at, with its path. */
export function leavesOf(value: unknown, path: Path = [], out: [Path, unknown][] = []): [Path, unknown][] {
  const key = path.at(-1);
  if (typeof key === "string" && SKIPPED_KEYS.has(key)) return out;
  if (isCommentary(path)) return out;
  if (Array.isArray(value)) for (const [i, v] of value.entries()) leavesOf(v, [...path, i], out);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) leavesOf(v, [...path, k], out);
  else if (value !== null && value !== undefined) out.push([path, value]);
  return out;
}

/** How many leaves of two values agree (to pair the items of two lists). */
function agreement(a: unknown, b: unknown): number {
  const theirs = new Map(leavesOf(b).map(([p, v]) => [JSON.stringify(p), normalise(p.at(-1), v)]));
  return leavesOf(a).filter(([p, v]) => theirs.get(JSON.stringify(p)) === normalise(p.at(-1), v)).length;
}

/**
 * The draft's items paired with the model's, for a list of objects: each model item takes the
 * unpaired draft item it agrees with most (ties to the earlier), so a list found in another order
 * is still compared item by item.
 */
function pairItems(expected: unknown[], actual: unknown[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  const scores: [number, number, number][] = [];
  expected.forEach((e, i) => {
    actual.forEach((a, j) => {
      scores.push([agreement(e, a), i, j]);
    });
  });
  scores.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [score, i, j] of scores) {
    if (score === 0 || pairs.has(i) || used.has(j)) continue;
    pairs.set(i, j);
    used.add(j);
  }
  return pairs;
}

type Lookup = { kind: "value"; value: unknown } | { kind: "placeholder"; value: string } | { kind: "absent" };

/** The draft's value at a model path, following list pairings; a placeholder on the way counts. */
function lookup(expectedRoot: unknown, actualRoot: unknown, path: Path): Lookup {
  let e: unknown = expectedRoot;
  let a: unknown = actualRoot;
  for (const key of path) {
    if (isPlaceholder(a)) return { kind: "placeholder", value: a as string };
    if (typeof key === "number") {
      if (!Array.isArray(e) || !Array.isArray(a)) return { kind: "absent" };
      const item = e[key];
      let j: number | undefined;
      if (isRecord(item)) j = pairItems(e, a).get(key);
      else {
        // a list of words (requirements, markings): the same word anywhere in the draft's list
        const want = normalise(undefined, item);
        const k = a.findIndex((x) => normalise(undefined, x) === want);
        j = k >= 0 ? k : undefined;
      }
      if (j === undefined) return { kind: "absent" };
      e = item;
      a = a[j];
    } else {
      if (!isRecord(e) || !isRecord(a)) return { kind: "absent" };
      e = e[key];
      a = a[key];
    }
  }
  if (a === undefined || a === null) return { kind: "absent" };
  if (isPlaceholder(a)) return { kind: "placeholder", value: a as string };
  return { kind: "value", value: a };
}

/** Keys that name a thing: where the contract does not print the name, the modeller gave it. */
const NAME_KEYS = new Set(["label", "title", "name", "category"]);

/**
 * Compares a draft with the hand-made model, leaf by leaf of the model. Given the contract's
 * text, a name the model gives that the text does not print (an installment's label “月度服务费”)
 * is the modeller's, and is not compared.
 */
export function compare(id: string, expected: unknown, actual: unknown, printed?: string): Comparison {
  const text = printed === undefined ? undefined : normaliseText(printed);
  const modellers = ([path, value]: [Path, unknown]) =>
    text !== undefined && typeof value === "string" && NAME_KEYS.has(String(path.at(-1))) && !text.includes(normaliseText(value));
  const verdict = ([path, value]: [Path, unknown]): LeafResult => {
    const found = lookup(expected, actual, path);
    const base = { path: formatPath(path), important: isImportant(path), expected: value };
    if (found.kind === "absent") return { ...base, verdict: "missing" };
    if (found.kind === "placeholder") return { ...base, verdict: "to-confirm", actual: found.value };
    const key = path.at(-1);
    const same = normalise(key, found.value) === normalise(key, value) || clauseWithin(key, found.value, value);
    return { ...base, verdict: same ? "same" : "wrong", actual: found.value };
  };
  const leaves = leavesOf(expected)
    .filter((leaf) => !modellers(leaf))
    .map(verdict);
  return { id, leaves };
}

/**
 * A clause the draft names more closely than the model, inside the model's (1.3 2) for 1.3): the
 * models sometimes file a sentence under the clause that holds it. Not a contradiction.
 */
function clauseWithin(key: string | number | undefined, actual: unknown, expected: unknown): boolean {
  if (typeof key !== "string" || !CLAUSE_KEYS.has(key) || typeof actual !== "string" || typeof expected !== "string") return false;
  const inner = tryFormatClause(actual);
  const outer = tryFormatClause(expected);
  if (inner === undefined || outer === undefined) return false;
  const prefix = outer.replace(/[条款项目]$/, "");
  // 第1.3条第2项 lies in 第1.3条; 第1.31条 and 第二十条 do not lie in 第1.3条 and 第二条
  return inner.startsWith(prefix) && !/^[\d.一二三四五六七八九十百零〇]/.test(inner.slice(prefix.length));
}

export function formatPath(path: Path): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

export interface Tally {
  fields: number;
  same: number;
  wrong: number;
  toConfirm: number;
  missing: number;
}

export function tally(leaves: readonly LeafResult[]): Tally {
  const count = (v: Verdict) => leaves.filter((l) => l.verdict === v).length;
  return { fields: leaves.length, same: count("same"), wrong: count("wrong"), toConfirm: count("to-confirm"), missing: count("missing") };
}

/** The share of fields found right, as a whole percentage. */
export function foundShare(t: Tally): number {
  return t.fields === 0 ? 0 : Math.floor((t.same * 100) / t.fields);
}

/** The per-contract table: every field of the model, and the important ones. */
export function comparisonTable(comparisons: readonly Comparison[]): string {
  const head = "| contract | fields | same | wrong | to-confirm | missing | found | important: fields | same | wrong | to-confirm | missing | found |";
  const rule = `|${" --- |".repeat(13)}`;
  const row = (c: Comparison) => {
    const all = tally(c.leaves);
    const imp = tally(c.leaves.filter((l) => l.important));
    const cells = (t: Tally) => [t.fields, t.same, t.wrong, t.toConfirm, t.missing, `${foundShare(t)} %`];
    return `| ${c.id} | ${[...cells(all), ...cells(imp)].join(" | ")} |`;
  };
  const total = { id: "all", leaves: comparisons.flatMap((c) => c.leaves) };
  return [head, rule, ...comparisons.map(row), row(total)].join("\n");
}

/** The wrong leaves, one a line, for a reader to see what went wrong. */
export function wrongLines(c: Comparison): string[] {
  return c.leaves
    .filter((l) => l.verdict === "wrong")
    .map((l) => `${c.id} ${l.path}${l.important ? " (important)" : ""}: model ${JSON.stringify(l.expected)}, draft ${JSON.stringify(l.actual)}`);
}

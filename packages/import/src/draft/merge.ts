/**
 * Combines what the extractors found into one value per path. The same value found twice keeps
 * its surest reading; two different values at one path are not chosen between: the path becomes
 * a 【待确认】 that cites both lines. A value is never guessed.
 */
import type { Confidence, Extraction, FoundField, SourceRef, ToConfirm } from "../extract/types.js";

export type Path = readonly (string | number)[];

export interface Merged {
  /** One value per path, no path inside another's value, in path order. */
  found: FoundField[];
  /** One entry per path, reasons of the same path joined, in path order. */
  toConfirm: ToConfirm[];
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** A stable text for a value: object keys sorted, so that equal values compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/** Orders paths key by key, numbers as numbers, a path before the paths inside it. */
export function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Whether `inner` lies strictly inside `outer`. */
export function isInside(inner: Path, outer: Path): boolean {
  return inner.length > outer.length && outer.every((k, i) => inner[i] === k);
}

/** The value at `path` inside a plain value, if there is one. */
function valueIn(value: unknown, path: Path): { value: unknown } | undefined {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    const next = (v as Record<string | number, unknown>)[key];
    if (next === undefined) return undefined;
    v = next;
  }
  return { value: v };
}

function quote(ref: SourceRef): string {
  return `第 ${ref.line} 行“${ref.excerpt}”`;
}

/** The reason of a conflict: "两处不一致：第 12 行“…” / 第 40 行“…”". */
export function conflictReason(refs: readonly SourceRef[]): string {
  const count = refs.length === 2 ? "两" : String(refs.length);
  return `${count}处不一致：${refs.map(quote).join(" / ")}`;
}

function bySource(a: FoundField, b: FoundField): number {
  return RANK[a.confidence] - RANK[b.confidence] || a.source.line - b.source.line || a.source.excerpt.localeCompare(b.source.excerpt);
}

/**
 * Merges extractions (in extractor order). Same path and same value: the surest reading (then the
 * earliest line) is kept. Same path and different values: a ToConfirm citing each reading. A value
 * inside another found value (an installment's basis beside the whole installment) is kept only
 * where it adds to it; where it disagrees, that inner path is to confirm. A ToConfirm that saw
 * something (it has a source) outranks a found value at its path; one that only says nothing was
 * found gives way to a value someone found.
 */
export function mergeExtractions(extractions: readonly Extraction[]): Merged {
  const groups = new Map<string, FoundField[]>();
  for (const e of extractions) {
    for (const f of e.found) {
      const key = pathKey(f.path);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [f]);
      else group.push(f);
    }
  }

  const confirm = new Map<string, ToConfirm>();
  const addConfirm = (t: ToConfirm) => {
    const key = pathKey(t.path);
    const had = confirm.get(key);
    if (had === undefined) {
      confirm.set(key, { path: [...t.path], reason: t.reason, ...(t.source ? { source: t.source } : {}) });
      return;
    }
    const reasons = had.reason.split("；");
    const reason = reasons.includes(t.reason) ? had.reason : `${had.reason}；${t.reason}`;
    const source = had.source ?? t.source;
    confirm.set(key, { path: had.path, reason, ...(source ? { source } : {}) });
  };

  let found: FoundField[] = [];
  for (const group of groups.values()) {
    const values = new Map<string, FoundField[]>();
    for (const f of group) {
      const v = canonical(f.value);
      values.set(v, [...(values.get(v) ?? []), f]);
    }
    const readings = [...values.values()].map((fs) => [...fs].sort(bySource)[0]!);
    if (readings.length === 1) found.push(readings[0]!);
    else {
      const refs = readings.map((r) => r.source).sort((a, b) => a.line - b.line || a.excerpt.localeCompare(b.excerpt));
      addConfirm({ path: [...readings[0]!.path], reason: conflictReason(refs), source: refs[0]! });
    }
  }

  for (const e of extractions) for (const t of e.toConfirm) addConfirm(t);

  // a ToConfirm that read something outranks a value found at its path (values found inside it
  // stay: the draft keeps them under the ToConfirm's reason)
  const seen = new Set([...confirm.values()].filter((t) => t.source !== undefined).map((t) => pathKey(t.path)));
  found = found.filter((f) => !seen.has(pathKey(f.path)));
  // a "not found" gives way to a value found at its path or inside it
  for (const [key, t] of confirm) {
    if (t.source === undefined && found.some((f) => pathKey(f.path) === key || isInside(f.path, t.path))) confirm.delete(key);
  }

  // values inside another found value: drop where they agree with it, confirm where they do not
  found.sort((a, b) => comparePaths(a.path, b.path));
  const kept: FoundField[] = [];
  for (const f of found) {
    const outer = kept.find((k) => isInside(f.path, k.path));
    if (outer === undefined) {
      kept.push(f);
      continue;
    }
    const inner = valueIn(outer.value, f.path.slice(outer.path.length));
    if (inner !== undefined && canonical(inner.value) === canonical(f.value)) continue;
    if (inner === undefined) kept.push(f);
    else addConfirm({ path: [...f.path], reason: conflictReason([outer.source, f.source]), source: f.source });
  }

  return {
    found: kept,
    toConfirm: [...confirm.values()].sort((a, b) => comparePaths(a.path, b.path)),
  };
}

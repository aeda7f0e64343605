import type { Choice } from "../schema/introspect.js";

/**
 * The allowed value a user most likely meant: the same letters in another case, the value whose
 * Chinese name was written, one the written text begins or is the beginning of
 * (acceptance → acceptance-passed), one that begins the same way (workday → working), else the
 * nearest by edit distance if it is near enough.
 */
export function closest(written: string, choices: readonly Choice[]): Choice | undefined {
  const w = written.trim().toLowerCase();
  if (w === "") return undefined;
  const exact = choices.find((c) => c.value.toLowerCase() === w);
  if (exact) return exact;
  const named = choices.find((c) => c.name !== undefined && (c.name === written.trim() || c.description === written.trim()));
  if (named) return named;
  const prefixed = choices.filter((c) => {
    const v = c.value.toLowerCase();
    return w.length >= 3 && (v.startsWith(w) || w.startsWith(v));
  });
  if (prefixed.length === 1) return prefixed[0];
  // the same beginning, then a different ending: workday → working
  const common = (v: string) => {
    let n = 0;
    while (n < v.length && n < w.length && v[n] === w[n]) n++;
    return n;
  };
  const longest = Math.max(0, ...choices.map((c) => common(c.value.toLowerCase())));
  const sharing = choices.filter((c) => common(c.value.toLowerCase()) === longest);
  if (longest >= 4 && longest * 2 >= w.length && sharing.length === 1) return sharing[0];
  let best: Choice | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of choices) {
    const d = editDistance(w, c.value.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.min(w.length, best?.value.length ?? 0) / 3));
  return best && bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length > 200 || y.length > 200) return Math.abs(x.length - y.length) + 200;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** “（是不是 parties？）” for a misspelt name, or the names there are when none is close. */
export function suggestion(name: string, names: readonly string[]): string {
  const close = names
    .map((n) => ({ n, d: distance(name, n) }))
    .filter(({ n, d }) => d <= Math.max(1, Math.floor(Math.max(name.length, n.length) / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ n }) => n);
  if (close.length > 0) return `（是不是 ${close.join("、")}？）`;
  if (names.length === 0) return "";
  const shown = names.slice(0, 12);
  return `（可用的字段：${shown.join("、")}${names.length > shown.length ? "……" : ""}）`;
}

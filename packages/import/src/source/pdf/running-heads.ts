import type { PlacedLine } from "./lines.js";

/** A line's text with figures and Chinese numerals as `#` and no spaces: "第 3 页 共 8 页" → "第#页共#页". */
function shape(text: string): string {
  return text.replace(/\s+/g, "").replace(/[0-9０-９]+|[一二三四五六七八九十百零〇]+(?=页)/g, "#");
}

/**
 * The pages without their running heads and feet: the top or bottom line of a page (not a table
 * row) whose shape, figures aside, is the top or bottom line of at least three pages and of most
 * of them ("第 3 页 共 8 页", "- 3 -", a document's name printed on every page). Such lines
 * would cut the text at every page. Returns what was removed so that the caller can say so.
 */
export function withoutRunningHeads(pages: readonly PlacedLine[][]): { pages: PlacedLine[][]; removed: number; example?: string } {
  const counted = pages.filter((p) => p.length > 0).length;
  if (counted < 3) return { pages: pages.map((p) => [...p]), removed: 0 };
  const tally = (pick: (page: PlacedLine[]) => PlacedLine | undefined) => {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const line = pick(page);
      if (line !== undefined && line.cells === undefined) counts.set(shape(line.text), (counts.get(shape(line.text)) ?? 0) + 1);
    }
    const needed = Math.max(3, Math.ceil(counted * 0.6));
    return new Set([...counts].filter(([, n]) => n >= needed).map(([s]) => s));
  };
  const heads = tally((page) => page[0]);
  const feet = tally((page) => page[page.length - 1]);
  let removed = 0;
  let example: string | undefined;
  const out = pages.map((page) => {
    const kept = [...page];
    const drop = (line: PlacedLine | undefined, set: Set<string>): boolean => line !== undefined && line.cells === undefined && set.has(shape(line.text));
    if (drop(kept[kept.length - 1], feet)) {
      example ??= kept[kept.length - 1]?.text;
      kept.pop();
      removed++;
    }
    if (drop(kept[0], heads)) {
      example ??= kept[0]?.text;
      kept.shift();
      removed++;
    }
    return kept;
  });
  return example === undefined ? { pages: out, removed } : { pages: out, removed, example };
}

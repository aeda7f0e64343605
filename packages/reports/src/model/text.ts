import type { Block, Run } from "./types.js";

/** The text of runs without marks. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}

/** Calls `visit` for every block, depth first, including blocks inside list items. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === "list") {
      for (const item of block.items) walkBlocks(item, visit);
    }
  }
}

/** Joins neighbouring runs that carry the same marks. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.code === run.code &&
      prev.link === run.link
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    } else {
      out.push({ ...run });
    }
  }
  return out;
}

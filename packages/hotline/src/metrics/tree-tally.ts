import { detach } from "../detach.js";
import { type CountRow, compareKeys, countRow, UNSPECIFIED } from "./tally.js";

interface Node {
  count: number;
  readonly children: Map<string, Node>;
}

/** A path-shaped count row ("城乡建设 / 市容环卫"); `path` holds the parts. */
export interface PathCountRow extends CountRow {
  readonly path: readonly string[];
}

/**
 * Counts along a path of up to three levels (category 1-2-3, street-community)
 * without building a joined key per order.
 */
export class TreeTally {
  private readonly root = new Map<string, Node>();

  add(a: string | null, b?: string | null, c?: string | null): void {
    let level = this.root;
    const parts = c === undefined ? (b === undefined ? 1 : 2) : 3;
    for (let depth = 0; depth < parts; depth++) {
      const key = (depth === 0 ? a : depth === 1 ? b : c) ?? UNSPECIFIED;
      let node = level.get(key);
      if (node === undefined) {
        node = { count: 0, children: new Map() };
        level.set(detach(key), node);
      }
      node.count++;
      level = node.children;
    }
  }

  /** Rows of one depth (1-based), by count descending then path; `limit` keeps the top. */
  rows(depth: number, total: number, decimals: number, limit = Number.POSITIVE_INFINITY): PathCountRow[] {
    const found: { path: string[]; count: number }[] = [];
    const walk = (level: Map<string, Node>, path: string[]): void => {
      for (const [key, node] of level) {
        const next = [...path, key];
        if (next.length === depth) found.push({ path: next, count: node.count });
        else walk(node.children, next);
      }
    };
    walk(this.root, []);
    return found
      .map((f) => ({ ...f, key: f.path.join(" / ") }))
      .sort((x, y) => y.count - x.count || compareKeys(x.key, y.key))
      .slice(0, limit)
      .map((f) => ({ ...countRow(f.key, f.count, total, decimals), path: f.path }));
  }
}

import { type Document, isMap, isNode, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type ModelPath = readonly PropertyKey[];

export interface Position {
  line: number;
  column: number;
}

/** "payments.installments[1].basis.share" */
export function formatPath(path: ModelPath): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * Finds the YAML node for a model path, falling back to the deepest existing ancestor,
 * so a missing key is reported where its parent object is.
 * With `key`, the position of that key inside the map at `path` (for unknown keys).
 */
export function locate(doc: Document, lc: LineCounter, path: ModelPath, key?: string): Position | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      node = pair.value;
      if (isNode(node)) found = node;
      else if (isNode(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (isNode(node)) found = node;
      else break;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key);
    if (pair && isNode(pair.key)) found = pair.key;
  }
  const range = found?.range;
  if (!range) return undefined;
  const { line, col } = lc.linePos(range[0]);
  return { line, column: col };
}

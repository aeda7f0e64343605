import { type Document, isMap, isNode, isScalar, isSeq, type LineCounter } from "yaml";

/**
 * The line and column (1-based) of the YAML node at `path`, or of its deepest existing
 * ancestor; with `key`, of that key inside the map at `path` (for unknown keys).
 */
export function yamlPosition(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let found = isNode(node) ? node : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      node = pair.value;
      if (isNode(node)) found = node;
      else if (isNode(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (!isNode(node)) break;
      found = node;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair !== undefined && isNode(pair.key)) found = pair.key;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

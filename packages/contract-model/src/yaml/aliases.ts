/**
 * Aliases (`*name`) are where a YAML file can hide a bomb: a few lines that expand to
 * billions of nodes, an alias of a node inside itself, an alias of an anchor never set.
 * Each is found here, before the document becomes data, at the alias's line and column.
 */
import { type Document, isAlias, isCollection, isNode, isPair, isScalar, type LineCounter, type Node, visit } from "yaml";
import type { Issue } from "../errors/index.js";
import { excerpt } from "./excerpt.js";

/** How many nodes all aliases together may add to a document when expanded. */
export const MAX_ALIAS_EXPANSION = 100_000;

export function checkAliases(doc: Document, lineCounter: LineCounter, file: string): Issue[] {
  const anchors = new Map<string, Node>();
  const issues: Issue[] = [];
  const at = (node: Node) => {
    const offset = node.range?.[0];
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const sizes = new Map<Node, number>();
  const targets = new Map<Node, Node>();
  let expansion = 0;
  let exhausted = false;
  visit(doc, {
    Node(_key, node, path) {
      if (issues.length > 0) return visit.BREAK;
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) {
          issues.push({
            code: "YAML_ALIAS_UNDEFINED",
            message: `别名 *${excerpt(node.source, 40)} 之前没有定义锚点 &${excerpt(node.source, 40)}（锚点须写在别名之前）`,
            file,
            ...at(node),
          });
          return visit.BREAK;
        }
        if (path.includes(target)) {
          issues.push({
            code: "YAML_ALIAS_RECURSIVE",
            message: `别名 *${excerpt(node.source, 40)} 引用了包含它自己的内容（循环引用）`,
            file,
            ...at(node),
          });
          return visit.BREAK;
        }
        targets.set(node, target);
        if (!exhausted) {
          expansion += sizeOf(target, sizes, targets);
          if (expansion > MAX_ALIAS_EXPANSION) {
            exhausted = true;
            issues.push({
              code: "YAML_ALIAS_EXPANSION",
              message: `别名展开后的内容过多（超过 ${MAX_ALIAS_EXPANSION.toLocaleString("en-US")} 项），疑似“十亿笑声”式的资源耗尽攻击；请直接写出内容，或减少别名`,
              file,
              ...at(node),
            });
            return visit.BREAK;
          }
        }
        return undefined;
      }
      if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
      return undefined;
    },
  });
  return issues;
}

/** The nodes a node stands for once its aliases are expanded (aliases point backwards and never into themselves here). */
function sizeOf(node: unknown, sizes: Map<Node, number>, targets: Map<Node, Node>): number {
  if (isAlias(node)) {
    const target = targets.get(node);
    return target === undefined ? 1 : sizeOf(target, sizes, targets);
  }
  if (isScalar(node) || !isNode(node)) return 1;
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let size = 1;
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) size += sizeOf(item.key, sizes, targets) + sizeOf(item.value, sizes, targets);
      else size += sizeOf(item, sizes, targets);
      if (size > MAX_ALIAS_EXPANSION) break;
    }
  }
  sizes.set(node, size);
  return size;
}

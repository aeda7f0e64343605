/**
 * What a qiyue file may hold: plain data, the kind JSON has (maps, lists, text, numbers,
 * true/false, null). YAML's other types (`!!binary`, `!!set`, `!!omap`, `!!timestamp`…) would
 * reach the loaders as Buffers, Sets and Maps; each is refused at its line and column.
 */
import { type Document, isCollection, isMap, isScalar, isSeq, type LineCounter, type Node, visit } from "yaml";
import type { Issue } from "../errors/index.js";
import { excerpt } from "./excerpt.js";

const PLAIN_COLLECTIONS = new Set(["tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]);

function plainScalar(value: unknown): boolean {
  return value === null || value === undefined || ["string", "number", "boolean"].includes(typeof value);
}

export function checkPlainData(doc: Document, lineCounter: LineCounter, file: string): Issue[] {
  const issues: Issue[] = [];
  visit(doc, {
    Node(_key, node: Node) {
      const plain = isScalar(node) ? plainScalar(node.value) : !isCollection(node) || ((isMap(node) || isSeq(node)) && (node.tag === undefined || PLAIN_COLLECTIONS.has(node.tag)));
      if (plain) return undefined;
      const offset = node.range?.[0];
      const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
      issues.push({
        code: "YAML_UNSUPPORTED_TYPE",
        message: `不支持的 YAML 类型${node.tag ? `（${excerpt(node.tag.replace("tag:yaml.org,2002:", "!!"), 40)}）` : ""}：只能写文字、数字、true/false、列表和键值表`,
        file,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
      return visit.BREAK;
    },
  });
  return issues;
}

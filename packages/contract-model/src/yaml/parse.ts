/**
 * The one way qiyue reads YAML (contracts, ledgers, holiday calendars, mappings, metrics
 * configurations, manifests, golden suites, notes): YAML 1.2 with positions, duplicate keys
 * refused, every alias checked before the document becomes data (aliases.ts), and every
 * failure an issue with a stable code, the file, line and column, never an exception.
 */
import { type Document, LineCounter, parseDocument } from "yaml";
import type { Issue } from "../errors/index.js";
import { checkAliases } from "./aliases.js";
import { checkPlainData } from "./types.js";
import { excerpt } from "./excerpt.js";

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** The document as plain data (numbers as numbers, dates as strings). */
  data: unknown;
}

/** Line breaks as the YAML reader counts them: a lone carriage return (old Mac files) is one. */
export function normalizeLineBreaks(source: string): string {
  return source.includes("\r") ? source.replace(/\r(?!\n)/g, "\n") : source;
}

/** Parses YAML text; every problem is returned as an issue with its position, nothing throws. */
export function parseYaml(source: string, file: string): ParsedYaml | { issues: Issue[] } {
  const text = normalizeLineBreaks(source);
  const lineCounter = new LineCounter();
  const issueAt = (code: string, message: string, offset: number | undefined): Issue => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    return { code, message, file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
  };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2", logLevel: "error" });
  } catch (e) {
    return { issues: [issueAt("YAML_SYNTAX", `YAML 无法读取：${excerpt(e instanceof Error ? e.message : String(e), 80)}`, undefined)] };
  }
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => issueAt("YAML_SYNTAX", `YAML 语法错误：${yamlMessage(e.code, e.message)}`, e.pos[0])) };
  }
  const aliases = checkAliases(doc, lineCounter, file);
  if (aliases.length > 0) return { issues: aliases };
  const types = checkPlainData(doc, lineCounter, file);
  if (types.length > 0) return { issues: types };
  try {
    return { doc, lineCounter, data: doc.toJS({ maxAliasCount: -1 }) as unknown };
  } catch (e) {
    return { issues: [issueAt("YAML_INVALID", `YAML 无法转换为数据：${excerpt(e instanceof Error ? e.message : String(e), 80)}`, 0)] };
  }
}

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "同一对象中出现了重复的键",
  BAD_INDENT: "缩进不对",
  MISSING_CHAR: "缺少字符（如引号或括号未闭合）",
  BLOCK_AS_IMPLICIT_KEY: "块结构不能作为键（可能缺少冒号后的空格或缩进有误）",
  MULTILINE_IMPLICIT_KEY: "键不能跨行",
  TAB_AS_INDENT: "不能用制表符缩进，请用空格",
  UNEXPECTED_TOKEN: "出现了意外的符号",
  BAD_SCALAR_START: "值的开头字符不合法（含特殊符号的文字请加引号）",
  RESOURCE_EXHAUSTION: "嵌套过深或内容过多",
  BAD_ALIAS: "别名写法不对",
  BAD_DIRECTIVE: "指令写法不对",
  TAG_RESOLVE_FAILED: "无法识别的类型标签",
};

/** A parser message in Chinese where known, with the parser's own first line (short and escaped) after it. */
function yamlMessage(code: string, fallback: string): string {
  const first = excerpt(fallback.split("\n")[0] ?? fallback, 80);
  const known = MESSAGES[code];
  return known ? `${known}（${first}）` : first;
}

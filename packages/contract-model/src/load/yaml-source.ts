/**
 * What every YAML file qiyue reads has in common: reading it, parsing it with positions,
 * and describing syntax errors and schema issues with a stable code, line and column.
 */
import { readFile } from "node:fs/promises";
import { type Document, LineCounter, parseDocument } from "yaml";
import type { Issue } from "../errors/index.js";

export interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
  /** The document as plain data (numbers as numbers, dates as strings). */
  data: unknown;
}

/** Parses YAML 1.2 with positions. Returns the syntax errors as issues instead of throwing. */
export function parseYamlSource(source: string, file: string): YamlSource | { issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2" });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { code: "YAML_SYNTAX", message: `YAML 语法错误：${yamlMessage(e.code, e.message)}`, file, line: pos.line, column: pos.col };
      }),
    };
  }
  return { doc, lineCounter, data: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

/** Reads a text file for a loader; a missing or unreadable file becomes one issue. `what` names the kind of file. */
export async function readSourceFile(file: string, what: string): Promise<{ source: string } | { issues: Issue[] }> {
  try {
    const source = await readFile(file, "utf8");
    return { source: source.charCodeAt(0) === 0xfeff ? source.slice(1) : source };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? `这是一个目录，不是${what}` : `无法读取文件（${code ?? "未知错误"}）`;
    return { issues: [{ code: "FILE_UNREADABLE", message, file }] };
  }
}

/** A schema issue's stable code: the one a parser gave it, else SCHEMA_<zod code>. */
export function issueCode(issue: { code: string; params?: Record<string, unknown> | undefined }): string {
  const custom = issue.params?.code;
  if (typeof custom === "string") return custom;
  return `SCHEMA_${issue.code.toUpperCase()}`;
}

/** The value at a model path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function yamlMessage(code: string, fallback: string): string {
  const messages: Record<string, string> = {
    DUPLICATE_KEY: "同一对象中出现了重复的键",
    BAD_INDENT: "缩进不对",
    MISSING_CHAR: "缺少字符（如引号或括号未闭合）",
    BLOCK_AS_IMPLICIT_KEY: "块结构不能作为键（可能缺少冒号后的空格或缩进有误）",
    MULTILINE_IMPLICIT_KEY: "键不能跨行",
    TAB_AS_INDENT: "不能用制表符缩进，请用空格",
    UNEXPECTED_TOKEN: "出现了意外的符号",
    BAD_SCALAR_START: "值的开头字符不合法（含特殊符号的文字请加引号）",
  };
  const first = fallback.split("\n")[0] ?? fallback;
  return messages[code] ? `${messages[code]}（${first}）` : first;
}

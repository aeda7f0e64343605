/**
 * What every YAML file qiyue reads has in common: reading it, parsing it with positions,
 * and describing syntax errors and schema issues with a stable code, line and column.
 */
import { readFile } from "node:fs/promises";
import type { Issue } from "../errors/index.js";
import { type ParsedYaml, parseYaml } from "../yaml/index.js";

export type YamlSource = ParsedYaml;

/** Parses YAML 1.2 with positions (see ../yaml). Returns every problem as issues instead of throwing. */
export function parseYamlSource(source: string, file: string): YamlSource | { issues: Issue[] } {
  return parseYaml(source, file);
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

import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { ContractLoadError, type Issue } from "../errors/index.js";
import { Contract } from "../schema/contract.js";
import { formatPath, locate, type ModelPath, type Position } from "./locate.js";
import { describeIssue } from "./messages.js";

/** A contract with a way back to where each part of it was written. */
export interface LoadedContract {
  contract: Contract;
  file: string;
  source: string;
  /** Line and column (1-based) of the YAML node for a model path; the nearest ancestor if absent. */
  locate(path: ModelPath): Position | undefined;
}

/** Parses YAML text as a contract. Throws ContractLoadError with every problem found. */
export function parseContract(source: string, file: string): LoadedContract {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2" });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        code: "YAML_SYNTAX",
        message: `YAML 语法错误：${yamlMessage(e.code, e.message)}`,
        file,
        line: pos.line,
        column: pos.col,
      };
    });
    throw new ContractLoadError(file, issues);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const parsed = Contract.safeParse(data);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => {
      const path = issue.path;
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const pos = locate(doc, lineCounter, path, key);
      return {
        code: issueCode(issue),
        message: describeIssue(issue, valueAt(data, path)),
        path: formatPath(path),
        file,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
      };
    });
    throw new ContractLoadError(file, issues);
  }
  return {
    contract: parsed.data,
    file,
    source,
    locate: (path) => locate(doc, lineCounter, path),
  };
}

/** Reads and parses a contract file. A missing or unreadable file is a ContractLoadError too. */
export async function loadContract(file: string): Promise<LoadedContract> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录，不是合同文件" : `无法读取文件（${code ?? "未知错误"}）`;
    throw new ContractLoadError(file, [{ code: "FILE_UNREADABLE", message, file }]);
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  return parseContract(source, file);
}

function issueCode(issue: { code: string; params?: Record<string, unknown> | undefined }): string {
  const custom = issue.params?.code;
  if (typeof custom === "string") return custom;
  return `SCHEMA_${issue.code.toUpperCase()}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
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

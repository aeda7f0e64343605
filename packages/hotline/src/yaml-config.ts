import { readFile } from "node:fs/promises";
import { parseYaml } from "@qiyue/contract-model";
import type { Document, LineCounter } from "yaml";
import type { z } from "zod";
import { HotlineConfigError, type HotlineConfigErrorCode } from "./config-error.js";

/**
 * Parses YAML text and validates it with a zod schema; a failure names the file and
 * the line and column of the offending entry.
 */
export function parseYamlConfig<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  code: HotlineConfigErrorCode,
  what: string,
): z.infer<S> {
  const yaml = parseYaml(text, file);
  if ("issues" in yaml) {
    const first = yaml.issues[0]!;
    const where = first.line === undefined ? file : `${file} 第 ${first.line} 行第 ${first.column ?? 1} 列`;
    throw new HotlineConfigError("yaml-syntax", `${where}：${first.message}`, {
      file,
      ...(first.line === undefined ? {} : { line: first.line, column: first.column ?? 1 }),
    });
  }
  const { doc, lineCounter } = yaml;
  const parsed = schema.safeParse(yaml.data);
  if (parsed.success) return parsed.data;
  return throwIssue(parsed.error, doc, lineCounter, file, code, what);
}

/** Reads a configuration file's text, failing with a HotlineConfigError that names it. */
export async function readConfigText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new HotlineConfigError("config-unreadable", `无法读取${what}文件 ${path}（${detail}）`, { file: path });
  }
}

/** Validates an in-memory value (no positions available). */
export function parseConfigValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  code: HotlineConfigErrorCode,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? "" : issue.path.map(String).join(".");
  throw new HotlineConfigError(
    code,
    `${file}：${what}无效${path === "" ? "" : `（${path}）`}：${issueMessage(issue)}`,
    path === "" ? { file } : { file, path },
  );
}

function throwIssue(
  error: z.ZodError,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  code: HotlineConfigErrorCode,
  what: string,
): never {
  const issue = error.issues[0];
  const segments: (string | number)[] = issue === undefined ? [] : issue.path.filter((p) => typeof p !== "symbol");
  if (issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined) segments.push(issue.keys[0]);
  // Point at the deepest node that exists on the issue's path.
  let line: number | undefined;
  let column: number | undefined;
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node !== undefined && node !== null && typeof node === "object" && node.range !== undefined) {
      const pos = lineCounter.linePos(node.range[0]);
      line = pos.line;
      column = pos.col;
      break;
    }
  }
  const path = segments.map(String).join(".");
  const where = line === undefined ? file : `${file} 第 ${line} 行第 ${column} 列`;
  const message = `${where}：${what}无效${path === "" ? "" : `（${path}）`}：${issueMessage(issue)}`;
  throw new HotlineConfigError(code, message, {
    file,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(path === "" ? {} : { path }),
  });
}

/** Chinese wording for the zod issues a hand-written file typically has. */
function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return "";
  switch (issue.code) {
    case "unrecognized_keys":
      return `未知的字段${issue.keys.map((k) => `「${k}」`).join("、")}`;
    case "invalid_type":
      return `类型不对（应为 ${issue.expected}）`;
    case "invalid_value":
      return `取值应为 ${issue.values.map((v) => String(v)).join(" / ")} 之一`;
    case "too_small":
    case "too_big":
      return `取值超出范围（${issue.message}）`;
    default:
      return issue.message;
  }
}

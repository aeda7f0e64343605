import type { z } from "zod";
import { excerpt, nameList } from "../yaml/excerpt.js";

/** Turns a zod issue into a sentence a contract manager understands. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `未知字段：${nameList(issue.keys)}（请检查拼写，或查看 qiyue schema）`;
    case "invalid_type": {
      if (value === undefined) return `缺少必填字段（应为${typeName(issue.expected)}）`;
      return `类型不对：应为${typeName(issue.expected)}，实际为${typeName(describeValue(value))}（${excerpt(value)}）`;
    }
    case "invalid_value":
      return `取值不对（${excerpt(value)}）：应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")} 之一`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) return `“${String(issue.discriminator)}”的取值不对`;
      return "不符合任何一种允许的写法";
    case "too_small":
      if (issue.origin === "array") return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === "string") return "不能为空";
      return `不能小于 ${String(issue.minimum)}`;
    case "too_big":
      return `不能大于 ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.message || "格式不对";
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: "文字",
    number: "数字",
    boolean: "是/否（true/false）",
    object: "对象（键: 值）",
    array: "列表（- 项）",
    null: "空值",
    undefined: "空",
    int: "整数",
  };
  return names[t] ?? t;
}

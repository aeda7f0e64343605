import type { z } from "zod";
import { type Choice, choicesOf, descriptionsOf, elementOf, optionFor, type SchemaNode, schemaAt, shapeOf, unionOf } from "../schema/introspect.js";
import { excerpt, nameList } from "../yaml/excerpt.js";
import { closest } from "./closest.js";

/** The schema a file was checked against and the data it held: lets a message say what the field allows. */
export interface IssueContext {
  root: SchemaNode;
  data: unknown;
}

/**
 * Turns a zod issue into a sentence a contract manager understands. With `context`, an enum or
 * a discriminated union lists the values it allows with their Chinese names and suggests the
 * closest one; an unknown key lists the keys allowed there and suggests the closest.
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown, context?: IssueContext): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = context ? Object.keys(shapeOf(objectAt(context, issue.path))) : [];
      if (!context || known.length === 0) return `未知字段：${nameList(issue.keys)}（请检查拼写，或查看 qiyue schema）`;
      const guess = issue.keys.length === 1 ? closest(issue.keys[0] ?? "", known.map((k) => ({ value: k }))) : undefined;
      return `未知字段：${nameList(issue.keys)}；此处可写的字段：${known.join("、")}${guess ? `；是不是 ${guess.value}？` : ""}`;
    }
    case "invalid_type": {
      if (value === undefined) return `缺少必填字段（应为${typeName(issue.expected)}）${needs(issue.path, context)}`;
      return `类型不对：应为${typeName(issue.expected)}，实际为${typeName(describeValue(value))}（${excerpt(value)}）${needs(issue.path, context)}`;
    }
    case "invalid_value": {
      const node = context ? schemaAt(context.root, issue.path, context.data) : undefined;
      const choices = node ? choicesOf(node) : [];
      const allowed: Choice[] = choices.length > 0 ? choices : issue.values.map((v) => ({ value: String(v) }));
      return badChoice(value, allowed, fieldName(issue.path));
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const union = context ? schemaAt(context.root, issue.path.slice(0, -1), context.data) : undefined;
        const choices = union && unionOf(union) ? choicesOf(union) : [];
        const allowed: Choice[] = choices.length > 0 ? choices : ((issue as { options?: unknown[] }).options ?? []).map((v) => ({ value: String(v) }));
        if (value === undefined) return `缺少 ${String(issue.discriminator)}；可选：${choiceList(allowed)}`;
        return badChoice(value, allowed, String(issue.discriminator));
      }
      return `不符合任何一种允许的写法${needs(issue.path, context)}`;
    }
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

/** The object schema at a path: the option of a discriminated union the data there selects. */
function objectAt(context: IssueContext, path: readonly PropertyKey[]): SchemaNode {
  const node = schemaAt(context.root, path, context.data) ?? context.root;
  return unionOf(node) ? (optionFor(node, valueAt(context.data, path)) ?? node) : node;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

/** `“acceptance” 不是 event 的可选值；可选：signed（合同签订）、…；是不是 acceptance-passed（验收合格）？` */
function badChoice(value: unknown, allowed: readonly Choice[], field: string): string {
  const guess = typeof value === "string" ? closest(value, allowed) : undefined;
  const what = field ? ` ${field} 的` : "";
  return `“${excerpt(value, 40)}”不是${what}可选值；可选：${choiceList(allowed)}${guess ? `；是不是 ${choiceLabel(guess)}？` : ""}`;
}

/** `signed（合同签订）、effective（合同生效）…` */
export function choiceList(choices: readonly Choice[]): string {
  return choices.map(choiceLabel).join("、");
}

function choiceLabel(c: Choice): string {
  return c.name ? `${c.value}（${c.name}）` : c.value;
}

function fieldName(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return last === undefined ? "" : String(last);
}

/**
 * What a field needs, from the schema: `（应填：合同总价（含税）…；可选：…）`. Empty without a
 * context or where the schema says nothing more than the type.
 */
function needs(path: readonly PropertyKey[], context: IssueContext | undefined): string {
  if (!context) return "";
  const node = schemaAt(context.root, path, context.data);
  const text = node ? fieldNeeds(node) : "";
  return text ? `。${text}` : "";
}

/**
 * What a field is and what it allows, in one sentence from the schema's descriptions and the
 * Chinese names of its values: `合同总价（含税）；金额（元），如 …` or `可选：working（工作日）、natural（自然日）`.
 */
export function fieldNeeds(node: SchemaNode): string {
  const element = elementOf(node);
  const choices = choicesOf(element ?? node);
  const descriptions = [...descriptionsOf(node), ...(element ? descriptionsOf(element) : [])];
  const parts = descriptions.filter((d) => choices.length === 0 || !choices.every((c) => d.includes(c.value)));
  if (choices.length > 0) parts.push(`${element ? "列表，每项" : ""}可选：${choiceList(choices)}`);
  return parts.join("；");
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

export function typeName(t: string): string {
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

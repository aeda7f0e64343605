/**
 * Writes an init tree as YAML, each field with a Chinese comment above it generated from the
 * schema: its description and, for a choice, the values allowed with their Chinese names. The
 * comments come from the zod schema, so they say what `qiyue validate` checks.
 */
import {
  type Choice,
  Contract,
  choicesOf,
  descriptionsOf,
  elementOf,
  isOptional,
  kindOf,
  optionFor,
  type SchemaNode,
  shapeOf,
  unionOf,
} from "@qiyue/contract-model";
import { type Entry, pattern, plain, type Tree } from "./tree.js";

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  boolean: "true 或 false",
};

interface Context {
  /** The tree as plain data, for choosing a union's option. */
  data: unknown;
  /** Field patterns already commented: a list's second item is not commented again. */
  commented: Set<string>;
}

/** The YAML text of a tree, after `header` (comment lines, each without its “# ”). */
export function emitYaml(tree: Tree, header: readonly string[]): string {
  const lines = header.map((h) => (h ? `# ${h}` : "#"));
  if (tree.kind === "map") {
    const context: Context = { data: plain(tree), commented: new Set() };
    emitEntries(tree.entries, Contract, [], 0, false, context, lines);
  }
  return `${lines.join("\n")}\n`;
}

function emitEntries(
  entries: readonly Entry[],
  node: SchemaNode | undefined,
  path: (string | number)[],
  indent: number,
  commentedOut: boolean,
  context: Context,
  out: string[],
  firstPrefix?: string,
): void {
  entries.forEach((entry, i) => {
    const hidden = commentedOut || entry.example === true;
    const pad = " ".repeat(indent);
    // the first key of a list item follows the “- ” of its item
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : pad;
    const at = [...path, entry.key];
    const comments = commentLines(node, entry.key, at, context);
    for (const c of comments) out.push(`${lead === pad ? pad : " ".repeat(Math.max(0, indent - 2))}# ${c}`);
    const child = childSchema(node, entry.key, path, context);
    // a list item's prefix carries its own “# ” when the item is commented out
    const line = (text: string) => out.push(lead !== pad ? `${lead}${text}` : hidden ? `${pad}# ${text}` : `${pad}${text}`);
    const v = entry.value;
    if (v.kind === "leaf") {
      line(`${entry.key}: ${scalar(v.value)}`);
    } else if (v.kind === "map") {
      if (v.entries.length === 0) {
        line(`${entry.key}: {}`);
        const keys = Object.keys(shapeOf(child ?? Contract));
        if (child && keys.length > 0) out.push(`${pad}  # 可写的字段：${keys.join("、")}（qiyue schema 列出每个字段的含义）`);
      } else {
        line(`${entry.key}:`);
        emitEntries(v.entries, child, at, indent + 2, hidden, context, out);
      }
    } else if (v.items.length === 0) {
      line(`${entry.key}: []`);
    } else {
      line(`${entry.key}:`);
      emitItems(v.items, child, at, indent + 2, hidden, context, out);
    }
  });
}

function emitItems(items: readonly Tree[], node: SchemaNode | undefined, path: (string | number)[], indent: number, hidden: boolean, context: Context, out: string[]): void {
  const element = node ? elementOf(node) : undefined;
  const pad = " ".repeat(indent);
  const mark = hidden ? "# " : "";
  items.forEach((item, i) => {
    const at = [...path, i];
    if (item.kind === "leaf") out.push(`${pad}${mark}- ${scalar(item.value)}`);
    else if (item.kind === "seq") {
      out.push(`${pad}${mark}-`);
      emitItems(item.items, element, at, indent + 2, hidden, context, out);
    } else if (item.entries.length === 0) out.push(`${pad}${mark}- {}`);
    else emitEntries(item.entries, element, at, indent + 2, hidden, context, out, `${pad}${mark}- `);
  });
}

/** The schema of a map's child, choosing a union's option by the data written (or its first option that has the key). */
function childSchema(node: SchemaNode | undefined, key: string, path: (string | number)[], context: Context): SchemaNode | undefined {
  if (!node) return undefined;
  const union = unionOf(node);
  if (!union) return shapeOf(node)[key];
  const option = optionFor(node, valueAt(context.data, path));
  if (option) return shapeOf(option)[key];
  for (const o of union.options) {
    const child = shapeOf(o)[key];
    if (child) return child;
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** The comment above a field: what it is, then what it allows. Once per field of a list's items. */
function commentLines(parent: SchemaNode | undefined, key: string, path: (string | number)[], context: Context): string[] {
  if (!parent) return [];
  const union = unionOf(parent);
  const tag = union?.discriminator;
  // a field of a union's option is commented once per option (a per-day penalty's rate, a share penalty's rate)
  const shared = union?.options.every((o) => key in shapeOf(o)) ?? true;
  const option = tag !== undefined && key !== tag && !shared ? String(valueAt(context.data, [...path.slice(0, -1), tag])) : "";
  const where = `${pattern(path)}@${option}`;
  if (context.commented.has(where)) return [];
  context.commented.add(where);
  if (union && key === tag) return choiceLines(choicesOf(parent), union.options, key);
  const node = childSchema(parent, key, path.slice(0, -1), context);
  if (!node) return [];
  const choices = choicesOf(node);
  const descriptions = descriptionsOf(node).filter((d) => choices.length === 0 || !choices.every((c) => d.includes(c.value)));
  const lines = [...descriptions];
  // a union's choices are listed at the key that chooses (kind, event), not twice
  if (choices.length > 0 && unionOf(node)?.discriminator === undefined) lines.push(...choiceLines(choices, [], key));
  // an object or a list without words of its own is explained by the fields below it
  if (lines.length === 0 && TYPE_NAMES[kindOf(node)]) lines.push(TYPE_NAMES[kindOf(node)] as string);
  if (lines.length > 0 && !isOptional(node)) {
    if (lines[0]?.endsWith("：")) lines.unshift("必填");
    else lines[0] = `${lines[0]}（必填）`;
  }
  return lines;
}

/** `可选：working（工作日）、natural（自然日）`, or one value a line when there are many, each with the fields its shape needs. */
function choiceLines(choices: readonly Choice[], options: readonly SchemaNode[], tag: string): string[] {
  const needs = (c: Choice) => {
    const option = options.find((o) => {
      const field = shapeOf(o)[tag];
      return field !== undefined && choicesOf(field).some((x) => x.value === c.value);
    });
    // the fields this kind needs beyond those every kind has
    const common = (k: string) => options.every((o) => k in shapeOf(o));
    const fields = option ? Object.entries(shapeOf(option)).filter(([k, n]) => k !== tag && !isOptional(n) && !common(k)).map(([k]) => k) : [];
    return fields.length > 0 ? `（另写 ${fields.join("、")}）` : "";
  };
  const oneLine = `可选：${choices.map((c) => `${c.value}${c.name ? `（${c.name}）` : ""}${needs(c)}`).join("、")}`;
  if (oneLine.length <= 70) return [oneLine];
  return ["可选：", ...choices.map((c) => `  ${c.value}${c.name ? `：${c.name}` : ""}${needs(c)}`)];
}

const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;

/** A scalar as YAML: plain where that reads back as the same text, else double-quoted. */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  const plainSafe =
    PLAIN.test(value) &&
    !/: |\s#|[\n\r\t]|\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+([eE][-+]?\d+)?|0x[\da-fA-F]+|\.inf|\.nan)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

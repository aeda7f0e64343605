/**
 * Reading the zod schema itself: what a field is, what it needs and which values it allows, so
 * that messages, `qiyue init` and editors all say it from the one source (the schema's
 * `.meta({ description })` and the names of its enum values), never from a copy that drifts.
 */
import { z } from "zod";

export type SchemaNode = z.core.$ZodType;

// biome-ignore lint/suspicious/noExplicitAny: zod's definitions differ by kind; each use below checks `type` first
type Def = Record<string, any> & { type: string };

const defOf = (node: SchemaNode): Def => node._zod.def as unknown as Def;

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "readonly", "catch"]);

/** The schemas a node wraps, outermost first, down to the one that says what the value is (object, enum, string …). */
export function unwrapChain(node: SchemaNode): SchemaNode[] {
  const chain: SchemaNode[] = [node];
  let current = node;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    let next: SchemaNode | undefined;
    if (WRAPPERS.has(def.type)) next = def.innerType as SchemaNode;
    else if (def.type === "pipe") next = def.in as SchemaNode;
    else if (def.type === "lazy") next = (def.getter as () => SchemaNode)();
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** The node that says what the value is, past optional, default and transform wrappers. */
export function unwrap(node: SchemaNode): SchemaNode {
  const chain = unwrapChain(node);
  return chain[chain.length - 1] ?? node;
}

/** The kind of value a node takes: "object", "array", "enum", "union", "string", "number" … */
export function kindOf(node: SchemaNode): string {
  return defOf(unwrap(node)).type;
}

function ownDescriptions(node: SchemaNode): string[] {
  const out: string[] = [];
  for (let n: SchemaNode | undefined = node; n; n = (n._zod as { parent?: SchemaNode }).parent) {
    const d = z.globalRegistry.get(n)?.description;
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/** What the schema says about a field, outermost first (the field's own words before its type's), without repeats. */
export function descriptionsOf(node: SchemaNode): string[] {
  const out: string[] = [];
  for (const n of unwrapChain(node)) for (const d of ownDescriptions(n)) if (!out.includes(d)) out.push(d);
  return out;
}

/** The fields of an object node (after unwrapping), in the schema's order; empty for anything else. */
export function shapeOf(node: SchemaNode): Record<string, SchemaNode> {
  const def = defOf(unwrap(node));
  return def.type === "object" ? (def.shape as Record<string, SchemaNode>) : {};
}

/** Whether a user may leave the field out (optional, or with a default). */
export function isOptional(node: SchemaNode): boolean {
  // "optional", or "defaulted" for a field with a default
  const optin: unknown = node._zod.optin;
  return optin !== undefined;
}

/** The options of a union (after unwrapping), and the key that tells them apart if it is a discriminated one. */
export function unionOf(node: SchemaNode): { options: SchemaNode[]; discriminator?: string } | undefined {
  const def = defOf(unwrap(node));
  if (def.type !== "union") return undefined;
  const options = def.options as SchemaNode[];
  return typeof def.discriminator === "string" ? { options, discriminator: def.discriminator } : { options };
}

/** The element schema of an array node. */
export function elementOf(node: SchemaNode): SchemaNode | undefined {
  const def = defOf(unwrap(node));
  return def.type === "array" ? (def.element as SchemaNode) : undefined;
}

/** One value a field allows, with its Chinese name where the schema gives one. */
export interface Choice {
  value: string;
  /** Short Chinese name: 合同签订, 工作日. Absent when the value is Chinese itself or the schema names none. */
  name?: string;
  /** The schema's full description of the value, when it has one. */
  description?: string;
}

const CJK = /[\u3400-\u9fff]/;

/** "每发生一次按基数（如当月服务费）的比例" → "每发生一次按基数的比例"; "其他条件，如“…”" → "其他条件". */
export function shortName(description: string): string {
  const plain = description.replace(/（[^）]*）|\([^)]*\)/g, "");
  const cut = plain.split(/[：，；。]|, /)[0] ?? plain;
  return (cut.trim() || description).trim();
}

function literalChoices(node: SchemaNode): Choice[] {
  const def = defOf(unwrap(node));
  if (def.type !== "literal") return [];
  const [description] = descriptionsOf(node);
  return (def.values as unknown[]).map((v) => {
    const value = String(v);
    if (!description) return { value };
    return { value, name: shortName(description), description };
  });
}

/**
 * The values a field allows, in the schema's order: an enum's values (named by its
 * `enumDescriptions`), a literal, or the discriminator values of a discriminated union (named
 * by each literal's description). Empty for a field that is not a choice.
 */
export function choicesOf(node: SchemaNode): Choice[] {
  const inner = unwrap(node);
  const def = defOf(inner);
  if (def.type === "enum") {
    const values = Object.values(def.entries as Record<string, string>).map(String);
    let names: unknown;
    for (const n of unwrapChain(node)) names ??= z.globalRegistry.get(n)?.enumDescriptions;
    return values.map((value, i) => {
      const name = Array.isArray(names) && typeof names[i] === "string" ? (names[i] as string) : undefined;
      return name && !CJK.test(value) ? { value, name } : { value };
    });
  }
  if (def.type === "literal") return literalChoices(node);
  const union = unionOf(inner);
  if (union?.discriminator !== undefined) {
    const key = union.discriminator;
    return union.options.flatMap((o) => {
      const field = shapeOf(o)[key];
      return field ? literalChoices(field) : [];
    });
  }
  return [];
}

/** The option of a discriminated union that a value selects, if any. */
export function optionFor(node: SchemaNode, value: unknown): SchemaNode | undefined {
  const union = unionOf(node);
  if (union?.discriminator === undefined || value === null || typeof value !== "object") return undefined;
  const tag = (value as Record<string, unknown>)[union.discriminator];
  return union.options.find((o) => {
    const field = shapeOf(o)[union.discriminator as string];
    return field !== undefined && choicesOf(field).some((c) => c.value === tag);
  });
}

/**
 * The schema of the value at a model path, following the data where a discriminated union
 * needs it to choose an option. Undefined where the path leaves the schema (an unknown key),
 * or at the discriminator of a union whose option the data does not select.
 */
export function schemaAt(root: SchemaNode, path: readonly PropertyKey[], data?: unknown): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  let value = data;
  for (const seg of path) {
    if (!node) return undefined;
    node = childOf(node, seg, value);
    value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return node;
}

function childOf(node: SchemaNode, seg: PropertyKey, value: unknown): SchemaNode | undefined {
  const inner = unwrap(node);
  const def = defOf(inner);
  if (def.type === "object") return (def.shape as Record<string, SchemaNode>)[String(seg)];
  if (def.type === "array") return typeof seg === "number" ? (def.element as SchemaNode) : undefined;
  if (def.type === "record") return def.valueType as SchemaNode;
  if (def.type === "union") {
    const chosen = optionFor(inner, value);
    if (chosen) return childOf(chosen, seg, value);
    const union = unionOf(inner);
    if (union?.discriminator !== undefined && seg === union.discriminator) return undefined;
    for (const option of union?.options ?? []) {
      const child = childOf(option, seg, value);
      if (child) return child;
    }
  }
  return undefined;
}

/**
 * The contract's JSON Schema (input side) as the draft writer uses it: the order of an object's
 * keys, which keys are required, and what a field is called.
 */
import { contractJsonSchema } from "@qiyue/contract-model";

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  const?: unknown;
  description?: string;
  minItems?: number;
}

let root: SchemaNode | undefined;

/** The contract schema, made once. */
export function contractSchema(): SchemaNode {
  root ??= contractJsonSchema() as SchemaNode;
  return root;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The object schema that fits `value` among a node's alternatives: the option whose constant
 * discriminator (kind, event …) the value carries, else the only object option.
 */
export function resolve(node: SchemaNode | undefined, value?: unknown): SchemaNode | undefined {
  if (node === undefined) return undefined;
  const options = node.oneOf ?? node.anyOf;
  if (options === undefined) return node;
  const objects = options.filter((o) => o.properties !== undefined || o.oneOf !== undefined || o.anyOf !== undefined);
  if (isObject(value)) {
    const match = objects.find((o) =>
      Object.entries(o.properties ?? {}).some(([k, p]) => p.const !== undefined && value[k] === p.const),
    );
    if (match !== undefined) return resolve(match, value);
  }
  if (objects.length === 1) return resolve(objects[0], value);
  const arrays = options.filter((o) => o.items !== undefined);
  if (arrays.length === 1) return arrays[0];
  return node;
}

/** The schema of the child `key` of a node holding `value`. */
export function child(node: SchemaNode | undefined, key: string | number, value?: unknown): SchemaNode | undefined {
  const n = resolve(node, value);
  if (n === undefined) return undefined;
  if (typeof key === "number") return n.items;
  const direct = n.properties?.[key];
  if (direct !== undefined) return direct;
  // an object whose alternatives could not be told apart: any alternative that has the key
  for (const o of n.oneOf ?? n.anyOf ?? []) {
    const p = resolve(o)?.properties?.[key];
    if (p !== undefined) return p;
  }
  return undefined;
}

/** The schema at a path of the data `data`. */
export function schemaAt(data: unknown, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = contractSchema();
  let value: unknown = data;
  for (const key of path) {
    node = child(node, key, value);
    value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

/** The keys of an object schema, in the schema's order. */
export function keyOrder(node: SchemaNode | undefined, value?: unknown): string[] {
  const n = resolve(node, value);
  if (n?.properties !== undefined) return Object.keys(n.properties);
  const keys: string[] = [];
  for (const o of n?.oneOf ?? n?.anyOf ?? []) for (const k of Object.keys(resolve(o)?.properties ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

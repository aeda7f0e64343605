/**
 * What `qiyue init` writes, before it is YAML: the contract's keys in the schema's order (or in
 * the order of the contract it starts from), each leaf a 【待填写：…】 placeholder, and some
 * optional sections kept as examples to be written commented out.
 */
import {
  Contract,
  choicesOf,
  descriptionsOf,
  elementOf,
  isOptional,
  kindOf,
  optionFor,
  placeholder,
  type SchemaNode,
  shapeOf,
  shortName,
  unionOf,
} from "@qiyue/contract-model";

export type Tree = Leaf | TreeMap | TreeSeq;
export interface Leaf {
  kind: "leaf";
  value: string | number | boolean;
}
export interface TreeMap {
  kind: "map";
  entries: Entry[];
}
export interface TreeSeq {
  kind: "seq";
  items: Tree[];
}
export interface Entry {
  key: string;
  value: Tree;
  /** Written commented out: an optional section shown as an example. */
  example?: boolean;
}

/**
 * Optional fields a new contract almost always has and the documents print: written as
 * placeholders like the required ones (delete the line if the contract has none).
 */
const ASKED = new Set(["signing.date", "fees.total.capitals", "parties.vendor.bank"]);

/** Optional sections written commented out, as an example of their shape. */
const EXAMPLES = new Set(["kind", "number", "penalties", "dispute", "copies", "payments.installments[].label", "payments.installments[].offset"]);

/** "payments.installments[].offset": a path with its list indexes taken out, to match the sets above. */
export function pattern(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? "[]" : out ? `.${seg}` : seg;
  return out;
}

/** What a placeholder says is to be written there: the short form of the field's description, else its key. */
export function labelOf(node: SchemaNode | undefined, key: string): string {
  if (!node) return key;
  const choices = choicesOf(node);
  // a description that lists the values (“working = 工作日，natural = 自然日”) does not name the field
  const description = descriptionsOf(node).find((d) => !choices.some((c) => d.includes(c.value)));
  return description ? shortName(description) : key;
}

const fill = (node: SchemaNode | undefined, key: string): Leaf => ({ kind: "leaf", value: placeholder("TO_FILL", labelOf(node, key)) });

/** A new contract from the schema alone: every required field, the asked ones, and the examples. */
export function blankContract(): Tree {
  return blankOf(Contract, [], "contract", false);
}

function blankOf(node: SchemaNode, path: (string | number)[], key: string, example: boolean): Tree {
  const kind = kindOf(node);
  if (kind === "object") return blankObject(shapeOf(node), path, example);
  if (kind === "array") {
    const element = elementOf(node);
    return { kind: "seq", items: element ? [blankOf(element, [...path, 0], key, example)] : [] };
  }
  const union = unionOf(node);
  if (union?.discriminator !== undefined) {
    const tag = union.discriminator;
    if (!example) return { kind: "map", entries: [{ key: tag, value: fill(node, tag) }] };
    // an example shows one shape in full: the first option, with the fields it needs
    const first = union.options[0];
    const [choice] = choicesOf(node);
    if (!first || !choice) return fill(node, key);
    const rest = blankObject(shapeOf(first), path, true);
    return { kind: "map", entries: [{ key: tag, value: { kind: "leaf", value: choice.value } }, ...rest.entries.filter((e) => e.key !== tag)] };
  }
  return fill(node, key);
}

function blankObject(shape: Record<string, SchemaNode>, path: (string | number)[], example: boolean): TreeMap {
  const entries: Entry[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const at = [...path, key];
    const where = pattern(at);
    if (!isOptional(child) || ASKED.has(where)) entries.push({ key, value: blankOf(child, at, key, example) });
    else if (!example && EXAMPLES.has(where)) entries.push({ key, value: blankOf(child, at, key, true), example: true });
  }
  return { kind: "map", entries };
}

/** Keys of the contract that `--from` does not carry over: the printed text, the notes on the original, its renewals. */
const DROPPED = new Set(["$schema", "body", "notes", "renewal.history"]);

/**
 * A new contract shaped like `data` (a contract as read): the same sections, lists and kinds
 * (the `kind` and `event` that choose a shape are kept), every other value a 【待填写】 placeholder.
 */
export function blankFrom(data: unknown): Tree {
  return blankValue(data, Contract, []);
}

function blankValue(value: unknown, node: SchemaNode | undefined, path: (string | number)[]): Tree {
  const key = String(path[path.length - 1] ?? "contract");
  if (Array.isArray(value)) {
    const element = node ? elementOf(node) : undefined;
    return { kind: "seq", items: value.map((v, i) => blankValue(v, element, [...path, i])) };
  }
  if (value !== null && typeof value === "object") {
    const union = node ? unionOf(node) : undefined;
    const option = node && union ? optionFor(node, value) : undefined;
    const shape = option || node ? shapeOf(option ?? (node as SchemaNode)) : {};
    const entries: Entry[] = [];
    for (const [k, v] of Object.entries(value)) {
      const at = [...path, k];
      // what the schema does not know (a misspelt key) is not carried over
      if (DROPPED.has(pattern(at)) || (node !== undefined && !(k in shape))) continue;
      if (option && k === union?.discriminator && typeof v === "string") entries.push({ key: k, value: { kind: "leaf", value: v } });
      else entries.push({ key: k, value: blankValue(v, node ? shape[k] : undefined, at) });
    }
    return { kind: "map", entries };
  }
  return fill(node, key);
}

/** The tree as plain data (examples left out), for the schema to choose a union's option by. */
export function plain(tree: Tree): unknown {
  if (tree.kind === "leaf") return tree.value;
  if (tree.kind === "seq") return tree.items.map(plain);
  return Object.fromEntries(tree.entries.filter((e) => !e.example).map((e) => [e.key, plain(e.value)]));
}

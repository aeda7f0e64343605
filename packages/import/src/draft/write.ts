/**
 * The draft contract YAML: the fields in the schema's order, each found value under a comment
 * citing its line and how sure the reading is, each value to confirm as a 【待确认：…】
 * placeholder, and every key the schema requires present (a 【待填写：…】 where nothing was found).
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { Confidence, FoundField, SourceRef, ToConfirm } from "../extract/types.js";
import { plainLine } from "../source/outline.js";
import type { AttachmentText } from "./body.js";
import { comparePaths, isInside, type Path, pathKey } from "./merge.js";
import { child, contractSchema, keyOrder, resolve, type SchemaNode, schemaAt } from "./schema.js";

/** Where the editor finds the schema when the draft sits in a project that installed qiyue. */
export const DEFAULT_SCHEMA_REF = "node_modules/@qiyue/contract-model/schema/contract.schema.json";

/** A placeholder written into the draft. */
export interface Placeholder {
  path: (string | number)[];
  /** confirm: 【待确认】, a value read but not with certainty; fill: 【待填写】, a required value nobody found. */
  kind: "confirm" | "fill";
  reason: string;
  source?: SourceRef;
}

export interface DraftInput {
  found: readonly FoundField[];
  toConfirm: readonly ToConfirm[];
  /** The contract id (a file name stem). */
  id: string;
  /** The clause in force at a source line, to link found values to their clauses. */
  clauseAt(line: number): string | undefined;
  /** Verbatim body sections, written last but one. */
  body?: readonly Record<string, string>[];
  /** The attachments' printed texts, for the attachments found without one. */
  attachments?: readonly AttachmentText[];
  /** The `$schema` the first line points an editor at. */
  schemaRef?: string;
}

export interface Draft {
  yaml: string;
  /** The draft as plain data (what the YAML says). */
  data: Record<string, unknown>;
  placeholders: Placeholder[];
  /** Values written, found by the extractors (clauses linked to them not counted). */
  found: FoundField[];
}

const CONFIDENCE: Record<Confidence, string> = { high: "高", medium: "中", low: "低" };

/** What a required field is called in a 【待填写】 (the schema's own wording where it has none better). */
const NAMES: Record<string, string> = {
  title: "合同标题",
  projectName: "项目名称",
  "parties.client": "甲方",
  "parties.client.name": "甲方名称",
  "parties.vendor": "乙方",
  "parties.vendor.name": "乙方名称",
  "parties.vendor.bank.bank": "乙方开户银行",
  "parties.vendor.bank.accountNumber": "乙方银行账号",
  term: "服务期限",
  "term.start": "服务期开始日期",
  "term.end": "服务期结束日期",
  "fees.total": "合同总价",
  "fees.total.amount": "合同总价金额",
  "payments.installments": "付款安排（各期付款）",
};

export function placeholderText(p: Pick<Placeholder, "kind" | "reason">): string {
  return `【${p.kind === "confirm" ? "待确认" : "待填写"}：${p.reason}】`;
}

export function sourceComment(ref: SourceRef, confidence?: Confidence): string {
  const sure = confidence === undefined ? "" : `（把握：${CONFIDENCE[confidence]}）`;
  return ref.excerpt === "" ? ` 第 ${ref.line} 行${sure}` : ` 第 ${ref.line} 行：“${ref.excerpt}”${sure}`;
}

function isObject(v: unknown): v is Record<string | number, unknown> {
  return v !== null && typeof v === "object";
}

/** Sets a value at a path, making the objects and arrays on the way. False if a value in the way is not a container. */
function setAt(data: Record<string, unknown>, path: Path, value: unknown): boolean {
  let node: Record<string | number, unknown> = data;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      return true;
    }
    const next = node[key];
    if (next === undefined) {
      const made = typeof path[i + 1] === "number" ? [] : {};
      node[key] = made;
      node = made as Record<string | number, unknown>;
    } else if (isObject(next)) node = next;
    else return false;
  }
  return false;
}

function getAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const key of path) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

function nameOf(path: Path, node: SchemaNode | undefined): string {
  const dotted = path.filter((k) => typeof k === "string").join(".");
  const named = NAMES[dotted];
  if (named !== undefined) return named;
  const description = node?.description?.split(/[，,；;（(]/)[0]?.trim();
  return description !== undefined && description !== "" ? description : String(path.at(-1));
}

/** Whether a schema is a plain object with required keys of its own (not one of several shapes). */
function isPlainObject(node: SchemaNode | undefined): node is SchemaNode & { properties: Record<string, SchemaNode> } {
  return node?.properties !== undefined && node.oneOf === undefined && node.anyOf === undefined;
}

/**
 * Required keys nobody found, inside every object the draft has (and the root). A missing object
 * of one shape is made and filled in turn (parties → each side's name); anything else missing
 * (a value, a list, an object of several shapes) becomes one 【待填写】.
 */
function fillRequired(data: Record<string, unknown>): Placeholder[] {
  const out: Placeholder[] = [];
  const walk = (value: unknown, node: SchemaNode | undefined, path: (string | number)[]) => {
    const n = resolve(node, value);
    if (n === undefined) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        // an item found after one nobody found: the list keeps its numbering with a 【待填写】 in the gap
        if (value[i] === undefined) {
          const p: Placeholder = { path: [...path, i], kind: "fill", reason: `未找到第 ${i + 1} 项` };
          value[i] = placeholderText(p);
          out.push(p);
        } else walk(value[i], n.items, [...path, i]);
      }
      return;
    }
    if (!isObject(value)) return;
    for (const key of n.required ?? []) {
      if (value[key] !== undefined) continue;
      const at = [...path, key];
      const schema = resolve(n.properties?.[key]);
      if (isPlainObject(schema)) value[key] = {};
      else {
        const p: Placeholder = { path: at, kind: "fill", reason: `未找到${nameOf(at, schema)}` };
        value[key] = placeholderText(p);
        out.push(p);
      }
    }
    for (const [key, v] of Object.entries(value)) walk(v, child(n, key, value), [...path, key]);
  };
  walk(data, contractSchema(), []);
  return out;
}

/**
 * Links each found value to its clause: the nearest object around it (or the value itself) whose
 * schema has a `clause`, when nobody gave one, gets the clause of the earliest line read into it.
 */
function linkClauses(data: Record<string, unknown>, found: readonly FoundField[], clauseAt: (line: number) => string | undefined) {
  const linked = new Map<string, { path: (string | number)[]; line: number; clause: string }>();
  for (const f of found) {
    const clause = clauseAt(f.source.line);
    if (clause === undefined) continue;
    for (let n = isObject(f.value) && !Array.isArray(f.value) ? f.path.length : f.path.length - 1; n > 0; n--) {
      const at = f.path.slice(0, n);
      const holder = getAt(data, at);
      if (!isObject(holder) || Array.isArray(holder)) continue;
      if (schemaAt(data, at) === undefined || child(schemaAt(data, at), "clause", holder) === undefined) continue;
      const key = pathKey(at);
      const had = linked.get(key);
      if (holder.clause !== undefined && had === undefined) break;
      if (had === undefined || f.source.line < had.line) linked.set(key, { path: [...at], line: f.source.line, clause });
      break;
    }
  }
  for (const l of linked.values()) setAt(data, [...l.path, "clause"], l.clause);
  return [...linked.values()];
}

/**
 * Gives each attachment found without its text the text printed under its heading, matched by its
 * number, or by its heading when it has none (廉 政 协 议 书).
 */
function attachmentTexts(data: Record<string, unknown>, texts: readonly AttachmentText[]): { path: Path; line: number }[] {
  const list = data.attachments;
  if (!Array.isArray(list)) return [];
  const squash = (s: string) => plainLine(s).replace(/\s+/g, "");
  const filled: { path: Path; line: number }[] = [];
  for (const [i, a] of list.entries()) {
    if (!isObject(a) || Array.isArray(a) || a.text !== undefined) continue;
    const match = texts.find(
      (t) =>
        (typeof a.number === "string" && t.number !== "" && squash(t.number) === squash(a.number)) ||
        (typeof a.heading === "string" && squash(t.heading) === squash(a.heading)),
    );
    if (match === undefined || match.text === "") continue;
    a.text = match.text;
    filled.push({ path: ["attachments", i, "text"], line: match.line + 1 });
  }
  return filled;
}

/** The YAML node of a value, keys in the schema's order, with the comments of `comments` by path. */
function nodeOf(value: unknown, node: SchemaNode | undefined, path: Path, comments: ReadonlyMap<string, string>): unknown {
  let out: Scalar | YAMLMap | YAMLSeq;
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const items = resolve(node, value)?.items;
    value.forEach((v, i) => {
      seq.items.push(nodeOf(v, items, [...path, i], comments));
    });
    out = seq;
  } else if (isObject(value)) {
    const map = new YAMLMap();
    const order = keyOrder(node, value);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const k = new Scalar(key);
      const comment = comments.get(pathKey([...path, key]));
      if (comment !== undefined) k.commentBefore = comment;
      map.items.push(new Pair(k, nodeOf(value[key], child(node, key, value), [...path, key], comments)));
    }
    out = map;
  } else {
    const s = new Scalar(value);
    if (typeof value === "string" && value.includes("\n")) s.type = "BLOCK_LITERAL";
    out = s;
  }
  // a sequence item carries its own comment (a map key's comment sits on the key); the comment of
  // an item's first key goes above the item too, not after its dash
  if (typeof path.at(-1) === "number") {
    const own = comments.get(pathKey(path));
    const first = out instanceof YAMLMap ? (out.items[0]?.key as Scalar | undefined) : undefined;
    const lifted = first?.commentBefore;
    if (first !== undefined) first.commentBefore = null;
    const comment = [own, lifted].filter((c) => c !== undefined).join("\n");
    if (comment !== "") out.commentBefore = comment;
  }
  return out;
}

/** Writes the draft. Deterministic: the same input gives the same text. */
export function writeDraft(input: DraftInput): Draft {
  const data: Record<string, unknown> = { id: input.id };
  const comments = new Map<string, string[]>();
  const comment = (path: Path, text: string) => {
    const key = pathKey(path);
    comments.set(key, [...(comments.get(key) ?? []), text]);
  };

  const found = [...input.found].sort((a, b) => comparePaths(a.path, b.path));
  const written: FoundField[] = [];
  for (const f of found) {
    if (!setAt(data, f.path, f.value)) continue;
    written.push(f);
    comment(f.path, sourceComment(f.source, f.confidence));
  }

  const placeholders: Placeholder[] = [];
  for (const t of [...input.toConfirm].sort((a, b) => comparePaths(a.path, b.path))) {
    const p: Placeholder = { path: [...t.path], kind: "confirm", reason: t.reason, ...(t.source ? { source: t.source } : {}) };
    // values were found inside it: keep them, and say what is to confirm above them
    if (written.some((f) => isInside(f.path, t.path))) {
      comment(t.path, ` 待确认：${t.reason}`);
      continue;
    }
    if (!setAt(data, t.path, placeholderText(p))) continue;
    placeholders.push(p);
    if (t.source !== undefined) comment(t.path, sourceComment(t.source));
  }

  for (const l of linkClauses(data, written, input.clauseAt)) comment([...l.path, "clause"], ` 第 ${l.line} 行所在条款`);

  for (const t of attachmentTexts(data, input.attachments ?? [])) comment(t.path, ` 第 ${t.line} 行起照录`);

  placeholders.push(...fillRequired(data));

  if (input.body !== undefined && input.body.length > 0) data.body = input.body.map((s) => ({ ...s }));

  const joined = new Map([...comments].map(([k, v]) => [k, v.join("\n")]));
  joined.set(pathKey(["id"]), ` yaml-language-server: $schema=${input.schemaRef ?? DEFAULT_SCHEMA_REF}`);
  const doc = new Document();
  doc.contents = nodeOf(data, contractSchema(), [], joined) as YAMLMap;
  return {
    yaml: doc.toString({ lineWidth: 0 }),
    data,
    placeholders: placeholders.sort((a, b) => comparePaths(a.path, b.path)),
    found: written,
  };
}

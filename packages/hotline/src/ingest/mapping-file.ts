import { parseYaml } from "@qiyue/contract-model";
import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import { HotlineConfigError } from "../config-error.js";
import { COLUMN_SPECS, type ColumnKey, columnSpec } from "../orders/fields.js";
import { readConfigText } from "../yaml-config.js";
import { type ColumnMapping, DEFAULT_COLUMN_MAPPING, normalizeHeader } from "./column-mapping.js";
import { allowedTargets, VALUE_MAPPED_COLUMNS, type ValueMapping } from "./value-mapping.js";

/** A mapping file read: the headers of each column, and the cell words to translate. */
export interface ExportMapping {
  readonly columns: ColumnMapping;
  readonly values: ValueMapping;
}

/** The keys that hold the value mapping, in English and Chinese. */
const VALUES_KEYS = ["values", "取值"] as const;

const BY_NAME = new Map<string, ColumnKey>(COLUMN_SPECS.flatMap((s) => [[s.key, s.key] as const, [s.label, s.key] as const]));

/** A column named by its English key or its Chinese name. */
export function columnByName(name: string): ColumnKey | undefined {
  return BY_NAME.get(name.trim());
}

const WHAT = "列名映射";

function allowedKeys(): string {
  return COLUMN_SPECS.map((s) => `${s.label}（${s.key}）`).join("、");
}

/**
 * Reads a mapping file: `column: header` or `column: [header, …]` (a column named in English,
 * `satisfaction`, or in Chinese, `满意度`), and under `values` (or `取值`) per column the cell words
 * to translate (`一般: 基本满意`). Every mistake is reported at its line and column, with the keys
 * or values allowed there. A header may belong to one column only.
 */
export function loadExportMapping(text: string, file: string): ExportMapping {
  const yaml = parseYaml(text, file);
  if ("issues" in yaml) {
    const first = yaml.issues[0]!;
    const where = first.line === undefined ? file : `${file}:${first.line}:${first.column ?? 1}`;
    throw new HotlineConfigError("yaml-syntax", `${where}: ${first.message}`, {
      file,
      ...(first.line === undefined ? {} : { line: first.line, column: first.column ?? 1 }),
    });
  }
  const { doc, lineCounter } = yaml;
  const fail = (node: Node | Pair | null | undefined, message: string, path?: string): never => {
    const range = node && "range" in node ? node.range : node && "key" in node ? (node.key as Node | null)?.range : undefined;
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    const where = pos === undefined ? file : `${file}:${pos.line}:${pos.col}`;
    throw new HotlineConfigError("mapping-invalid", `${where}: ${message}`, {
      file,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
      ...(path === undefined ? {} : { path }),
    });
  };
  const root = doc.contents;
  const own: Partial<Record<ColumnKey, string[]>> = {};
  const values: Partial<Record<ColumnKey, Record<string, string>>> = {};
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) {
    return { columns: DEFAULT_COLUMN_MAPPING, values };
  }
  if (!isMap(root)) return fail(root, `${WHAT}应是“列: 表头”的对照表。可用的列：${allowedKeys()}`);

  const columnAt = new Map<ColumnKey, Node>();
  const claimed = new Map<string, ColumnKey>();
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : "";
    if ((VALUES_KEYS as readonly string[]).includes(name)) {
      readValues(pair.value as Node | null, values, fail);
      continue;
    }
    const key = columnByName(name);
    if (key === undefined) {
      return fail(keyNode, `未知的列「${name}」。可用的列（中文名或英文键均可）：${allowedKeys()}；单元格取值的对应写在 values（或 取值）下`);
    }
    const earlier = columnAt.get(key);
    if (earlier !== undefined) {
      const pos = earlier.range ? lineCounter.linePos(earlier.range[0]) : undefined;
      return fail(keyNode, `「${columnSpec(key).label}」（${key}）已在${pos ? `第 ${pos.line} 行` : "前面"}给出，同一列只能写一次`, key);
    }
    columnAt.set(key, keyNode!);
    const headers = headerList(pair.value as Node | null, key, fail);
    for (const { header, node } of headers) {
      const norm = normalizeHeader(header);
      const other = claimed.get(norm);
      if (other !== undefined && other !== key) {
        return fail(
          node,
          `表头「${header}」同时映射到「${columnSpec(other).label}」（${other}）和「${columnSpec(key).label}」（${key}）；一个表头只能对应一列`,
          key,
        );
      }
      claimed.set(norm, key);
    }
    own[key] = headers.map((h) => h.header);
  }
  const columns = {} as Record<ColumnKey, readonly string[]>;
  for (const spec of COLUMN_SPECS) {
    // A header the file gives to one column is taken away from every column it does not name.
    columns[spec.key] = own[spec.key] ?? DEFAULT_COLUMN_MAPPING[spec.key].filter((h) => !claimed.has(normalizeHeader(h)));
  }
  return { columns, values };
}

type Fail = (node: Node | Pair | null | undefined, message: string, path?: string) => never;

function headerList(node: Node | null, key: ColumnKey, fail: Fail): { header: string; node: Node }[] {
  const label = columnSpec(key).label;
  const hint = `「${label}」（${key}）应写一个表头或表头列表，如 ${key}: ${label} 或 ${key}: [${label}, 另一个表头]`;
  const one = (item: Node | null): { header: string; node: Node } => {
    if (!isScalar(item) || item.value === null || typeof item.value === "object" || String(item.value).trim() === "") {
      return fail(item ?? node, `表头不能为空；${hint}`, key);
    }
    return { header: String(item.value).trim(), node: item };
  };
  if (isSeq(node)) {
    if (node.items.length === 0) return fail(node, `表头列表为空；${hint}`, key);
    return node.items.map((item) => one(item as Node | null));
  }
  if (isMap(node)) return fail(node, hint, key);
  return [one(node)];
}

function readValues(node: Node | null, into: Partial<Record<ColumnKey, Record<string, string>>>, fail: Fail): void {
  const columns = VALUE_MAPPED_COLUMNS.map((k) => `${columnSpec(k).label}（${k}）`).join("、");
  const example = "values:\n  满意度:\n    一般: 基本满意";
  if (!isMap(node)) return void fail(node, `values 下应按列写出“原值: 对应值”，如\n${example}\n可对应取值的列：${columns}`);
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : "";
    const key = columnByName(name);
    if (key === undefined || !VALUE_MAPPED_COLUMNS.includes(key)) {
      return void fail(
        keyNode,
        `${key === undefined ? `未知的列「${name}」` : `「${columnSpec(key).label}」是时间或数字列，不能对应取值`}。可对应取值的列：${columns}`,
      );
    }
    if (into[key] !== undefined) return void fail(keyNode, `「${columnSpec(key).label}」（${key}）的取值对应已在前面给出，同一列只能写一次`, `values.${key}`);
    const targets = allowedTargets(columnSpec(key).kind);
    const table: Record<string, string> = {};
    const entries = pair.value as Node | null;
    if (!isMap(entries)) {
      return void fail(entries ?? keyNode, `「${columnSpec(key).label}」下应写“原值: 对应值”，如 一般: 基本满意`, `values.${key}`);
    }
    for (const entry of entries.items) {
      const from = entry.key as Node | null;
      const to = entry.value as Node | null;
      const source = isScalar(from) && from.value !== null ? String(from.value).trim() : "";
      if (source === "") return void fail(from ?? entries, "原值不能为空", `values.${key}`);
      const target = isScalar(to) && to.value !== null && typeof to.value !== "object" ? booleanWord(to.value) : undefined;
      if (target === undefined || (targets !== null && targets !== undefined && !targets.includes(target))) {
        const allowed = targets === null || targets === undefined ? "任意非空文字" : targets.join("、");
        return void fail(to ?? from, `「${columnSpec(key).label}」的取值「${source}」对应到「${target ?? ""}」，不可用。可用的对应值：${allowed}`, `values.${key}`);
      }
      table[source] = target;
    }
    into[key] = table;
  }
}

/** A target as text: YAML's true / false are 是 / 否. */
function booleanWord(value: unknown): string | undefined {
  if (value === true) return "是";
  if (value === false) return "否";
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** Reads a mapping file from disk; see {@link loadExportMapping}. */
export async function readExportMappingFile(path: string): Promise<ExportMapping> {
  return loadExportMapping(await readConfigText(path, WHAT), path);
}

/** The column part of a mapping file's text (its headers, merged over the default). */
export function loadColumnMapping(yamlText: string, file: string): ColumnMapping {
  return loadExportMapping(yamlText, file).columns;
}

/** The column part of a mapping file on disk; see {@link loadExportMapping}. */
export async function readColumnMappingFile(path: string): Promise<ColumnMapping> {
  return (await readExportMappingFile(path)).columns;
}

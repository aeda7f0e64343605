/**
 * The shape of the data a template receives, as far as a template can tell: objects with
 * known fields, lists, text, numbers (amounts in 分 and ratios in ppm told apart), yes/no
 * values. Derived from the zod schemas (from-zod.ts); `unknown` where a schema cannot say.
 */
export type DataType =
  | { kind: "object"; fields: ReadonlyMap<string, Field>; absent?: ReadonlyMap<string, string> }
  | { kind: "array"; element: DataType }
  | { kind: "record"; value: DataType }
  | { kind: "string"; format?: "date"; values?: readonly string[] }
  | { kind: "number"; unit?: "fen" | "ppm" }
  | { kind: "boolean" }
  | { kind: "union"; options: readonly DataType[] }
  | { kind: "unknown" };

export interface Field {
  type: DataType;
  /** The field may be missing (an optional field, or a part only some templates get). */
  optional: boolean;
}

export const UNKNOWN: DataType = { kind: "unknown" };

/**
 * The field at `path` inside an object type, with `optional` true when its last step is; an
 * error names the step that is not there.
 */
export function fieldAt(type: DataType, ...path: string[]): Field {
  let t = type;
  let optional = false;
  for (const name of path) {
    if (t.kind !== "object") throw new Error(`${name}: not an object`);
    const f = t.fields.get(name);
    if (f === undefined) throw new Error(`${name}: no such field`);
    t = f.type;
    optional = f.optional;
  }
  return { type: t, optional };
}

/** How a type is named in a message, in Chinese. */
export function describeType(type: DataType): string {
  switch (type.kind) {
    case "object":
      return "对象";
    case "array":
      return "列表";
    case "record":
      return "映射表";
    case "string":
      if (type.format === "date") return "日期（YYYY-MM-DD）";
      return type.values !== undefined ? `文字（${type.values.map((v) => `“${v}”`).join("、")}）` : "文字";
    case "number":
      return type.unit === "fen" ? "金额（分）" : type.unit === "ppm" ? "比例（ppm）" : "数字";
    case "boolean":
      return "是/否值";
    case "union":
      return [...new Set(type.options.map(describeType))].join("或");
    case "unknown":
      return "任意值";
  }
}

/** Union of types, flattened, without repeating identical options. */
export function unionOf(types: readonly DataType[]): DataType {
  const flat = types.flatMap((t) => (t.kind === "union" ? t.options : [t]));
  if (flat.some((t) => t.kind === "unknown")) return UNKNOWN;
  const unique = flat.filter((t, i) => flat.indexOf(t) === i);
  return unique.length === 1 ? unique[0]! : { kind: "union", options: unique };
}

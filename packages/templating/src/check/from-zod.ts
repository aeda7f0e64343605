import { IsoDate, Money, Percent } from "@qiyue/contract-model";
import type { z } from "zod";
import { FenValue, PpmValue } from "../units.js";
import { type DataType, type Field, UNKNOWN, unionOf } from "./types.js";

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Schemas whose output a walk cannot see (a transform's result) or that carry a unit, by
 * their definition: `.meta()` and `.optional()` keep it, so every use is recognised.
 */
const KNOWN = new Map<object, DataType>([
  [defOf(Money), { kind: "number", unit: "fen" }],
  [defOf(FenValue), { kind: "number", unit: "fen" }],
  [defOf(Percent), { kind: "number", unit: "ppm" }],
  [defOf(PpmValue), { kind: "number", unit: "ppm" }],
  [defOf(IsoDate), { kind: "string", format: "date" }],
]);

/** Wrappers that do not change what a template sees (defaults are filled in before it runs). */
const TRANSPARENT = new Set(["default", "prefault", "readonly", "catch", "nonoptional", "nullable", "success"]);

/**
 * The data type of a zod schema's OUTPUT (what parsing produces, which is what templates
 * receive). Transforms other than the model's own money, percent and date types are
 * `unknown`, and so unchecked.
 */
export function fromZod(schema: z.ZodType): DataType {
  return convert(schema, new Map());
}

function field(schema: unknown, seen: Map<object, DataType>): Field {
  let def = defOf(schema);
  let optional = false;
  while (!KNOWN.has(def) && (def.type === "optional" || TRANSPARENT.has(def.type))) {
    if (def.type === "optional") optional = true;
    if (def.type === "default" || def.type === "prefault") optional = false;
    def = defOf(def.innerType);
  }
  return { type: convertDef(def, seen), optional };
}

function convert(schema: unknown, seen: Map<object, DataType>): DataType {
  return convertDef(defOf(schema), seen);
}

function convertDef(def: Def, seen: Map<object, DataType>): DataType {
  const known = KNOWN.get(def) ?? seen.get(def);
  if (known !== undefined) return known;
  switch (def.type) {
    case "string":
      return { kind: "string" };
    case "number":
    case "int":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "literal": {
      const values = def.values as unknown[];
      if (values.every((v) => typeof v === "string")) return { kind: "string", values: values as string[] };
      if (values.every((v) => typeof v === "number")) return { kind: "number" };
      if (values.every((v) => typeof v === "boolean")) return { kind: "boolean" };
      return UNKNOWN;
    }
    case "enum": {
      const values = Object.values(def.entries as Record<string, unknown>);
      return values.every((v) => typeof v === "string") ? { kind: "string", values: values as string[] } : UNKNOWN;
    }
    case "object": {
      const fields = new Map<string, Field>();
      const type: DataType = { kind: "object", fields };
      seen.set(def, type);
      for (const [name, schema] of Object.entries(def.shape as Record<string, unknown>)) fields.set(name, field(schema, seen));
      return type;
    }
    case "array":
      return { kind: "array", element: convert(def.element, seen) };
    case "tuple":
      return { kind: "array", element: unionOf((def.items as unknown[]).map((s) => convert(s, seen))) };
    case "record":
      return { kind: "record", value: convert(def.valueType, seen) };
    case "union":
      return unionOf((def.options as unknown[]).map((s) => convert(s, seen)));
    case "optional":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
    case "nullable":
      return convert(def.innerType, seen);
    case "pipe":
      return convert(def.out, seen);
    case "lazy": {
      const placeholder: DataType = UNKNOWN;
      seen.set(def, placeholder);
      return convert((def.getter as () => unknown)(), seen);
    }
    default:
      return UNKNOWN;
  }
}

import type { z } from "zod";
import { INPUT_NAMES, type InputName } from "../inputs.js";
import { inputDeclaration, type Manifest } from "../manifest.js";
import { fromZod } from "./from-zod.js";
import type { DataType, Field } from "./types.js";

/**
 * What templates receive, declared by the package that builds the data: the zod schema of all
 * of it, and the parts that exist only when a template's manifest declares the inputs they are
 * computed from (`payment` from `installment`, …). Nothing here knows a template by name.
 */
export interface TemplateDataSpec {
  schema: z.ZodType;
  parts?: Readonly<Record<string, DataPart>>;
}

export interface DataPart {
  /** The part exists when the manifest declares any of these inputs. */
  inputs: readonly string[];
  /** Said when a template uses the part without declaring them. */
  why: string;
  /** Present whenever declared, even when the inputs are optional without a default. */
  whenDeclared?: boolean;
  /** Even when declared, present only for some contracts: a template tests it with `{{#if}}`. */
  conditional?: boolean;
}

const bases = new WeakMap<z.ZodType, Extract<DataType, { kind: "object" }>>();

/** The type of everything any template may receive, from the spec's schema. */
export function allTemplateData(spec: TemplateDataSpec): Extract<DataType, { kind: "object" }> {
  let base = bases.get(spec.schema);
  if (base === undefined) {
    const type = fromZod(spec.schema);
    if (type.kind !== "object") throw new Error("the template data schema is not an object schema");
    base = type;
    bases.set(spec.schema, base);
  }
  return base;
}

/**
 * The type of the data one template receives, given its manifest: `inputs` has exactly the
 * declared inputs (present when required or defaulted), and `payment` / `renewal` are there
 * when the manifest declares what they are computed from.
 */
export function templateDataType(manifest: Manifest, spec: TemplateDataSpec): DataType {
  const all = allTemplateData(spec);
  const fields = new Map(all.fields);
  const absent = new Map<string, string>();
  /** A declared input, also one the manifest schema knows but INPUT_NAMES does not (orders). */
  const declared = (name: string): { required: boolean; default?: unknown } | undefined => {
    if ((INPUT_NAMES as readonly string[]).includes(name)) return inputDeclaration(manifest, name as InputName);
    const spec = (manifest.inputs as Readonly<Record<string, unknown>>)[name];
    if (spec === undefined) return undefined;
    return { required: spec === "required" || (typeof spec === "object" && spec !== null && (spec as { required?: unknown }).required === true) };
  };
  const present = (name: string) => {
    const d = declared(name);
    return d !== undefined && (d.required || d.default !== undefined);
  };
  const inputs = fields.get("inputs");
  if (inputs !== undefined && inputs.type.kind === "object") {
    const inputFields = new Map<string, Field>();
    const missing = new Map<string, string>();
    for (const name of INPUT_NAMES) {
      const f = inputs.type.fields.get(name);
      if (f === undefined) continue;
      if (declared(name) === undefined) missing.set(name, `模板清单（manifest.yaml）未声明输入 ${name}`);
      else inputFields.set(name, { type: f.type, optional: !present(name) });
    }
    fields.set("inputs", { type: { kind: "object", fields: inputFields, absent: missing }, optional: false });
  }
  for (const [part, rule] of Object.entries(spec.parts ?? {})) {
    const f = fields.get(part);
    if (f === undefined) continue;
    if (!rule.inputs.some((n) => declared(n) !== undefined)) {
      fields.delete(part);
      absent.set(part, rule.why);
    } else if (rule.conditional !== true && (rule.whenDeclared === true || rule.inputs.some(present))) {
      fields.set(part, { type: f.type, optional: false });
    }
  }
  return { kind: "object", fields, absent };
}

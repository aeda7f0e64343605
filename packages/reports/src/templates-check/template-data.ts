import { TemplateData } from "../templates/data/index.js";
import { INPUT_NAMES, type InputName } from "../templates/inputs.js";
import { inputDeclaration, type Manifest } from "../templates/manifest.js";
import { fromZod } from "./from-zod.js";
import type { DataType, Field } from "./types.js";

let base: Extract<DataType, { kind: "object" }> | undefined;

/** The type of everything any template may receive, from the TemplateData schema. */
export function allTemplateData(): Extract<DataType, { kind: "object" }> {
  if (base === undefined) {
    const type = fromZod(TemplateData);
    if (type.kind !== "object") throw new Error("TemplateData is not an object schema");
    base = type;
  }
  return base;
}

const RENEWAL_INPUTS: readonly InputName[] = ["increase", "amount", "years"];

/**
 * Parts of the data that exist only when the manifest declares the inputs they are computed
 * from (see buildTemplateData): `payment` from `installment`, `renewal` from `increase`,
 * `amount` or `years`, `monthly` from `orders`. A new part of TemplateData that depends on the manifest gets a line
 * here; every other part is always present.
 */
const PARTS: Readonly<Record<string, { inputs: readonly string[]; why: string }>> = {
  payment: { inputs: ["installment"], why: "模板清单（manifest.yaml）未声明 installment，模板收不到 payment" },
  renewal: { inputs: RENEWAL_INPUTS, why: "模板清单（manifest.yaml）未声明 increase、amount 或 years，模板收不到 renewal" },
  monthly: { inputs: ["orders"], why: "模板清单（manifest.yaml）未声明 orders（工单数据），模板收不到 monthly" },
};

/**
 * The type of the data one template receives, given its manifest: `inputs` has exactly the
 * declared inputs (present when required or defaulted), and `payment` / `renewal` are there
 * when the manifest declares what they are computed from.
 */
export function templateDataType(manifest: Manifest): DataType {
  const all = allTemplateData();
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
  for (const [part, rule] of Object.entries(PARTS)) {
    const f = fields.get(part);
    if (f === undefined) continue;
    if (!rule.inputs.some((n) => declared(n) !== undefined)) {
      fields.delete(part);
      absent.set(part, rule.why);
    } else if (part === "renewal" || rule.inputs.some(present)) {
      // renewal is planned whenever a renewal input is declared (years has a default)
      fields.set(part, { type: f.type, optional: false });
    }
  }
  return { kind: "object", fields, absent };
}

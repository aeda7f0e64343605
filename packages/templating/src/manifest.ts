import { nameList, parseYaml } from "@qiyue/contract-model";
import { z } from "zod";
import { TemplateError } from "./errors.js";
import { INPUT_NAMES } from "./inputs.js";

const InputSpec = z.union([
  z.enum(["required", "optional"]),
  z.strictObject({
    required: z.boolean().default(false),
    default: z.union([z.string(), z.number()]).optional(),
    description: z.string().optional(),
  }),
]);

const inputShape = Object.fromEntries(INPUT_NAMES.map((name) => [name, InputSpec.optional()])) as Record<
  (typeof INPUT_NAMES)[number],
  z.ZodOptional<typeof InputSpec>
>;

/** `manifest.yaml` of a template folder. */
export const Manifest = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "name 只能包含小写字母、数字和连字符" }),
  title: z.string().min(1).meta({ description: "文档名称，如“验收单”" }),
  description: z.string().min(1),
  inputs: z.strictObject({
    contract: z.literal("required", { message: "每个模板都需要合同：应写 contract: required" }),
    /** The document is made from work-order exports (--orders …): the template receives `monthly`. */
    orders: z.literal("required", { message: "orders 只能写 required（模板由工单导出数据生成）" }).optional(),
    /**
     * The document is the contract's acceptance form: the template receives `acceptance` (the
     * vendor's obligations item by item, the grade if the contract provides for one), and what
     * the contract leaves open there is warned about for this document only.
     */
    acceptance: z.literal("required", { message: "acceptance 只能写 required（模板是验收单，需要验收数据）" }).optional(),
    /**
     * The document prints the contract's clauses: for a contract that records no body, the
     * template receives `clauses`, the text written from the model (what the contract leaves
     * open there is warned about for this document only).
     */
    clauses: z.literal("required", { message: "clauses 只能写 required（模板打印合同条款，合同未录入正文时由合同数据生成）" }).optional(),
    ...inputShape,
  }),
  options: z
    .strictObject({
      theme: z.enum(["formal", "plain"]).default("formal"),
      toc: z.boolean().default(false),
    })
    .default({ theme: "formal", toc: false }),
  output: z.string().min(1).meta({ description: "输出文件名（不含扩展名），Handlebars，如 {{contract.id}}-验收单" }),
});

export type Manifest = z.infer<typeof Manifest>;

/** A declared input, normalised. */
export interface InputDeclaration {
  required: boolean;
  default?: string | number;
  description?: string;
}

export function inputDeclaration(manifest: Manifest, name: (typeof INPUT_NAMES)[number]): InputDeclaration | undefined {
  const spec = manifest.inputs[name];
  if (spec === undefined) return undefined;
  if (typeof spec === "string") return { required: spec === "required" };
  const out: InputDeclaration = { required: spec.required };
  if (spec.default !== undefined) out.default = spec.default;
  if (spec.description !== undefined) out.description = spec.description;
  return out;
}

/** Parses and checks a manifest; every problem names the file, line and column. */
export function parseManifest(text: string, file: string): Manifest {
  const yaml = parseYaml(text, file);
  if ("issues" in yaml) {
    const first = yaml.issues[0]!;
    throw new TemplateError("TEMPLATE_MANIFEST", first.message, {
      file,
      ...(first.line === undefined ? {} : { line: first.line, column: first.column ?? 1 }),
    });
  }
  const { doc, lineCounter } = yaml;
  const parsed = Manifest.safeParse(yaml.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [...issue.path];
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  let offset: number | undefined;
  for (let n = path.length; n >= 0 && offset === undefined; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range !== undefined) offset = range[0];
    if (n === path.length && issue.code === "unrecognized_keys") {
      // point at the key, not its value
      const pair = findKeyOffset(doc.getIn(path.slice(0, -1) as (string | number)[], true), String(path[path.length - 1]));
      if (pair !== undefined) offset = pair;
    }
  }
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  const where = path.length === 0 ? "" : `${path.join(".")}：`;
  const message = issue.code === "unrecognized_keys" ? `未知的字段“${nameList(issue.keys)}”` : issue.message;
  throw new TemplateError("TEMPLATE_MANIFEST", `${where}${message}`, {
    file,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  });
}

function findKeyOffset(map: unknown, key: string): number | undefined {
  const items = (map as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined)?.items;
  return items?.find((item) => item.key?.value === key)?.key?.range?.[0];
}

/**
 * Where the `output` pattern is in manifest.yaml: a line and column of the pattern to the
 * file's (its first line starts after the key, inside the quotes if any).
 */
export function outputPosition(text: string, file: string): (line: number, column: number) => { line: number; column: number } {
  const yaml = parseYaml(text, file);
  const node = "issues" in yaml ? undefined : (yaml.doc.get("output", true) as { range?: [number, number, number]; type?: string } | undefined);
  const start = node?.range === undefined || "issues" in yaml ? undefined : yaml.lineCounter.linePos(node.range[0]);
  const quoted = node?.type === "QUOTE_DOUBLE" || node?.type === "QUOTE_SINGLE" ? 1 : 0;
  return (line, column) =>
    start === undefined ? { line: 1, column: 1 } : { line: start.line + line - 1, column: line === 1 ? start.col + quoted + column - 1 : column };
}

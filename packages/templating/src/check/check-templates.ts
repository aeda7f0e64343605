import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import Handlebars from "handlebars";
import { TemplateError } from "../errors.js";
import { HELPERS } from "../helpers/index.js";
import { INPUT_NAMES, type InputName } from "../inputs.js";
import { type LoadedTemplate, listTemplateFolders, loadTemplateDir, readTemplateFiles } from "../load.js";
import { outputPosition } from "../manifest.js";
import type { TemplateIssue } from "./issues.js";
import { type TemplateDataSpec, templateDataType } from "./template-data.js";
import { type Source, type WalkContext, walkTemplate } from "./walk.js";

export interface TemplatesCheckResult {
  /** The templates checked, by name. */
  templates: string[];
  issues: TemplateIssue[];
  /** No errors (warnings allowed). */
  ok: boolean;
}

function parse(file: string, text: string): hbs.AST.Program {
  return Handlebars.parseWithoutProcessing(text, { srcName: file });
}

const RENEWAL_INPUTS: readonly InputName[] = ["increase", "amount", "years", "term", "schedule"];

/** Where an input shows up in the data besides `inputs.<name>`. */
function usesInput(name: InputName, used: ReadonlySet<string>): boolean {
  const prefixes = [`inputs.${name}`];
  if (name === "installment") prefixes.push("payment");
  if (RENEWAL_INPUTS.includes(name)) prefixes.push("renewal");
  return [...used].some((p) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}.`)));
}

async function checkOne(template: LoadedTemplate, spec: TemplateDataSpec, issues: TemplateIssue[]): Promise<void> {
  // the same files the engine compiled (loadTemplateDir): inside the folder, within the limits
  const files = await readTemplateFiles(template.dir);
  const partials = new Map<string, Source>(
    Object.entries(files.partials).map(([name, { file, text }]) => [name, { file, program: parse(file, text) }]),
  );
  const ctx: WalkContext = { template: template.name, helpers: HELPERS, partials, issues, used: new Set(), usedPartials: new Set() };
  const data = templateDataType(template.manifest, spec);
  walkTemplate(ctx, { file: files.main.file, program: parse(files.main.file, files.main.text) }, data);
  const manifestFile = files.manifest.file;
  walkTemplate(
    ctx,
    { file: manifestFile, program: parse(manifestFile, template.manifest.output), position: outputPosition(files.manifest.text, manifestFile) },
    data,
  );
  for (const [name, source] of partials) {
    if (!ctx.usedPartials.has(name)) {
      issues.push({
        code: "TEMPLATE_PARTIAL_UNUSED",
        severity: "warning",
        message: `子模板“${name}”没有被使用（用 {{> ${name}}} 引用它，或删除该文件）`,
        template: template.name,
        file: source.file,
      });
    }
  }
  for (const name of INPUT_NAMES) {
    if (template.manifest.inputs[name] === undefined || usesInput(name, ctx.used)) continue;
    issues.push({
      code: "TEMPLATE_INPUT_UNUSED",
      severity: "warning",
      message: `清单声明了输入 ${name}，但模板和 output 都没有用到它（inputs.${name}${name === "installment" ? "、payment" : RENEWAL_INPUTS.includes(name) ? "、renewal" : ""}）`,
      template: template.name,
      file: manifestFile,
    });
  }
}

/**
 * The templates of a folder: the folder itself when it holds a manifest.yaml, else each
 * template folder inside it.
 */
export async function templatesInFolder(dir: string): Promise<{ name: string; dir: string }[]> {
  const folder = resolve(dir);
  if (existsSync(join(folder, "manifest.yaml"))) return [{ name: basename(folder), dir: folder }];
  return (await listTemplateFolders(folder)).map((name) => ({ name, dir: join(folder, name) }));
}

/**
 * Checks each template (its folder, and the name it is known by; manifest.yaml is checked
 * alone) without rendering anything: the engine's own rules (syntax, helpers and their number
 * of arguments, partials, manifest), then every lookup against the type of the data the
 * template receives (`data`, see walk.ts), the manifest's `output` pattern included, and
 * whether declared inputs and partials are used.
 */
export async function checkTemplates(
  templates: readonly { name: string; dir: string }[],
  data: TemplateDataSpec,
): Promise<TemplatesCheckResult> {
  const issues: TemplateIssue[] = [];
  for (const { name, dir } of templates) {
    let template: LoadedTemplate;
    try {
      template = await loadTemplateDir(dir);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      for (const issue of e.issues) {
        issues.push({
          code: issue.code as TemplateIssue["code"],
          severity: "error",
          message: issue.message,
          template: name,
          file: issue.file ?? dir,
          ...(issue.line !== undefined ? { line: issue.line } : {}),
          ...(issue.column !== undefined ? { column: issue.column } : {}),
        });
      }
      continue;
    }
    await checkOne(template, data, issues);
  }
  return { templates: templates.map((t) => t.name), issues, ok: !issues.some((i) => i.severity === "error") };
}

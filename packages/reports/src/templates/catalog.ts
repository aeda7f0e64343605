import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CompiledTemplate, compilePlainText, compileTemplate, type TemplateSource } from "./engine.js";
import { TemplateError } from "./errors.js";
import { type Manifest, parseManifest } from "./manifest.js";

const TEMPLATE_FILE = "template.md.hbs";
const MANIFEST_FILE = "manifest.yaml";
const PARTIAL_SUFFIX = ".md.hbs";

/**
 * The folder of the built-in templates: `templates/` at the root of the repository, found from
 * this module's own location (the same depth from `src/templates/` and `dist/templates/`),
 * never from the working directory.
 */
export function templatesDir(): string {
  return fileURLToPath(new URL("../../../../templates/", import.meta.url));
}

/** A template folder, read and compiled. */
export interface LoadedTemplate {
  name: string;
  dir: string;
  manifest: Manifest;
  /** Renders the Markdown. */
  render: CompiledTemplate;
  /** Renders the output file name, without extension. */
  outputName: CompiledTemplate;
}

/** The names of the template folders in `dir` (folders holding a manifest.yaml), sorted. */
export async function listTemplates(dir: string = templatesDir()): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new TemplateError("TEMPLATE_NOT_FOUND", `模板目录不存在或无法读取`, { file: dir });
  }
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, MANIFEST_FILE)))
    .map((e) => e.name)
    .sort();
}

async function readText(file: string): Promise<string> {
  try {
    const text = await readFile(file, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateError("TEMPLATE_UNREADABLE", code === "ENOENT" ? "文件不存在" : `无法读取文件（${code ?? "未知错误"}）`, { file });
  }
}

/**
 * Reads the template `name` from `dir`: its manifest, its `template.md.hbs` and the other
 * `*.md.hbs` files of the same folder as partials (`_party.md.hbs` is `{{> _party}}`).
 * An unknown name lists the templates that exist.
 */
export async function loadTemplate(name: string, dir: string = templatesDir()): Promise<LoadedTemplate> {
  const available = await listTemplates(dir);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !available.includes(name)) {
    throw new TemplateError("TEMPLATE_NOT_FOUND", `没有名为“${name}”的模板。可用的模板：${available.join("、") || "（无）"}`);
  }
  const folder = join(dir, name);
  const manifestFile = join(folder, MANIFEST_FILE);
  const manifest = parseManifest(await readText(manifestFile), manifestFile);
  if (manifest.name !== name) {
    throw new TemplateError("TEMPLATE_MANIFEST", `name 应与目录名一致：目录为“${name}”，name 为“${manifest.name}”`, { file: manifestFile });
  }
  const partials: Record<string, TemplateSource> = {};
  for (const entry of (await readdir(folder)).sort()) {
    if (entry === TEMPLATE_FILE || !entry.endsWith(PARTIAL_SUFFIX)) continue;
    const file = join(folder, entry);
    partials[entry.slice(0, -PARTIAL_SUFFIX.length)] = { file, text: await readText(file) };
  }
  const templateFile = join(folder, TEMPLATE_FILE);
  const render = compileTemplate({ file: templateFile, text: await readText(templateFile) }, partials);
  const outputName = compilePlainText({ file: `${manifestFile} (output)`, text: manifest.output });
  return { name, dir: folder, manifest, render, outputName };
}

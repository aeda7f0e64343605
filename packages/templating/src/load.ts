import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type CompiledTemplate, compilePlainText, compileTemplate, type TemplateSource } from "./engine.js";
import { TemplateError } from "./errors.js";
import { type Manifest, parseManifest } from "./manifest.js";

const TEMPLATE_FILE = "template.md.hbs";
const MANIFEST_FILE = "manifest.yaml";
const PARTIAL_SUFFIX = ".md.hbs";

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
export async function listTemplateFolders(dir: string): Promise<string[]> {
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
 * Reads the template `name` from a folder of template folders `dir`. An unknown name lists
 * the templates that exist there.
 */
export async function loadTemplateFromFolder(name: string, dir: string): Promise<LoadedTemplate> {
  const available = await listTemplateFolders(dir);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !available.includes(name)) {
    throw new TemplateError("TEMPLATE_NOT_FOUND", `没有名为“${name}”的模板。可用的模板：${available.join("、") || "（无）"}`);
  }
  return loadTemplateDir(join(dir, name), name);
}

/**
 * Reads one template folder: its manifest, its `template.md.hbs` and the other `*.md.hbs`
 * files of the same folder as partials (`_party.md.hbs` is `{{> _party}}`). `expectedName`,
 * when given (a folder found in a folder of templates), must be the manifest's name.
 */
export async function loadTemplateDir(folder: string, expectedName?: string): Promise<LoadedTemplate> {
  const manifestFile = join(folder, MANIFEST_FILE);
  const manifest = parseManifest(await readText(manifestFile), manifestFile);
  if (expectedName !== undefined && manifest.name !== expectedName) {
    throw new TemplateError("TEMPLATE_MANIFEST", `name 应与目录名一致：目录为“${expectedName}”，name 为“${manifest.name}”`, { file: manifestFile });
  }
  const name = manifest.name;
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

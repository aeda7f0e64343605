import { existsSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { normalizeLineBreaks } from "@qiyue/contract-model";
import { type CompiledTemplate, compilePlainText, compileTemplate, type TemplateSource } from "./engine.js";
import { TemplateError } from "./errors.js";
import { MAX_TEMPLATE_BYTES } from "./limits.js";
import { type Manifest, outputPosition, parseManifest } from "./manifest.js";

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
  /** The texts it was compiled from (template.md.hbs, then its partials), to find where generated Markdown came from. */
  sources?: readonly TemplateSource[];
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

/**
 * Reads a file of the template folder `folder`, refusing one that lies outside it once symbolic
 * links are followed (a partial linked to a file elsewhere is never read). A lone carriage
 * return counts as a line break, so that positions in messages are right.
 */
export async function readTemplateFile(folder: string, file: string): Promise<string> {
  try {
    const [root, real] = await Promise.all([realpath(folder), realpath(file)]);
    const rel = relative(root, real);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      throw new TemplateError("TEMPLATE_OUTSIDE", "该文件（符号链接）指向模板目录之外，不予读取：模板只能使用自己目录中的文件", { file });
    }
    const size = (await stat(real)).size;
    if (size > MAX_TEMPLATE_BYTES) {
      throw new TemplateError("TEMPLATE_TOO_LARGE", `文件超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MiB，不予读取`, { file });
    }
    const text = await readFile(real, "utf8");
    return normalizeLineBreaks(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateError("TEMPLATE_UNREADABLE", code === "ENOENT" ? "文件不存在" : `无法读取文件（${code ?? "未知错误"}）`, { file });
  }
}

/** The texts of a template folder: manifest.yaml, template.md.hbs and its partials by name. */
export interface TemplateFiles {
  manifest: TemplateSource;
  main: TemplateSource;
  partials: Record<string, TemplateSource>;
}

/** Reads a template folder's files (see readTemplateFile): `*.md.hbs` besides template.md.hbs are its partials. */
export async function readTemplateFiles(folder: string): Promise<TemplateFiles> {
  const manifestFile = join(folder, MANIFEST_FILE);
  const manifest = { file: manifestFile, text: await readTemplateFile(folder, manifestFile) };
  const partials: Record<string, TemplateSource> = {};
  for (const entry of (await readdir(folder)).sort()) {
    if (entry === TEMPLATE_FILE || !entry.endsWith(PARTIAL_SUFFIX)) continue;
    const file = join(folder, entry);
    partials[entry.slice(0, -PARTIAL_SUFFIX.length)] = { file, text: await readTemplateFile(folder, file) };
  }
  const templateFile = join(folder, TEMPLATE_FILE);
  return { manifest, main: { file: templateFile, text: await readTemplateFile(folder, templateFile) }, partials };
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
  const files = await readTemplateFiles(folder);
  const manifestFile = files.manifest.file;
  const manifest = parseManifest(files.manifest.text, manifestFile);
  if (expectedName !== undefined && manifest.name !== expectedName) {
    throw new TemplateError("TEMPLATE_MANIFEST", `name 应与目录名一致：目录为“${expectedName}”，name 为“${manifest.name}”`, { file: manifestFile });
  }
  const render = compileTemplate(files.main, files.partials);
  // a mistake in the output pattern is reported at its line and column in manifest.yaml
  const outputName = compilePlainText({ file: manifestFile, text: manifest.output, position: outputPosition(files.manifest.text, manifestFile) });
  return { name: manifest.name, dir: folder, manifest, render, outputName, sources: [files.main, ...Object.values(files.partials)] };
}

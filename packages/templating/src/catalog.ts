import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { TemplateError } from "./errors.js";
import { type LoadedTemplate, listTemplateFolders, loadTemplateDir, readTemplateFile } from "./load.js";

/** Where a template comes from. */
export type TemplateOrigin =
  /** shipped with qiyue, as the npm package `package` */
  | { kind: "built-in"; package: string }
  /** a folder given with `--templates` (or a golden suite's `templates:`) */
  | { kind: "folder"; folder: string }
  /** an npm package installed in the user's project, named on the command line */
  | { kind: "package"; package: string };

/** One template the catalogue can see. */
export interface TemplateEntry {
  /** The manifest's name: what `qiyue render NAME` takes. */
  name: string;
  /** The template's folder (holding manifest.yaml and template.md.hbs). */
  dir: string;
  origin: TemplateOrigin;
  /** A template of the same name that this one hides (a built-in, for a local one of that name). */
  shadows?: TemplateEntry;
}

/** A template package, and where to resolve it from: a module's file URL (`import.meta.url`), or a folder. */
export interface TemplatePackageRef {
  package: string;
  from: string;
}

export interface CatalogOptions {
  /** Template packages shipped with the application, resolved from where they are listed. */
  builtIns?: readonly TemplatePackageRef[];
  /** Folders of templates that add to the built-ins; a template of the same name wins over a built-in. */
  folders?: readonly string[];
  /** Where the user's own template packages are installed (their project); the working directory by default. */
  cwd?: string;
}

const MANIFEST_FILE = "manifest.yaml";
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * A package's folder as Node finds it from `from` (a module's file URL, or a folder): the first
 * `node_modules/<name>` holding a package.json, walking up. Looked up by folder rather than
 * through the package's `exports`, so a template package need not export its package.json.
 * Undefined when it is not installed.
 */
function packageDir(name: string, from: string): string | undefined {
  let dir = from.startsWith("file:") ? dirname(fileURLToPath(from)) : resolve(from);
  for (;;) {
    const candidate = join(dir, "node_modules", ...name.split("/"));
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function templateNameOf(dir: string): Promise<string> {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new TemplateError("TEMPLATE_NOT_FOUND", "不是模板包：缺少 manifest.yaml", { file: dir });
  const text = await readTemplateFile(dir, file);
  const name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
  if (name === undefined) throw new TemplateError("TEMPLATE_MANIFEST", "缺少 name", { file });
  return name;
}

/**
 * Every template an application can see: its built-in template packages, the folders the user
 * named, and any template package the user names by its npm name (`@bureau/letter`), resolved
 * from the user's project. A local template of a built-in's name wins, and says so
 * (`shadows`). Only what was named is read.
 */
export class TemplateCatalog {
  private readonly byName = new Map<string, TemplateEntry>();
  private readonly cwd: string;

  private constructor(entries: readonly TemplateEntry[], cwd: string) {
    this.cwd = cwd;
    for (const entry of entries) {
      const earlier = this.byName.get(entry.name);
      this.byName.set(entry.name, earlier === undefined ? entry : { ...entry, shadows: earlier });
    }
  }

  /** Builds the catalogue: built-ins first, then each folder in order (later ones win). */
  static async create(options: CatalogOptions = {}): Promise<TemplateCatalog> {
    const entries: TemplateEntry[] = [];
    for (const ref of options.builtIns ?? []) {
      const dir = packageDir(ref.package, ref.from);
      if (dir === undefined) {
        throw new TemplateError("TEMPLATE_NOT_FOUND", `内置模板包 ${ref.package} 未安装，请重新安装 qiyue`);
      }
      entries.push({ name: await templateNameOf(dir), dir, origin: { kind: "built-in", package: ref.package } });
    }
    for (const folder of options.folders ?? []) {
      const abs = resolve(folder);
      if (existsSync(join(abs, MANIFEST_FILE))) {
        entries.push({ name: await templateNameOf(abs), dir: abs, origin: { kind: "folder", folder: abs } });
        continue;
      }
      for (const name of await listTemplateFolders(abs)) {
        entries.push({ name, dir: join(abs, name), origin: { kind: "folder", folder: abs } });
      }
    }
    return new TemplateCatalog(entries, resolve(options.cwd ?? process.cwd()));
  }

  /** Every template by name, sorted; for each name the one that wins. */
  entries(): TemplateEntry[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  names(): string[] {
    return this.entries().map((e) => e.name);
  }

  /**
   * The template `ref`: a name the catalogue knows, or the npm name of a template package
   * installed in the user's project (`@bureau/letter`). An unknown name lists what exists.
   */
  async find(ref: string): Promise<TemplateEntry> {
    const known = this.byName.get(ref) ?? [...this.byName.values()].find((e) => "package" in e.origin && e.origin.package === ref);
    if (known !== undefined) return known;
    if (PACKAGE_NAME.test(ref)) {
      const dir = packageDir(ref, this.cwd);
      if (dir !== undefined) {
        if (!existsSync(join(dir, MANIFEST_FILE))) {
          throw new TemplateError("TEMPLATE_NOT_FOUND", `npm 包 ${ref} 不是模板包：包的根目录没有 manifest.yaml`, { file: dir });
        }
        return { name: await templateNameOf(dir), dir, origin: { kind: "package", package: ref } };
      }
    }
    const scoped = ref.startsWith("@") ? `（也没有安装名为 ${ref} 的 npm 包）` : "";
    throw new TemplateError("TEMPLATE_NOT_FOUND", `没有名为“${ref}”的模板${scoped}。可用的模板：${this.names().join("、") || "（无）"}`);
  }

  /** Finds and reads the template `ref`. */
  async load(ref: string): Promise<LoadedTemplate & { entry: TemplateEntry }> {
    const entry = await this.find(ref);
    const template = await loadTemplateDir(entry.dir, entry.origin.kind === "folder" && entry.dir !== entry.origin.folder ? entry.name : undefined);
    return { ...template, entry };
  }
}

/** Where a template comes from, in words, for listings and notes. */
export function describeOrigin(origin: TemplateOrigin): string {
  switch (origin.kind) {
    case "built-in":
      return `内置 ${origin.package}`;
    case "folder":
      return `目录 ${origin.folder}`;
    case "package":
      return `npm 包 ${origin.package}`;
  }
}

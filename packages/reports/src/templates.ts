import { type CatalogOptions, type LoadedTemplate, TemplateCatalog, type TemplateEntry, type TemplatePackageRef } from "@qiyue/templating";

/** The documents qiyue makes, each a template package of its own. */
export const BUILT_IN_TEMPLATE_PACKAGES = [
  "@qiyue/template-acceptance",
  "@qiyue/template-contract",
  "@qiyue/template-invoice-request",
  "@qiyue/template-monthly-report",
  "@qiyue/template-renewal-draft",
] as const;

/** The built-in template packages, resolved from this package (its dependencies). */
export function builtInTemplates(): TemplatePackageRef[] {
  return BUILT_IN_TEMPLATE_PACKAGES.map((name) => ({ package: name, from: import.meta.url }));
}

export interface TemplateLookup {
  /** Folders of the user's own templates; they add to the built-ins, and one of a built-in's name wins. */
  templatesDir?: string | readonly string[];
  /** Where the user's template packages are installed (`qiyue render @bureau/letter`); the working directory by default. */
  cwd?: string;
}

/** Every template the user can render: the built-ins, then the folders given. */
export function templateCatalog(lookup: TemplateLookup = {}): Promise<TemplateCatalog> {
  const folders = lookup.templatesDir === undefined ? [] : typeof lookup.templatesDir === "string" ? [lookup.templatesDir] : lookup.templatesDir;
  const options: CatalogOptions = { builtIns: builtInTemplates(), folders, ...(lookup.cwd !== undefined ? { cwd: lookup.cwd } : {}) };
  return TemplateCatalog.create(options);
}

/** Reads the template `ref` (a name, or a template package's npm name) from the catalogue. */
export async function loadTemplate(ref: string, lookup: TemplateLookup = {}): Promise<LoadedTemplate & { entry: TemplateEntry }> {
  return (await templateCatalog(lookup)).load(ref);
}

/** The names of every template the catalogue sees, sorted. */
export async function listTemplates(lookup: TemplateLookup = {}): Promise<string[]> {
  return (await templateCatalog(lookup)).names();
}

import { checkTemplates as checkAgainst, type TemplatesCheckResult, templatesInFolder } from "@qiyue/templating";
import { TEMPLATE_DATA } from "./template-data.js";
import { type TemplateLookup, templateCatalog } from "./templates.js";

/**
 * `qiyue templates check`: the templates of `dir` (one template folder, or a folder of them),
 * or, without it, the built-in ones, checked against the data a built-in template may see
 * (TEMPLATE_DATA), without rendering anything. `only` limits the check to those names.
 */
export async function checkTemplates(dir?: string, only?: readonly string[]): Promise<TemplatesCheckResult> {
  let templates = dir === undefined ? (await templateCatalog()).entries() : await templatesInFolder(dir);
  if (only !== undefined) templates = templates.filter((t) => only.includes(t.name));
  return checkAgainst(templates, TEMPLATE_DATA);
}

/** The templates of a catalogue (the built-ins and the folders of `lookup`), those named in `only`, checked likewise. */
export async function checkCatalogTemplates(lookup: TemplateLookup, only?: readonly string[]): Promise<TemplatesCheckResult> {
  let templates = (await templateCatalog(lookup)).entries();
  if (only !== undefined) templates = templates.filter((t) => only.includes(t.name));
  return checkAgainst(templates, TEMPLATE_DATA);
}

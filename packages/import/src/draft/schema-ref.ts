import { createRequire } from "node:module";
import { relative, sep } from "node:path";

/**
 * The `$schema` reference for a draft written into `dir`: the path from there to the contract
 * schema of the installed @qiyue/contract-model, with forward slashes, so an editor finds it.
 */
export function schemaReferenceFrom(dir: string): string {
  const schema = createRequire(import.meta.url).resolve("@qiyue/contract-model/schema.json");
  return relative(dir, schema).split(sep).join("/");
}

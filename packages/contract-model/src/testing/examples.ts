import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type LoadedContract, parseContract } from "../load/index.js";
import { parseYaml } from "../yaml/index.js";

/** The example contracts shipped in the repository (test helper, not exported). */
export const EXAMPLES = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"] as const;
export type ExampleId = (typeof EXAMPLES)[number];

export function examplePath(id: ExampleId): string {
  return fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
}

export function exampleSource(id: ExampleId): string {
  return readFileSync(examplePath(id), "utf8");
}

export function loadExample(id: ExampleId): LoadedContract {
  return parseContract(exampleSource(id), `${id}.yaml`);
}

/** Loads an example after changing one value at a model path: for rule tests. */
export function loadExampleWith(id: ExampleId, edits: [path: (string | number)[], value: unknown][]): LoadedContract {
  const parsed = parseYaml(exampleSource(id), `${id}.yaml`);
  if ("issues" in parsed) throw new Error(`${id}.yaml: ${parsed.issues[0]?.message}`);
  const { doc } = parsed;
  for (const [path, value] of edits) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, value);
  }
  return parseContract(doc.toString(), `${id}.yaml`);
}

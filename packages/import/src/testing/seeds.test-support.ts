/**
 * Test support: the five signed contract texts under examples/import/ as SourceText, read as
 * the text reader reads a .txt file, and the hand-made model of each.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "@qiyue/contract-model";
import { textSource as readText } from "../source/text-file.js";
import type { SourceText } from "../source/types.js";

export const SEEDS = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"] as const;
export type SeedId = (typeof SEEDS)[number];

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");

/** A text as the plain-text reader reads it. */
export function textSource(text: string, file = "contract.txt"): SourceText {
  return readText(new TextEncoder().encode(text), file, "txt");
}

export function seedText(id: SeedId): string {
  return readFileSync(join(REPO, "examples", "import", `${id}.txt`), "utf8");
}

export function seedSource(id: SeedId): SourceText {
  return textSource(seedText(id), `${id}.txt`);
}

/** The hand-made model of a seed, as plain YAML data (the input shape). */
export function exampleData(id: SeedId): Record<string, unknown> {
  const file = join(REPO, "examples", "contracts", `${id}.yaml`);
  const parsed = parseYaml(readFileSync(file, "utf8"), file);
  if ("issues" in parsed) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join("; ")}`);
  return parsed.data as Record<string, unknown>;
}

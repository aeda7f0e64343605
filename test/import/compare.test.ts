import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importContract, readSource } from "@qiyue/import";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/qiyue.js";
import { type Comparison, compare, comparisonTable, foundShare, tally, wrongLines } from "./compare.test-support.js";

/**
 * Importing each signed contract text under examples/import/ and comparing the draft with the
 * hand-made model of the same contract (examples/contracts/), field by field (see
 * compare.test-support.ts for what counts as the same). The goal is no wrong value and 90 % of
 * the important fields found; the bounds below are what the import does today, so that any
 * regression fails.
 *
 * The table of fields per contract (fields, same, wrong, to confirm, missing, found) is printed
 * on every run: `cd test && npx vitest run import/compare.test.ts`.
 */
const SEEDS = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"] as const;
type Seed = (typeof SEEDS)[number];

/**
 * What the import does today on each contract (measured), as bounds: at most so many wrong values
 * (among all fields and among the important ones), at least such a share (whole %) of all fields
 * and of the important fields the same as the model. The goal: no wrong value, 90 % important.
 */
const BOUNDS: Record<Seed, { wrong: number; importantWrong: number; found: number; importantFound: number }> = {
  "pinggu-2026": { wrong: 0, importantWrong: 0, found: 86, importantFound: 100 },
  "haidian-2024": { wrong: 0, importantWrong: 0, found: 60, importantFound: 98 },
  "yuetan-2026": { wrong: 0, importantWrong: 0, found: 77, importantFound: 98 },
  "sujiatuo-2026": { wrong: 0, importantWrong: 0, found: 69, importantFound: 98 },
  "bda-2024": { wrong: 0, importantWrong: 0, found: 64, importantFound: 98 },
};

async function draftOf(id: Seed) {
  const source = await readSource(join(ROOT, "examples", "import", `${id}.txt`), { name: `examples/import/${id}.txt` });
  return importContract(source, { file: `${id}.yaml` });
}

const model = (id: Seed) => parse(readFileSync(join(ROOT, "examples", "contracts", `${id}.yaml`), "utf8")) as unknown;

describe("importing the five signed contracts gives the hand-made models", async () => {
  const comparisons: Comparison[] = [];
  for (const id of SEEDS) {
    const draft = await draftOf(id);
    const printed = readFileSync(join(ROOT, "examples", "import", `${id}.txt`), "utf8");
    comparisons.push(compare(id, model(id), parse(draft.yaml), printed));
  }
  console.log(`\n${comparisonTable(comparisons)}\n`);
  for (const c of comparisons) for (const line of wrongLines(c)) console.log(line);

  it.each(comparisons.map((c) => [c.id, c] as const))("%s: no more wrong values, no fewer found, than measured", (id, c) => {
    const bounds = BOUNDS[id as Seed];
    const all = tally(c.leaves);
    const important = c.leaves.filter((l) => l.important);
    expect(all.fields, "the model has fields to compare").toBeGreaterThan(100);
    expect(wrongLines({ id, leaves: important }).length, wrongLines({ id, leaves: important }).join("\n")).toBeLessThanOrEqual(bounds.importantWrong);
    expect(all.wrong, wrongLines(c).join("\n")).toBeLessThanOrEqual(bounds.wrong);
    expect(foundShare(tally(important))).toBeGreaterThanOrEqual(bounds.importantFound);
    expect(foundShare(all)).toBeGreaterThanOrEqual(bounds.found);
  });

  it("finds 90 % of the important fields of the five together", () => {
    expect(foundShare(tally(comparisons.flatMap((c) => c.leaves.filter((l) => l.important))))).toBeGreaterThanOrEqual(90);
  });
});

describe("the draft", () => {
  it.each(SEEDS)("%s: loads as a contract with only placeholders left to do", async (id) => {
    const draft = await draftOf(id);
    // no extractor failed, and no value is of the wrong type
    const problems = draft.findings.filter((f) => f.stage !== "validate" && f.code !== "TO_CONFIRM" && f.code !== "TO_FILL");
    expect(problems).toEqual([]);
    // every placeholder written is reported, where it stands
    const lines = draft.yaml.split("\n");
    const placeholders = draft.findings.filter((f) => f.code === "TO_CONFIRM" || f.code === "TO_FILL");
    for (const f of placeholders) {
      expect(f.line, f.message).toBeDefined();
      expect(lines[f.line! - 1]).toMatch(/【待(确认|填写)/);
    }
    expect(placeholders).toHaveLength(draft.toConfirm);
    expect(lines.filter((l) => /【待(确认|填写)/.test(l) && !l.trimStart().startsWith("#"))).toHaveLength(draft.toConfirm);
  });

  it.each(SEEDS)("%s: is the same, byte for byte, run to run", async (id) => {
    const [a, b] = [await draftOf(id), await draftOf(id)];
    expect(b.yaml).toBe(a.yaml);
    expect(JSON.stringify(b.json)).toBe(JSON.stringify(a.json));
  });

  it.each(SEEDS)("%s: cites, for every value found, a line that holds what it cites", async (id) => {
    const draft = await draftOf(id);
    const text = readFileSync(join(ROOT, "examples", "import", `${id}.txt`), "utf8").split("\n");
    for (const f of draft.json.found) {
      expect(f.line).toBeGreaterThan(0);
      expect(f.line).toBeLessThanOrEqual(text.length);
    }
    // every comment that cites a line is followed by a value, and names the line's words
    for (const m of draft.yaml.matchAll(/# 第 (\d+) 行：“([^”]*)”/g)) {
      const line = text[Number(m[1]) - 1] ?? "";
      const squash = (s: string) => s.replace(/[\s\\#*\-|]/g, "");
      expect(squash(line)).toContain(squash(m[2]!).slice(0, 20));
    }
  });
});

/**
 * Every YAML loader of the model on hostile text (fuzz, bounded in time): an example contract
 * and ledger with fragments of YAML syntax spliced in anywhere. Each load succeeds or fails
 * with a user error whose issues name the file; nothing else is ever thrown, nothing hangs.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHolidayArrangement } from "../calendar/load.js";
import { UserError } from "../errors/index.js";
import { parseEvents } from "../events/load.js";
import { parseContract } from "../load/load-contract.js";
import { exampleSource, loadExample } from "../testing/examples.js";

const FRAGMENTS = ["&a ", "*a", "*b", "&b [*a, *a, *a]", "[", "]", "{", "}", ": ", "- ", "\n", "\r", "  ", "'", '"', "#", "!!binary ", "<<: *a", "? ", "|\n", "---\n", "\t", "9999-12-31", "0000-01-01", "~", "null", "\u0000", "\ufeff", "-1e999"];

/** A text with fragments spliced in at positions given as fractions of its length. */
const spliced = (text: string) =>
  fc
    .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 }))), { minLength: 1, maxLength: 6 })
    .map((edits) => {
      let out = text;
      for (const [at, fragment] of edits) {
        const i = Math.floor(at * out.length);
        out = out.slice(0, i) + fragment + out.slice(i);
      }
      return out;
    });

function holds(load: () => unknown, file: string): void {
  try {
    load();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(issue.file).toBe(file);
      expect(issue.message.length).toBeLessThan(600);
    }
  }
}

const LEDGER = readFileSync(new URL("../../../../examples/events/pinggu-2026.yaml", import.meta.url), "utf8");
const HOLIDAYS = "year: 2027\nsource: 测试用虚构安排\nholidays:\n  - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }\nworkdays: [2027-01-04]\n";
const options = { numRuns: 150, interruptAfterTimeLimit: 10_000 };

describe("YAML loaders on hostile text (fuzz)", () => {
  it("contracts", () => {
    fc.assert(fc.property(spliced(exampleSource("pinggu-2026")), (text) => holds(() => parseContract(text, "c.yaml"), "c.yaml")), options);
  });

  it("ledgers, read alone and with their contract", () => {
    const contract = loadExample("pinggu-2026").contract;
    fc.assert(
      fc.property(spliced(LEDGER), (text) => {
        holds(() => parseEvents(text, "e.yaml"), "e.yaml");
        holds(() => parseEvents(text, "e.yaml", { contract }), "e.yaml");
      }),
      options,
    );
  });

  it("holiday arrangements", () => {
    fc.assert(fc.property(spliced(HOLIDAYS), (text) => holds(() => parseHolidayArrangement(text, "h.yaml"), "h.yaml")), options);
  });
});

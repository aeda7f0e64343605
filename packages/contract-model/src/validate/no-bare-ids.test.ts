/**
 * A message never shows a schema id (signed, acceptance-passed, working …) without its Chinese
 * name beside it: the validator's findings on the five examples and on broken copies of them,
 * the schedule's wording, and the load errors of misspelt values.
 */
import { describe, expect, it } from "vitest";
import { computeSchedule } from "../schedule/index.js";
import { Contract } from "../schema/contract.js";
import { type Choice, choicesOf, elementOf, type SchemaNode, shapeOf, unionOf } from "../schema/introspect.js";
import { EXAMPLES, exampleSource, loadExample, loadExampleWith } from "../testing/examples.js";
import { issuesOf } from "../testing/load.js";
import { validateContract } from "./validate.js";

/** Every named value of the schema (enum values, discriminators), by id. */
function namedIds(): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    for (const c of choicesOf(node) as Choice[]) {
      if (c.name === undefined) continue;
      const names = ids.get(c.value) ?? new Set<string>();
      names.add(c.name);
      ids.set(c.value, names);
    }
    for (const child of Object.values(shapeOf(node))) visit(child);
    visit(elementOf(node));
    for (const option of unionOf(node)?.options ?? []) visit(option);
  };
  visit(Contract);
  return ids;
}

const IDS = namedIds();

/** The ids a message shows bare: without one of their names right beside them, `合同签订（signed）` or `signed（合同签订）`. */
function bareIds(message: string): string[] {
  const bare: string[] = [];
  for (const [id, names] of IDS) {
    const token = new RegExp(`(?<![A-Za-z0-9_.-])${id.replace(/[-]/g, "\\-")}(?![A-Za-z0-9_-])`, "g");
    const hits = message.match(token)?.length ?? 0;
    if (hits === 0) continue;
    const named = [...names].reduce((n, name) => n + message.split(`${name}（${id}）`).length - 1 + message.split(`${id}（${name}）`).length - 1, 0);
    if (named < hits) bare.push(id);
  }
  return bare;
}

describe("messages name schema values in Chinese", () => {
  it("the check knows the schema's values and catches a bare one", () => {
    expect(IDS.get("acceptance-passed")).toEqual(new Set(["验收合格"]));
    expect(IDS.get("working")).toEqual(new Set(["工作日"]));
    expect(bareIds("第 1 期只写了付款条件（signed）")).toEqual(["signed"]);
    expect(bareIds("第 1 期只写了付款条件“合同签订（signed）”")).toEqual([]);
    expect(bareIds("可选：working（工作日）、natural（自然日）")).toEqual([]);
  });

  it.each(EXAMPLES)("%s: every finding and every schedule line", (id) => {
    const loaded = loadExample(id);
    const texts = [
      ...validateContract(loaded).map((f) => `${f.code}: ${f.message}`),
      ...computeSchedule(loaded.contract).rows.flatMap((r) => [r.basis, r.trigger]),
    ];
    expect(texts.filter((t) => bareIds(t).length > 0)).toEqual([]);
  });

  it("findings on broken copies: conditions without a deadline, dates out of order, shares that do not add up", () => {
    const broken = [
      loadExampleWith("bda-2024", [
        [["payments", "installments", 0, "trigger"], [{ event: "months-after-signing", months: 3 }, { event: "invoice-received" }]],
        [["payments", "installments", 0, "offset"], undefined],
      ]),
      loadExampleWith("haidian-2024", [
        [["payments", "installments", 0, "offset"], undefined],
        [["payments", "installments", 0, "basis", "share"], "60%"],
        [["term", "end"], "2024-01-01"],
      ]),
      loadExampleWith("sujiatuo-2026", [[["scope", "staffing", "total"], 12]]),
    ];
    const messages = broken.flatMap((l) => validateContract(l).map((f) => `${f.code}: ${f.message}`));
    expect(messages.some((m) => m.startsWith("PAYMENT_NO_DEADLINE"))).toBe(true);
    expect(messages.filter((m) => bareIds(m).length > 0)).toEqual([]);
  });

  it("load errors of misspelt values list each allowed value with its name", () => {
    const source = exampleSource("pinggu-2026");
    const misspelt = [
      source.replace(/event: audit-completed/, "event: audit"),
      source.replace(/unit: working/, "unit: work"),
      source.replace(/kind: per-day/, "kind: perday"),
      source.replace(/payer: vendor/, "payer: vender"),
    ];
    for (const text of misspelt) {
      expect(text).not.toBe(source);
      const issues = issuesOf(text);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(bareIds(i.message), i.message).toEqual([]);
    }
  });
});

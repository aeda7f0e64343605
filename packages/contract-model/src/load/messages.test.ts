import { describe, expect, it } from "vitest";
import { TriggerCondition } from "../schema/fees.js";
import { choicesOf } from "../schema/introspect.js";
import { Penalty, PenaltyBase } from "../schema/penalties.js";
import { DayUnit, Side } from "../schema/primitives.js";
import { exampleSource } from "../testing/examples.js";
import { issuesOf } from "../testing/load.js";
import { closest, editDistance } from "./closest.js";

const pinggu = exampleSource("pinggu-2026");
const messageAt = (source: string, path: RegExp) => issuesOf(source).find((i) => path.test(i.path ?? ""))?.message ?? "";

describe("what a message says is allowed", () => {
  it("a bad payment condition lists every condition with its Chinese name and suggests the one meant", () => {
    const message = messageAt(pinggu.replace("event: audit-completed", "event: acceptance"), /trigger\[0\]\.event$/);
    expect(message).toMatch(/^“acceptance”不是 event 的可选值；可选：/);
    for (const c of choicesOf(TriggerCondition)) expect(message).toContain(`${c.value}（${c.name}）`);
    expect(message).toMatch(/；是不是 acceptance-passed（验收合格）？$/);
  });

  it("every enum of the schema names its values: a side, a day unit, a base, a penalty kind", () => {
    const cases: [string, string, RegExp, string][] = [
      ["payer: vendor", "payer: vender", /penalties\[0\]\.payer$/, "vendor（乙方）"],
      ["unit: working", "unit: workday", /\.unit$/, "working（工作日）"],
      ["base: contract-total", "base: contract", /\.base$/, "contract-total（合同总价款）"],
      ["kind: per-day", "kind: per-days", /penalties\[0\]\.kind$/, "per-day（每逾期一日按基数的比例）"],
    ];
    for (const [from, to, path, guess] of cases) {
      const source = pinggu.replace(from, to);
      expect(source, from).not.toBe(pinggu);
      const message = messageAt(source, path);
      expect(message, to).toContain(`；是不是 ${guess}？`);
    }
    expect(choicesOf(Side).map((c) => c.name)).toEqual(["甲方", "乙方"]);
    expect(choicesOf(DayUnit).map((c) => c.name)).toEqual(["工作日", "自然日"]);
    expect(choicesOf(PenaltyBase).every((c) => c.name !== undefined)).toBe(true);
    expect(choicesOf(Penalty).every((c) => c.name !== undefined)).toBe(true);
  });

  it("a value written as its Chinese name is pointed to its id", () => {
    expect(messageAt(pinggu.replace("event: signed", "event: 合同签订"), /\.event$/)).toMatch(/是不是 signed（合同签订）？$/);
  });

  it("a value far from every allowed one lists them without a guess", () => {
    const message = messageAt(pinggu.replace("unit: working", "unit: 每天"), /\.unit$/);
    expect(message).toBe("“每天”不是 unit 的可选值；可选：working（工作日）、natural（自然日）");
  });

  it("an unknown key lists the keys allowed there and suggests the closest", () => {
    const message = messageAt(pinggu.replace("    payer: vendor\n    kind: per-day", "    payr: vendor\n    kind: per-day"), /^penalties\[0\]$/);
    expect(message).toMatch(/^未知字段：payr；此处可写的字段：clause、title、payer、/);
    expect(message).toContain("rate、base");
    expect(message).toMatch(/；是不是 payer？$/);
  });

  it("a missing field says what it needs", () => {
    const message = messageAt(pinggu.replace(/^projectName: .*\n/m, ""), /^projectName$/);
    expect(message).toBe("缺少必填字段（应为文字）。项目名称，照合同原文");
  });
});

describe("closest", () => {
  const choices = choicesOf(TriggerCondition);
  it("prefers the same letters, then the Chinese name, then a prefix, then a near spelling", () => {
    expect(closest("Signed", choices)?.value).toBe("signed");
    expect(closest("验收合格", choices)?.value).toBe("acceptance-passed");
    expect(closest("term-end", choices)?.value).toBe("term-ended");
    expect(closest("efective", choices)?.value).toBe("effective");
    expect(closest("xyz", choices)).toBeUndefined();
    expect(closest("", choices)).toBeUndefined();
  });

  it("counts edits by code point", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("甲方", "乙方")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
});

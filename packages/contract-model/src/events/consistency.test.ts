/** Ledgers that contradict themselves: a warning at the event's line, and the events kept. */
import { describe, expect, it } from "vitest";
import { loadExample } from "../testing/examples.js";
import { parseEvents } from "./load.js";

const pinggu = loadExample("pinggu-2026").contract;
const warnings = (source: string) => parseEvents(source, "events.yaml", { contract: pinggu }).warnings;

describe("ledger warnings", () => {
  it("an honest ledger has none", () => {
    expect(warnings("- { date: 2026-03-19, event: signed }\n- { date: 2026-05-21, event: payment-received, installment: 1, amount: 989550 }\n")).toEqual([]);
  });

  it("three full payments of one installment: the second and third are warned at their lines", () => {
    const source = [
      "- { date: 2026-03-19, event: signed }",
      "- { date: 2026-05-21, event: payment-received, installment: 1, amount: 989550 }",
      "- { date: 2026-05-22, event: payment-received, installment: 1, amount: 989550 }",
      "- { date: 2026-05-23, event: payment-received, installment: 1, amount: 989550 }",
    ].join("\n");
    const found = warnings(source);
    expect(found.map((w) => [w.code, w.line])).toEqual([
      ["EVENT_PAYMENT_REPEATED", 3],
      ["EVENT_PAYMENT_REPEATED", 4],
    ]);
    expect(found[0]?.message).toContain("已于 2026-05-21 付清");
    expect(found[0]).toMatchObject({ file: "events.yaml", path: "[2].amount" });
  });

  it("¥99,999,999 paid on a ¥989,550 installment", () => {
    const [w] = warnings("- date: 2026-05-21\n  event: payment-received\n  installment: 1\n  amount: 99999999\n");
    expect(w).toMatchObject({ code: "EVENT_PAYMENT_EXCEEDS", line: 4, column: 11 });
    expect(w?.message).toContain("多出 99,010,449.00 元");
  });

  it("acceptance before signing", () => {
    const [w] = warnings("- { date: 2026-03-19, event: signed }\n- { date: 2026-03-01, event: acceptance-passed }\n");
    expect(w).toMatchObject({ code: "EVENT_BEFORE_SIGNING", line: 2 });
  });

  it("acceptance before the contract's signing date when the ledger records no signing", () => {
    const [w] = warnings("- { date: 2025-01-01, event: acceptance-passed }\n");
    expect(w).toMatchObject({ code: "EVENT_BEFORE_SIGNING", line: 1 });
    expect(w?.message).toContain("合同的签订日期");
  });

  it("two terminations: the later one is warned", () => {
    const source = "- { date: 2026-03-19, event: signed }\n- { date: 2026-06-01, event: terminated, by: client }\n- { date: 2026-07-01, event: terminated }\n";
    expect(warnings(source).map((w) => [w.code, w.line])).toEqual([["EVENT_TERMINATED_TWICE", 3]]);
  });

  it("a ledger read without its contract still warns what it can", () => {
    const source = "- { date: 2026-03-19, event: signed }\n- { date: 2026-03-20, event: signed }\n";
    expect(parseEvents(source, "events.yaml").warnings.map((w) => w.code)).toEqual(["EVENT_SIGNED_TWICE"]);
  });
});

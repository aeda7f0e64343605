import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadExample, loadExampleWith } from "../testing/examples.js";
import { installmentAmounts, splitMonthly } from "./amounts.js";
import { computeSchedule } from "./schedule.js";

const yuan = (fen: number) => fen / 100;

describe("payment schedules of the example contracts", () => {
  it("Haidian: the computed amounts are the ones printed in 4.2.2 (¥1626095.5, ¥975657.3, ¥650438.2)", () => {
    const s = computeSchedule(loadExample("haidian-2024").contract);
    expect(s.rows.map((r) => yuan(r.amount))).toEqual([1626095.5, 975657.3, 650438.2]);
    expect(s.rows.map((r) => r.capitals)).toEqual(["壹佰陆拾贰万陆仟零玖拾伍元伍角", "玖拾柒万伍仟陆佰伍拾柒元叁角", "陆拾伍万零肆佰叁拾捌元贰角"]);
    expect(s.rows.every((r) => r.amountCheck.status === "match" && r.capitalsCheck.status === "match")).toBe(true);
    expect(s.balanced).toBe(true);
  });

  it("Haidian: the progress payment falls due two months after signing", () => {
    const s = computeSchedule(loadExample("haidian-2024").contract);
    expect(s.rows[1]?.due).toEqual({ kind: "date", date: "2024-11-01" });
  });

  it("Yuetan: 50 % and 30 % as printed (¥925380.5, ¥555228.3), the rest is the remainder", () => {
    const s = computeSchedule(loadExample("yuetan-2026").contract);
    expect(s.rows.map((r) => yuan(r.amount))).toEqual([925380.5, 555228.3, 370152.2]);
    expect(s.rows[0]?.due).toEqual({ kind: "date", date: "2026-02-27", from: "2026-01-28" });
  });

  it("BDA: ¥859000 and ¥257700 as printed, remainder ¥601300", () => {
    const s = computeSchedule(loadExample("bda-2024").contract);
    expect(s.rows.map((r) => yuan(r.amount))).toEqual([859000, 257700, 601300]);
    expect(s.rows[1]?.due).toEqual({ kind: "date", date: "2024-12-31" });
  });

  it("Pinggu: 'pay up to 20 %' after 50 % gives nothing, and the remainder takes the rest", () => {
    const s = computeSchedule(loadExample("pinggu-2026").contract);
    expect(s.rows.map((r) => yuan(r.amount))).toEqual([989550, 0, 989550]);
    expect(s.rows[1]?.problem).toBe("cumulative-below-paid");
    expect(s.rows[0]?.due.kind).toBe("waiting");
  });

  it("Sujiatuo: monthly billing over twelve months adds up to the total to the 分", () => {
    const s = computeSchedule(loadExample("sujiatuo-2026").contract);
    expect(s.rows).toHaveLength(12);
    expect(s.sum).toBe(176650000);
    expect(s.rows[0]?.amount).toBe(14720833);
    expect(s.rows[11]?.amount).toBe(14720837);
  });

  it("shares that add up to 100 % add up to the total exactly, whatever the rounding", () => {
    const c = loadExampleWith("haidian-2024", [
      [["fees", "total", "amount"], "100.01"],
      [["payments", "installments", 0, "basis", "share"], "33.3333%"],
      [["payments", "installments", 1, "basis", "share"], "33.3333%"],
      [["payments", "installments", 2, "basis", "share"], "33.3334%"],
      [["payments", "installments", 0, "printed"], undefined],
      [["payments", "installments", 1, "printed"], undefined],
      [["payments", "installments", 2, "printed"], undefined],
    ]).contract;
    const amounts = installmentAmounts(c).map((a) => a.amount);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(10001);
  });
});

describe("splitMonthly", () => {
  it("always adds up to the total, with months within 分 of each other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 1, max: 120 }), (total, months) => {
        const parts = splitMonthly(total, months);
        expect(parts).toHaveLength(months);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThan(months);
        expect(parts.every((p) => p >= 0)).toBe(true);
      }),
    );
  });
});

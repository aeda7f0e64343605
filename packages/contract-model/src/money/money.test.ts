import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToDecimal, formatYuan, formatYuanShort, parseYuan } from "./fen.js";
import { applyRate, applyRateTimes, formatPercent, parsePercent } from "./rate.js";

describe("parseYuan", () => {
  it.each([
    [1979100, 197910000],
    ["1,766,500.00", 176650000],
    [975657.3, 97565730],
    ["1626095.5", 162609550],
    ["¥650438.2元", 65043820],
    ["0.01", 1],
  ])("%s → %d 分", (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });

  it.each(["12,34.5", "1.234", "-5", "abc", "", "1e6"])("refuses %s with a reason", (input) => {
    const r = parseYuan(input);
    expect(r.ok).toBe(false);
  });

  it("round-trips every amount through its decimal text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (fen) => {
        expect(parseYuan(fenToDecimal(fen))).toEqual({ ok: true, value: fen });
        expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, value: fen });
        expect(parseYuan(formatYuanShort(fen))).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe("rates", () => {
  it("parses and prints shares exactly", () => {
    expect(parsePercent("0.3%")).toEqual({ ok: true, value: 3000 });
    expect(parsePercent("10 %")).toEqual({ ok: true, value: 100000 });
    expect(formatPercent(3000)).toBe("0.3%");
    expect(formatPercent(100000 + 1)).toBe("10.0001%");
    expect(parsePercent("50").ok).toBe(false);
  });

  it("rounds half up to the 分", () => {
    // 0.3 % × ¥3,252,191 × 5 days = ¥48,782.865 → ¥48,782.87 (the Haidian 8.3 example)
    expect(applyRateTimes(325219100, 3000, 5)).toBe(4878287);
    expect(applyRate(325219100, 500000)).toBe(162609550);
    expect(applyRate(5, 500000)).toBe(3); // 2.5 分 → 3 分
    expect(applyRate(3, 500000)).toBe(2); // 1.5 分 → 2 分
  });

  it("never prints float noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (ppm) => {
        expect(formatPercent(ppm)).toMatch(/^\d+(\.\d{1,4})?%$/);
        expect(parsePercent(formatPercent(ppm))).toEqual({ ok: true, value: ppm });
      }),
    );
  });
});

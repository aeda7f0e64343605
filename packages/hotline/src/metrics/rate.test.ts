import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideRounded, formatFraction, parseDecimalUnits, unitsToDecimal } from "./decimal.js";
import { NO_RATE, ppmPercent, rateFigure, weightedScore } from "./rate.js";

describe("decimal helpers", () => {
  it("parses weights exactly", () => {
    expect(parseDecimalUnits(0.1, 4)).toBe(1000);
    expect(parseDecimalUnits("0.35", 4)).toBe(3500);
    expect(parseDecimalUnits(1, 4)).toBe(10000);
    expect(parseDecimalUnits("0.12345", 4)).toBeUndefined();
    expect(parseDecimalUnits(-0.1, 4)).toBeUndefined();
    expect(parseDecimalUnits("1e-3", 4)).toBeUndefined();
  });

  it("rounds half up, away from zero", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(formatFraction(2n, 3n, 2)).toBe("0.67");
    expect(formatFraction(1n, 8n, 2)).toBe("0.13");
    expect(formatFraction(-1n, 8n, 2)).toBe("-0.13");
    expect(formatFraction(7n, 2n, 0)).toBe("4");
    expect(unitsToDecimal(29000, 4)).toBe("2.9");
    expect(unitsToDecimal(30000, 4)).toBe("3");
  });

  it("agrees with exact rational rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 6 }), (n, d) => {
        const text = formatFraction(BigInt(n), BigInt(d), 2);
        const hundredths = BigInt(text.replace(".", ""));
        // n/d - h/100 in [-1/200, 1/200): a tie rounds up
        const diff = BigInt(n) * 200n - hundredths * 2n * BigInt(d);
        expect(diff >= -BigInt(d) && diff < BigInt(d)).toBe(true);
      }),
    );
  });
});

describe("rates", () => {
  it("keeps the numerator exact and formats at the end", () => {
    expect(rateFigure(29000, 4, 5, 2)).toEqual({ numerator: "2.9", denominator: 5, ppm: 580000, percent: "58.00%" });
    expect(rateFigure(2, 0, 3, 2)).toEqual({ numerator: "2", denominator: 3, ppm: 666667, percent: "66.67%" });
  });

  it("shows — for a zero denominator, never NaN", () => {
    expect(rateFigure(0, 0, 0, 2)).toEqual({ numerator: "0", denominator: 0, ppm: null, percent: NO_RATE });
    expect(weightedScore([{ weight: 10000, numeratorUnits: 0, places: 0, denominator: 0 }], 2)).toEqual({
      value: NO_RATE,
      exact: null,
    });
  });

  it("computes a weighted score exactly", () => {
    // 100 × (0.1 × 1 + 0.5 × 2/3 + 0.4 × 2.9/3) = 82
    const score = weightedScore(
      [
        { weight: 1000, numeratorUnits: 3, places: 0, denominator: 3 },
        { weight: 5000, numeratorUnits: 2, places: 0, denominator: 3 },
        { weight: 4000, numeratorUnits: 29000, places: 4, denominator: 3 },
      ],
      2,
    );
    expect(score).toEqual({ value: "82.00", exact: { numerator: "82", denominator: "1" } });
  });

  it("formats ppm targets", () => {
    expect(ppmPercent(1_000_000, 2)).toBe("100.00%");
    expect(ppmPercent(985_000, 1)).toBe("98.5%");
  });
});

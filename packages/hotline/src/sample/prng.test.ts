import { describe, expect, it } from "vitest";
import { Prng, WeightedPicker } from "./prng.js";

describe("Prng", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const prng = new Prng(seed);
      return Array.from({ length: 5 }, () => prng.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draws integers in range and follows weights", () => {
    const prng = new Prng(42);
    const ints = Array.from({ length: 1000 }, () => prng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picker = new WeightedPicker([
      ["a", 9],
      ["b", 1],
    ] as const);
    const picks = Array.from({ length: 10_000 }, () => picker.pick(prng));
    expect(picks.filter((p) => p === "a").length / picks.length).toBeCloseTo(0.9, 1);
  });
});

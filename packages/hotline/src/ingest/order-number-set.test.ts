import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderNumberSet } from "./order-number-set.js";

describe("OrderNumberSet", () => {
  it("reports where a number was first seen", () => {
    const set = new OrderNumberSet();
    expect(set.add("2026030100001", 2)).toBeNull();
    expect(set.add("2026030100002", 3, 1)).toBeNull();
    expect(set.add("2026030100001", 9)).toEqual({ row: 2, source: 0 });
    expect(set.add("2026030100002", 10)).toEqual({ row: 3, source: 1 });
    expect(set.size).toBe(2);
  });

  it("keeps numbers with non-Latin-1 characters exactly", () => {
    const set = new OrderNumberSet();
    expect(set.add("京12345", 2)).toBeNull();
    expect(set.add("京12345", 3)).toEqual({ row: 2, source: 0 });
    expect(set.has("京12345")).toBe(true);
    expect(set.has("沪12345")).toBe(false);
  });

  it("agrees with a Set through growth, prefixes and collisions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^[0-9A-Z]{0,6}$/), fc.string({ maxLength: 4 })), { maxLength: 3000 }),
        (numbers) => {
          const set = new OrderNumberSet();
          const reference = new Map<string, number>();
          numbers.forEach((n, row) => {
            const first = set.add(n, row);
            const expected = reference.get(n);
            if (expected === undefined) {
              expect(first).toBeNull();
              reference.set(n, row);
            } else {
              expect(first?.row).toBe(expected);
            }
          });
          expect(set.size).toBe(reference.size);
          for (const n of reference.keys()) expect(set.has(n)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("holds 200,000 sequential numbers", () => {
    const set = new OrderNumberSet();
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(`20260301${String(i).padStart(5, "0")}`, i + 2) !== null) repeats++;
    expect(repeats).toBe(0);
    expect(set.add("2026030100000", 0)).toEqual({ row: 2, source: 0 });
    expect(set.size).toBe(200_000);
  });
});

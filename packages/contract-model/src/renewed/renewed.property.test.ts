import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDates } from "../calendar/index.js";
import { PPM_100_PERCENT } from "../money/index.js";
import { planRenewal } from "../renewal/plan.js";
import { computeSchedule } from "../schedule/index.js";
import { loadExample } from "../testing/examples.js";
import { RenewalScheduleError } from "./installments.js";
import { renewContract } from "./renew-contract.js";

/** Three positive shares in ppm that add up to exactly 100 %. */
const threeShares = fc
  .tuple(fc.integer({ min: 1, max: PPM_100_PERCENT - 2 }), fc.integer({ min: 1, max: PPM_100_PERCENT - 2 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    return [low, high - low, PPM_100_PERCENT - high];
  });

describe("a renewed schedule never carries a zero or unresolved installment", () => {
  it("Pinggu, any increase within the cap and any agreed shares: every installment is positive and they add up to the new amount", () => {
    const pinggu = loadExample("pinggu-2026").contract;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), threeShares, (increase, shares) => {
        const plan = planRenewal(pinggu, { increase });
        expect(() => renewContract(pinggu, plan)).toThrow(RenewalScheduleError);
        const schedule = computeSchedule(renewContract(pinggu, plan, { shares }).contract);
        expect(schedule.rows.every((r) => r.amount > 0)).toBe(true);
        expect(schedule.sum).toBe(plan.next.amount);
      }),
      { numRuns: 60 },
    );
  });

  it("Yuetan, any term length: a payment date is inside the new term or left open, never guessed", () => {
    const yuetan = loadExample("yuetan-2026").contract;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), (months) => {
        const plan = planRenewal(yuetan, { increase: 0, months });
        const open: string[] = [];
        const renewed = renewContract(yuetan, plan, {}, (what, reason) => {
          open.push(what);
          return `【待确认：${reason}】`;
        });
        const dated = renewed.contract.payments.installments.flatMap((i) => i.trigger.flatMap((c) => (c.event === "by-date" ? [c.date] : [])));
        for (const date of dated) {
          expect(compareDates(date, plan.next.start)).toBeGreaterThanOrEqual(0);
          expect(compareDates(date, plan.next.end)).toBeLessThanOrEqual(0);
        }
        expect(dated.length + open.length).toBe(1);
      }),
      { numRuns: 24 },
    );
  });
});

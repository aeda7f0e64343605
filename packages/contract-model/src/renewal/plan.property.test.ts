import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseContract } from "../load/index.js";
import { PPM_100_PERCENT } from "../money/index.js";
import { renewContractYaml } from "../renewed/write.js";
import type { RenewalPolicy } from "../schema/renewal.js";
import { exampleSource } from "../testing/examples.js";
import { increaseCeiling } from "./checks.js";
import { planRenewal, type RenewalRequest } from "./plan.js";
import { STATUTORY_RENEWAL_POLICY } from "./policy.js";

const SUJIATUO = exampleSource("sujiatuo-2026"); // 1,766,500.00 元 from 2026-04-02
const ORIGINAL = 176_650_000;

const policy = fc.record({
  maxRenewals: fc.integer({ min: 0, max: 4 }),
  maxTotalYears: fc.integer({ min: 1, max: 6 }),
  maxIncrease: fc.integer({ min: 0, max: 300_000 }),
  withinBudget: fc.boolean(),
});

const years = fc.constantFrom(1, 1, 1, 2, 3);

/** An increase on the current amount, an amount outright, or an amount at the cap give or take 1 分. */
type Step = RenewalRequest | { atCap: number; years: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ increase: fc.integer({ min: 0, max: 120_000 }), years }),
  fc.record({ amount: fc.integer({ min: 150_000_000, max: 230_000_000 }), years }),
  fc.record({ atCap: fc.integer({ min: -1, max: 1 }), years }),
);

const toRequest = (s: Step, p: RenewalPolicy): RenewalRequest =>
  "atCap" in s ? { amount: increaseCeiling(ORIGINAL, p.maxIncrease) + s.atCap, years: s.years } : s;

describe("renewals never pass their caps", () => {
  it("for any sequence of requests, every plan that holds stays within the caps of the ORIGINAL contract", () => {
    fc.assert(
      fc.property(policy, fc.array(step, { minLength: 1, maxLength: 5 }), (caps, steps) => {
        const p: RenewalPolicy = { ...STATUTORY_RENEWAL_POLICY, ...caps };
        let source = SUJIATUO;
        let renewals = 0;
        for (const s of steps) {
          const contract = parseContract(source, "in.yaml").contract;
          const plan = planRenewal(contract, toRequest(s, p), p);
          expect(plan.original.amount).toBe(ORIGINAL);
          expect(plan.original.start).toBe("2026-04-02");
          if (!plan.ok) {
            expect(() => renewContractYaml(source, plan)).toThrow();
            continue;
          }
          renewals++;
          // next ≤ original × (1 + maxIncrease), exactly, in integers.
          expect(BigInt(plan.next.amount) * BigInt(PPM_100_PERCENT)).toBeLessThanOrEqual(BigInt(ORIGINAL) * BigInt(PPM_100_PERCENT + p.maxIncrease));
          // The term ends no later than the day before the maxTotalYears-th anniversary of 2026-04-02.
          expect(plan.next.end < `${2026 + p.maxTotalYears}-04-02`).toBe(true);
          expect(plan.totalYears).toBeLessThanOrEqual(p.maxTotalYears);
          expect(plan.renewalNumber).toBe(renewals);
          expect(plan.renewalNumber).toBeLessThanOrEqual(p.maxRenewals);
          source = renewContractYaml(source, plan);
        }
      }),
      { numRuns: 60 },
    );
    // 60 sequences of up to five renewals, each parsing and writing a whole contract
  }, 120_000);

  it("an increase is taken on the current amount, rounded half up, and the cap holds to the 分", () => {
    const contract = parseContract(SUJIATUO, "in.yaml").contract;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 10 ** 12 }), (increase, fen) => {
        const current = { ...contract, fees: { ...contract.fees, total: { ...contract.fees.total, amount: fen } } };
        const plan = planRenewal(current, { increase });
        expect(plan.next.amount).toBe(fen + Number((BigInt(fen) * BigInt(increase) * 2n + 1_000_000n) / 2_000_000n));
        const ceiling = (BigInt(fen) * BigInt(PPM_100_PERCENT + plan.policy.maxIncrease)) / BigInt(PPM_100_PERCENT);
        expect(plan.checks.find((c) => c.cap === "increase")?.ok).toBe(BigInt(plan.next.amount) <= ceiling);
      }),
      { numRuns: 300 },
    );
  });
});

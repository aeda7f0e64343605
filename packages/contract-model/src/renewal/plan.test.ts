import { describe, expect, it } from "vitest";
import { parseContract } from "../load/index.js";
import { renewContractYaml } from "../renewed/write.js";
import type { Contract } from "../schema/contract.js";
import { exampleSource, loadExample, loadExampleWith } from "../testing/examples.js";
import type { RenewalCheck } from "./checks.js";
import { renewalDecisionDate } from "./decision.js";
import { planRenewal, type RenewalPlan, type RenewalRequest, RenewalRequestError } from "./plan.js";
import { STATUTORY_RENEWAL_POLICY } from "./policy.js";

const sujiatuo = () => loadExample("sujiatuo-2026").contract;
const check = (plan: RenewalPlan, cap: RenewalCheck["cap"]) => {
  const found = plan.checks.find((c) => c.cap === cap);
  if (!found) throw new Error(`no ${cap} check`);
  return found;
};
const failing = (plan: RenewalPlan) => plan.checks.filter((c) => !c.ok).map((c) => c.cap);

/** Renews the YAML text and loads the result, as `qiyue renew` does. */
function renewed(source: string, request: RenewalRequest): { source: string; contract: Contract } {
  const { contract } = parseContract(source, "in.yaml");
  const next = renewContractYaml(source, planRenewal(contract, request), { from: "in.yaml" });
  return { source: next, contract: parseContract(next, "out.yaml").contract };
}

/**
 * Hand-worked on Sujiatuo (二.1): 1,766,500.00 元 from 2026-04-02 to 2027-04-01; at most two
 * renewals, three years in all, each at most 10 % above the ORIGINAL amount.
 */
describe("planRenewal on Sujiatuo", () => {
  it("+10 % on the first renewal: 1,943,150.00 元 from 2027-04-02 to 2028-04-01, every cap holds", () => {
    const plan = planRenewal(sujiatuo(), { increase: 100_000 });
    expect(plan.ok).toBe(true);
    expect(plan.next).toEqual({ amount: 194_315_000, start: "2027-04-02", end: "2028-04-01", capitals: "壹佰玖拾肆万叁仟壹佰伍拾元整" });
    expect(plan.original).toEqual({ amount: 176_650_000, start: "2026-04-02", end: "2027-04-01" });
    expect(plan.previous).toEqual(plan.original);
    expect(plan).toMatchObject({ renewalNumber: 1, renewalsLeft: 1, totalYears: 2, increaseOverOriginal: 100_000, increaseOverPrevious: 100_000 });
    expect(plan.policyStated).toBe(true);
    expect(plan.checks.map((c) => c.cap)).toEqual(["allowed", "count", "total-years", "increase", "budget"]);
    const increase = check(plan, "increase");
    expect(increase.limit).toBe("较原合同金额 1,766,500.00 元增加不超过 10%，即不超过 1,943,150.00 元");
    expect(increase.actual).toBe("1,943,150.00 元（较原合同金额增加 10%）");
    expect(increase.source).toBe("合同第二条第1款；《中华人民共和国政府采购法》第四十九条");
    expect(increase.message).toBe("续签金额 1,943,150.00 元较原合同金额 1,766,500.00 元增加 10%，未超过 10% 的增幅上限。");
    expect(check(plan, "count").source).toBe("合同第二条第1款");
    expect(check(plan, "total-years").limit).toBe("总服务期限不超过 3 年，即至迟于2029年4月1日期满");
  });

  it("no budget in the model: the budget cap holds but must be checked by hand", () => {
    const budget = check(planRenewal(sujiatuo(), { increase: 100_000 }), "budget");
    expect(budget).toMatchObject({ ok: true, manual: true });
    expect(budget.message).toContain("须人工核对");
  });

  it("+10.01 % fails the increase cap by exactly 176.65 元", () => {
    // 1,766,500.00 × 10.01 % = 176,826.65; the cap allows 176,650.00.
    const plan = planRenewal(sujiatuo(), { increase: 100_100 });
    expect(plan.next.amount).toBe(194_332_665);
    expect(plan.ok).toBe(false);
    expect(failing(plan)).toEqual(["increase"]);
    const increase = check(plan, "increase");
    expect(increase.actual).toBe("1,943,326.65 元（较原合同金额增加 10.01%），超出 176.65 元");
    expect(increase.message).toBe(
      "续签金额 1,943,326.65 元较原合同金额 1,766,500.00 元增加 10.01%，超过 10% 的增幅上限（1,943,150.00 元）176.65 元。",
    );
  });

  it("--amount gives the new amount outright; an amount below the original is fine", () => {
    const plan = planRenewal(sujiatuo(), { amount: 196_000_000 });
    expect(check(plan, "increase").actual).toBe("1,960,000.00 元（较原合同金额增加约 10.9539%），超出 16,850.00 元");
    const lower = planRenewal(sujiatuo(), { amount: 170_000_000 });
    expect(lower.ok).toBe(true);
    expect(lower.increaseOverOriginal).toBe(-37_645); // −66,500 / 1,766,500 = −3.76450… %
  });

  it("a second renewal at +5 % over 1,943,150.00 is 2,040,307.50 元 — 15.5 % over the ORIGINAL, so it fails", () => {
    const first = renewed(exampleSource("sujiatuo-2026"), { increase: 100_000 });
    const plan = planRenewal(first.contract, { increase: 50_000 });
    expect(plan.previous).toEqual({ amount: 194_315_000, start: "2027-04-02", end: "2028-04-01" });
    expect(plan.original).toEqual({ amount: 176_650_000, start: "2026-04-02", end: "2027-04-01" });
    expect(plan.next).toMatchObject({ amount: 204_030_750, start: "2028-04-02", end: "2029-04-01" });
    expect(plan.increaseOverPrevious).toBe(50_000);
    expect(plan.increaseOverOriginal).toBe(155_000);
    expect(plan.renewalNumber).toBe(2);
    expect(failing(plan)).toEqual(["increase"]);
    const increase = check(plan, "increase");
    expect(increase.actual).toBe("2,040,307.50 元（较原合同金额增加 15.5%），超出 97,157.50 元");
    expect(increase.limit).toContain("以原合同金额为基数");
  });

  it("the second renewal at the same amount passes and uses the last renewal allowed", () => {
    const first = renewed(exampleSource("sujiatuo-2026"), { increase: 100_000 });
    const plan = planRenewal(first.contract, { increase: 0 });
    expect(plan.ok).toBe(true);
    expect(plan).toMatchObject({ renewalNumber: 2, renewalsLeft: 0, totalYears: 3 });
  });

  it("a third renewal fails on the count and on the total years", () => {
    const first = renewed(exampleSource("sujiatuo-2026"), { increase: 100_000 });
    const second = renewed(first.source, { increase: 0 });
    const plan = planRenewal(second.contract, { increase: 0 });
    expect(plan.renewalNumber).toBe(3);
    expect(failing(plan)).toEqual(["count", "total-years"]);
    expect(check(plan, "count").message).toBe("本次为第 3 次续签，超过 2 次的上限 1 次。");
    expect(check(plan, "total-years").actual).toBe("4 年（2026年4月2日至2030年4月1日），超出 1 年");
    expect(check(plan, "total-years").message).toBe("自原合同开始日起至续签期满共 4 年，超过 3 年的上限 1 年。");
    expect(check(plan, "increase").ok).toBe(true);
  });

  it("--years 2 on the first renewal makes three years in all and passes; --years 3 fails the total", () => {
    const two = planRenewal(sujiatuo(), { increase: 0, years: 2 });
    expect(two.next).toMatchObject({ start: "2027-04-02", end: "2029-04-01" });
    expect(two.ok).toBe(true);
    expect(two.totalYears).toBe(3);
    const three = planRenewal(sujiatuo(), { increase: 0, years: 3 });
    expect(three.next.end).toBe("2030-04-01");
    expect(failing(three)).toEqual(["total-years"]);
    expect(check(three, "total-years").actual).toContain("超出 1 年");
  });

  it("checks a known budget", () => {
    const { contract } = loadExampleWith("sujiatuo-2026", [[["fees", "budget"], "1900000"]]);
    const plan = planRenewal(contract, { increase: 100_000 });
    expect(failing(plan)).toEqual(["budget"]);
    expect(check(plan, "budget").message).toBe("续签金额 1,943,150.00 元超过预算批复金额 1,900,000.00 元 43,150.00 元。");
    expect(planRenewal(contract, { increase: 50_000 }).ok).toBe(true);
  });

  it("a policy that forbids renewing fails the allowed cap", () => {
    const plan = planRenewal(sujiatuo(), { increase: 0 }, { ...STATUTORY_RENEWAL_POLICY, allowed: false });
    expect(failing(plan)).toEqual(["allowed"]);
    expect(plan.renewalsLeft).toBe(0);
    expect(plan.policyStated).toBe(false);
  });

  it("renewalDecisionDate is the term end minus the notice days (30 by default)", () => {
    expect(renewalDecisionDate(sujiatuo())).toBe("2027-03-02");
    expect(renewalDecisionDate(loadExampleWith("sujiatuo-2026", [[["renewal", "decisionNoticeDays"], 60]]).contract)).toBe("2027-01-31");
    expect(renewalDecisionDate(loadExample("pinggu-2026").contract)).toBe("2027-02-16");
  });
});

describe("a contract without a renewal clause", () => {
  it("Pinggu: the statutory default applies, and every cap says the contract states none", () => {
    const plan = planRenewal(loadExample("pinggu-2026").contract, { increase: 100_000 });
    expect(plan.policyStated).toBe(false);
    expect(plan.policy).toEqual(STATUTORY_RENEWAL_POLICY);
    expect(plan.ok).toBe(true);
    expect(plan.next).toMatchObject({ amount: 217_701_000, start: "2027-03-19", end: "2028-03-18" });
    for (const c of plan.checks) expect(c.source).toMatch(/^合同未约定续签规则，适用默认规则：/);
    expect(check(plan, "increase").source).toBe("合同未约定续签规则，适用默认规则：《中华人民共和国政府采购法》第四十九条");
  });

  it("Haidian's four-month term: a one-year renewal makes 1 年 4 个月", () => {
    const plan = planRenewal(loadExample("haidian-2024").contract, { increase: 0, years: 1 });
    expect(plan.next).toMatchObject({ start: "2025-01-01", end: "2025-12-31" });
    expect(plan.term).toEqual({ months: 12, days: 0, chosen: true });
    expect(check(plan, "total-years").actual).toBe("1 年 4 个月（2024年9月1日至2025年12月31日）");
  });
});

describe("the length of the next term", () => {
  it("is the current term's unless another is asked for: Haidian's 4 months stay 4 months", () => {
    const plan = planRenewal(loadExample("haidian-2024").contract, { increase: 50_000 });
    expect(plan.next).toMatchObject({ start: "2025-01-01", end: "2025-04-30" });
    expect(plan.term).toEqual({ months: 4, days: 0, chosen: false });
  });

  it("Yuetan's 11 months stay 11 months; --term 12m makes 12, the same as --years 1", () => {
    const yuetan = loadExample("yuetan-2026").contract;
    expect(planRenewal(yuetan, { increase: 0 }).next).toMatchObject({ start: "2027-01-01", end: "2027-11-30" });
    expect(planRenewal(yuetan, { increase: 0, months: 12 }).next.end).toBe("2027-12-31");
    expect(planRenewal(yuetan, { increase: 0, months: 12 }).next).toEqual(planRenewal(yuetan, { increase: 0, years: 1 }).next);
  });

  it("a term of months and days keeps both", () => {
    const c = loadExampleWith("haidian-2024", [[["term", "start"], "2024-09-05"]]).contract;
    const plan = planRenewal(c, { increase: 0 });
    expect(plan.term).toEqual({ months: 3, days: 27, chosen: false });
    expect(plan.next).toMatchObject({ start: "2025-01-01", end: "2025-04-27" });
  });

  it("the three-year cap still applies to a longer term asked for", () => {
    const plan = planRenewal(sujiatuo(), { increase: 0, months: 25 });
    expect(failing(plan)).toEqual(["total-years"]);
  });
});

describe("bad requests", () => {
  it.each<[string, RenewalRequest]>([
    ["neither amount", {}],
    ["both amounts", { increase: 100_000, amount: 100 }],
    ["zero years", { increase: 0, years: 0 }],
    ["fractional years", { increase: 0, years: 1.5 }],
    ["a negative amount", { amount: -1 }],
    ["years and months", { increase: 0, years: 1, months: 12 }],
    ["zero months", { increase: 0, months: 0 }],
  ])("%s is a RenewalRequestError", (_, request) => {
    expect(() => planRenewal(sujiatuo(), request)).toThrow(RenewalRequestError);
  });
});

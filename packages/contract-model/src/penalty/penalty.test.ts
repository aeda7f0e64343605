import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../errors/index.js";
import { applyRateTimes } from "../money/index.js";
import { loadExample, loadExampleWith } from "../testing/examples.js";
import { formatExactYuan } from "./exact.js";
import { computePenalty } from "./find.js";

const haidian = loadExample("haidian-2024").contract;
const pinggu = loadExample("pinggu-2026").contract;
const sujiatuo = loadExample("sujiatuo-2026").contract;

function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("expected a UserError");
}

describe("per-day penalties", () => {
  it("Haidian 8.3 for 5 days: 0.3 % × ¥3,252,191 × 5 = ¥48,782.865 → ¥48,782.87, rounded once", () => {
    const r = computePenalty(haidian, "8.3", { days: 5 });
    expect(r.amount).toBe(4878287);
    expect(r.formula).toBe("0.3% × 3,252,191.00 元 × 5 日");
    expect(r.steps).toContain("计算：0.3% × 3,252,191.00 元 × 5 日 = 48,782.865 元，四舍五入到分为 48,782.87 元。");
    expect(r.steps.join("\n")).toContain("肆万捌仟柒佰捌拾贰元捌角柒分");
    expect(r.caps).toEqual([expect.objectContaining({ source: "liability-cap", clause: "8.4", limit: 325219100, applied: false })]);
  });

  it("Haidian 8.3 for 400 days hits the 8.4 cap: ¥3,902,629.20 is cut to the total ¥3,252,191.00", () => {
    const r = computePenalty(haidian, "8.3", { days: 400 });
    expect(r.uncapped).toBe(390262920);
    expect(r.amount).toBe(325219100);
    expect(r.caps[0]).toMatchObject({ clause: "8.4", applied: true });
    expect(r.steps.join("\n")).toContain("计算结果 3,902,629.20 元，超出上限 650,438.20 元");
  });

  it("a clause's own cap applies before the contract's liability cap", () => {
    const capped = loadExampleWith("haidian-2024", [[["penalties", 1, "cap"], { rate: "10%", base: "contract-total" }]]).contract;
    expect(computePenalty(capped, "8.3", { days: 5 }).caps.map((c) => [c.source, c.limit, c.applied])).toEqual([
      ["penalty-cap", 32521910, false],
      ["liability-cap", 325219100, false],
    ]);
    // 0.3 % × ¥3,252,191 × 40 = ¥390,262.92, above 10 % of the total (¥325,219.10)
    const r = computePenalty(capped, "8.3", { days: 40 });
    expect([r.uncapped, r.amount]).toEqual([39026292, 32521910]);
    expect(r.steps).toContain("按上限计：325,219.10 元。");
  });

  it("Haidian 8.2 needs the overdue amount; the vendor's liability cap does not bind the client", () => {
    expect(userError(() => computePenalty(haidian, "8.2", { days: 15 })).code).toBe("PENALTY_AMOUNT_REQUIRED");
    // 0.3 % × ¥1,626,095.50 × 15 = ¥73,174.2975 → ¥73,174.30
    const r = computePenalty(haidian, "8.2", { days: 15, amount: 162609550 });
    expect(r.amount).toBe(7317430);
    expect(r.caps).toEqual([]);
    expect(r.steps[1]).toBe("基数：逾期应付款按给定金额计：1,626,095.50 元。");
  });

  it("Pinggu 四.1 opens the client's termination right after more than 10 days, not at 10", () => {
    const ten = computePenalty(pinggu, "四.1", { days: 10 });
    expect(ten.amount).toBe(19791000); // 1 % × ¥1,979,100 × 10 = ¥197,910.00
    expect(ten.termination).toEqual([expect.objectContaining({ by: "client", opened: false })]);
    expect(ten.termination[0]?.condition).toContain("再迟延 1 日");
    const eleven = computePenalty(pinggu, "四.1", { days: 11 });
    expect(eleven.amount).toBe(21770100); // ¥217,701.00
    expect(eleven.termination[0]).toMatchObject({ opened: true });
    expect(eleven.steps.join("\n")).toContain("退还已支付的全部费用");
  });

  it("a delay is a non-negative whole number of days", () => {
    expect(userError(() => computePenalty(pinggu, "四.1", { days: 1.5 })).code).toBe("PENALTY_INPUT_INVALID");
    expect(userError(() => computePenalty(pinggu, "四.1", {})).code).toBe("PENALTY_DAYS_REQUIRED");
  });

  it("rounds once, half up, exactly as the money module does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (days) => {
        expect(computePenalty(haidian, "8.3", { days }).uncapped).toBe(applyRateTimes(325219100, 3000, days));
      }),
    );
  });
});

describe("per-occurrence penalties", () => {
  it("Pinggu 四.3: 4 missed meetings cost ¥4,000 and open termination (more than 3)", () => {
    const r = computePenalty(pinggu, "四.3", { occurrences: 4 });
    expect(r.kind).toBe("per-occurrence");
    expect(r.amount).toBe(400000);
    expect(r.termination[0]).toMatchObject({ by: "client", opened: true });
    // the same clause's 10 % penalty goes with termination: 10 % × ¥1,979,100 = ¥197,910.00
    expect(r.steps.join("\n")).toMatch(/同条另有约定“未按时参加工作会议超过三次”（已超过 3 次，条件已满足）.*197,910\.00 元/);
    expect(computePenalty(pinggu, "四.3", { occurrences: 3 }).termination[0]?.opened).toBe(false);
  });

  it("Pinggu 四.5: ¥10,000 per unannounced manager change, deductible", () => {
    const r = computePenalty(pinggu, "四.5", { occurrences: 2 });
    expect(r.amount).toBe(2000000);
    expect(r.deductible).toBe(true);
  });

  it("Sujiatuo 九.3: 5 % of that month's fee per breach (monthly billing)", () => {
    // month 1 (2026-04-02 – 2026-05-01): ¥147,208.33; 5 % = ¥7,360.4165 → ¥7,360.42
    const april = computePenalty(sujiatuo, "九.3", { occurrences: 1, month: "2026-04" });
    expect(april.amount).toBe(736042);
    expect(april.steps.join("\n")).toContain("第 1/1 期（2026年4月2日至2026年5月1日）147,208.33 元");
    // month 12 takes the odd 分: ¥147,208.37; 5 % × 2 = ¥14,720.837 → ¥14,720.84
    expect(computePenalty(sujiatuo, "九.3", { occurrences: 2, month: "2027-03" }).amount).toBe(1472084);
    expect(userError(() => computePenalty(sujiatuo, "九.3", { occurrences: 1 })).code).toBe("PENALTY_MONTH_REQUIRED");
    expect(userError(() => computePenalty(sujiatuo, "九.3", { occurrences: 1, month: "2025-01" })).code).toBe("PENALTY_MONTH_OUTSIDE_TERM");
  });
});

describe("other shapes", () => {
  it("a range gives its least and most and asks for a rate", () => {
    const r = computePenalty(pinggu, "四.7");
    expect(r).toMatchObject({ computable: false, amount: 0, range: { min: 19791000, max: 59373000 } });
    expect(r.steps.join("\n")).toContain("须先选定比例");
    expect(computePenalty(pinggu, "四.7", { rate: 200000 }).amount).toBe(39582000);
    expect(userError(() => computePenalty(pinggu, "四.7", { rate: 400000 })).code).toBe("PENALTY_RATE_OUTSIDE_RANGE");
  });

  it("a clause without a computable amount says so", () => {
    const r = computePenalty(pinggu, "四.8");
    expect(r).toMatchObject({ computable: false, amount: 0, payer: "client" });
    expect(r.steps.join("\n")).toContain("没有约定可计算的违约金金额");
  });

  it("a fixed sum stated with its share is checked against the share", () => {
    const r = computePenalty(sujiatuo, "九.2");
    expect(r.amount).toBe(35330000);
    expect(r.steps.join("\n")).toContain("即 353,300.00 元，与所写金额一致");
  });

  it("an unknown clause is a UserError listing the clauses there are", () => {
    const e = userError(() => computePenalty(haidian, "9.9", { days: 1 }));
    expect(e.code).toBe("PENALTY_CLAUSE_UNKNOWN");
    expect(e.message).toBe("合同中没有第9.9条的违约责任。合同中的违约条款：第8.2条（逾期付款）、第8.3条（逾期交付）");
  });

  it("finds a clause written the way people write it", () => {
    expect(computePenalty(haidian, "第8.3条", { days: 5 }).amount).toBe(4878287);
  });
});

describe("exact amounts", () => {
  it("prints every decimal there is, or four with 约", () => {
    expect(formatExactYuan({ num: 197910000n, den: 12n })).toBe("164,925.00");
    expect(formatExactYuan({ num: 4878286500000n, den: 1000000n })).toBe("48,782.865");
    expect(formatExactYuan({ num: 10000n, den: 3n })).toBe("约 33.3333");
  });
});

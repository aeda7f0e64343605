import { LiabilityCap, type Penalty, Penalty as PenaltySchema } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { compareLeaves, foundAt, listAt, modelOf, pairInOrder, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractPenalties } from "./penalties.js";

/** What pairs a found penalty with the model's: its shape, who pays and its figures. */
function shape(p: Penalty): string {
  const { kind, payer } = p;
  const figures = "rate" in p ? p.rate : "amount" in p ? p.amount : "min" in p ? `${p.min}-${p.max}` : "";
  return `${kind}/${payer}/${figures}/${"base" in p ? p.base : ""}`;
}

function penalties(text: string): Penalty[] {
  return listAt(runOnText(extractPenalties, text), "penalties").map((v) => PenaltySchema.parse(v));
}

describe("extractPenalties on the five signed contracts", () => {
  let modelCount = 0;
  let pairedCount = 0;
  for (const id of SEEDS) {
    it(`${id}: every penalty found is the model's, in the model's order, with no value that differs`, () => {
      const expected = modelOf(id).penalties;
      const found = listAt(runOnSeed(extractPenalties, id), "penalties").map((v) => PenaltySchema.parse(v));
      const { pairs, unpaired } = pairInOrder(expected, found, shape);
      expect(unpaired.map(shape)).toEqual([]);
      for (const [e, a] of pairs) {
        const c = compareLeaves(e, a);
        expect({ penalty: shape(e), wrong: c.wrong, extra: c.extra }).toEqual({ penalty: shape(e), wrong: [], extra: [] });
      }
      modelCount += expected.length;
      pairedCount += pairs.length;
    });

    it(`${id}: the liability cap agrees with the model`, () => {
      const model = modelOf(id);
      const found = foundAt(runOnSeed(extractPenalties, id), "liabilityCap");
      if (model.liabilityCap === undefined) expect(found).toBeUndefined();
      else {
        const c = compareLeaves(model.liabilityCap, LiabilityCap.parse(found?.value));
        expect({ wrong: c.wrong, extra: c.extra, missing: c.missing }).toEqual({ wrong: [], extra: [], missing: [] });
      }
    });
  }

  it("finds nine in ten of the models' penalties", () => {
    expect(modelCount).toBeGreaterThan(0);
    expect(pairedCount / modelCount).toBeGreaterThanOrEqual(0.9);
  });
});

describe("extractPenalties on other wordings", () => {
  it("reads a per-day share of the overdue sum paid by the client", () => {
    expect(penalties("甲方逾期付款的，每逾期一日，应按逾期应付款的0.05%向乙方支付违约金。")).toMatchObject([
      { kind: "per-day", payer: "client", rate: 500, base: "overdue-amount" },
    ]);
  });

  it("reads 万分之 and 千分之 rates per day, and the other sides' role words", () => {
    expect(penalties("委托方逾期付款的，每延期一天，按逾期应付款的万分之五向受托方支付违约金。")).toMatchObject([
      { kind: "per-day", payer: "client", rate: 500, base: "overdue-amount" },
    ]);
    expect(penalties("受托方逾期提交成果的，每逾期一日，按合同总价的千分之三向委托方支付违约金。")).toMatchObject([
      { kind: "per-day", payer: "vendor", rate: 3_000, base: "contract-total" },
    ]);
  });

  it("leaves a share of a base the model has no name for to confirm", () => {
    const x = runOnText(extractPenalties, "受托方服务未达到考核标准的，每次按当季价款的 2% 扣减。");
    expect(listAt(x, "penalties")).toEqual([]);
    expect(x.toConfirm.map((t) => t.path)).toEqual([["penalties", 0]]);
  });

  it("leaves a sum by the day, which the model cannot count, to confirm", () => {
    const x = runOnText(extractPenalties, "乙方每迟延一天，应向甲方支付违约金500元。");
    expect(listAt(x, "penalties")).toEqual([]);
    expect(x.toConfirm[0]?.reason).toContain("按日计");
  });

  it("reads a sum per occurrence and a share of the month's fee per occurrence, each deductible", () => {
    const found = penalties(
      "1. 安保人员脱岗的，每发生一次，乙方应向甲方支付违约金500元，甲方可从当月服务费中直接扣除。\n2. 巡查记录缺失的，每发生一次，扣除当月服务费的2%。",
    );
    expect(found).toMatchObject([
      { kind: "per-occurrence", payer: "vendor", amount: 50_000, deductible: true },
      { kind: "per-occurrence-share", payer: "vendor", rate: 20_000, base: "monthly-fee", deductible: true },
    ]);
  });

  it("reads a fixed sum with its stated share, paid by either side", () => {
    expect(penalties("任何一方无故解除合同的，解约方应向对方支付72,000.00元（或合同总价的20%）作为违约金。")).toMatchObject([
      { kind: "fixed", payer: "either", amount: 7_200_000, statedShare: 200_000, base: "contract-total" },
    ]);
  });

  it("reads termination after a number of days or occurrences, a refund and a cap", () => {
    const [p] = penalties(
      "乙方迟延提供服务的，每迟延一日，按合同总价款的0.5%向甲方支付违约金，违约金总额不超过合同总价款的10%；迟延超过十五日的，甲方有权解除合同，乙方应退还甲方已支付的全部费用。",
    );
    expect(p).toMatchObject({
      kind: "per-day",
      rate: 5_000,
      cap: { rate: 100_000, base: "contract-total" },
      termination: { by: "client", afterDays: 15 },
      refund: "all-paid",
    });
  });

  it("keeps a right to terminate for the vendor's fault with no sum as other", () => {
    expect(penalties("乙方违反保密义务的，甲方有权立即解除本合同。")).toMatchObject([
      { kind: "other", payer: "vendor", termination: { by: "client", immediate: true } },
    ]);
  });

  it("does not read force majeure or a mutual termination as a penalty", () => {
    expect(penalties("因不可抗力不能履行合同的，双方可以协商解除合同。\n经双方协商一致，可以解除本合同。")).toEqual([]);
  });

  it("reads a liability cap with a share", () => {
    const x = runOnText(extractPenalties, "乙方对甲方承担的赔偿责任累计不超过合同总价的50%。");
    expect(foundAt(x, "liabilityCap")?.value).toMatchObject({ payer: "vendor", rate: "50%", base: "contract-total" });
  });
});

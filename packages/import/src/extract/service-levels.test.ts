import { ServiceLevel } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { leaves, listAt, modelOf, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractServiceLevels } from "./service-levels.js";

/** A level as compared: its measure and figures. */
const key = (v: unknown) => JSON.stringify(leaves(v));

describe("extractServiceLevels on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: every level found is one of the hand-made model's`, () => {
      const expected = modelOf(id).serviceLevels.map(key);
      const found = listAt(runOnSeed(extractServiceLevels, id), "serviceLevels").map((v) => key(ServiceLevel.parse(v)));
      for (const f of found) expect(expected).toContain(f);
      // and every level of the model is found
      expect([...found].sort()).toEqual([...expected].sort());
    });
  }
});

describe("the penalty a level falls under", () => {
  it("is the clause of the penalty for falling short of the service standard", () => {
    const text = [
      "1. 热线工单99%响应并签收。",
      "2. 乙方迟延提交报告的，每迟延一日，按合同总价的0.2%支付违约金。",
      "3. 乙方服务未达到约定标准的，应按合同总价的5%支付违约金。",
    ].join("\n");
    const found = listAt(runOnText(extractServiceLevels, text), "serviceLevels") as { penaltyClause?: string }[];
    expect(found.map((l) => l.penaltyClause)).toEqual(["L3", "L3"]);
  });

  it("is left out when no penalty names such a failure", () => {
    const found = listAt(runOnText(extractServiceLevels, "热线工单99%响应。"), "serviceLevels") as { penaltyClause?: string }[];
    expect(found.map((l) => l.penaltyClause)).toEqual([undefined]);
  });
});

describe("extractServiceLevels on other wordings", () => {
  it("keeps what must not happen at all (杜绝…) as other, with no occurrence allowed", () => {
    const found = listAt(runOnText(extractServiceLevels, "服务期内杜绝出现漏派工单；杜绝因交接疏漏，导致工单超时。"), "serviceLevels");
    expect(found).toMatchObject([
      { metric: "other", maxCount: 0 },
      { metric: "other", maxCount: 0 },
    ]);
  });

  it("keeps a rate the model has no name for as other, with its words", () => {
    const found = listAt(runOnText(extractServiceLevels, "（一）电话接通率≥95%，来访登记率达到100%。"), "serviceLevels");
    expect(found).toMatchObject([
      { metric: "other", target: "95%" },
      { metric: "other", target: "100%" },
    ]);
    expect(String((found[0] as { text: string }).text)).toContain("接通率");
  });

  it("reads 满意度不低于 as a level", () => {
    const found = listAt(runOnText(extractServiceLevels, "群众满意度不低于90%。"), "serviceLevels");
    expect(found).toMatchObject([{ metric: "other", target: "90%" }]);
  });

  it("does not read a tax rate or a penalty as a level", () => {
    expect(listAt(runOnText(extractServiceLevels, "适用的税率为6%。\n响应率低于95%的，扣除当月服务费5%。"), "serviceLevels")).toEqual([]);
  });

  it("reads a dispatch deadline in minutes", () => {
    const found = listAt(runOnText(extractServiceLevels, "接到工单后15分钟内完成派单。"), "serviceLevels");
    expect(found).toMatchObject([{ metric: "dispatch-within-minutes", minutes: 15 }]);
  });
});

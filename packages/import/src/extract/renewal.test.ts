import { parsePercent } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { foundAt, modelOf, reasonsAt, runOnSeed, runOnText, stubClause } from "../testing/extract-check.test-support.js";
import { otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractRenewal } from "./renewal.js";

/** The caps as numbers, the increase in parts per million, as the model holds them. */
function caps(policy: Record<string, unknown> | undefined) {
  if (policy === undefined) return undefined;
  const inc = policy.maxIncrease;
  const ppm = typeof inc === "string" ? parsePercent(inc) : undefined;
  return {
    maxRenewals: policy.maxRenewals,
    maxTotalYears: policy.maxTotalYears,
    maxIncrease: ppm === undefined ? inc : ppm.ok ? ppm.value : undefined,
    withinBudget: policy.withinBudget ?? false,
  };
}

describe("renewal on the five signed contracts", () => {
  it.each(SEEDS)("%s: the caps the model has, or none", (id) => {
    const model = modelOf(id).renewal;
    const x = runOnSeed(extractRenewal, id);
    const found = treeOf(x, "renewal") as { policy?: Record<string, unknown>; text?: string } | undefined;
    expect(caps(found?.policy)).toEqual(model === undefined ? undefined : caps({ ...model.policy }));
    expect(found?.text).toBe(model?.text);
  });

  it("sujiatuo-2026: cites the contract's own clause as the caps' source", () => {
    const x = runOnSeed(extractRenewal, "sujiatuo-2026");
    const sources = foundAt(x, "renewal", "policy", "sources")?.value as { title: string }[];
    expect(sources[0]?.title).toBe(`${modelOf("sujiatuo-2026").projectName}合同 ${stubClause(119)}`);
    expect(foundAt(x, "renewal", "policy", "increaseBase")?.value).toBe("original");
  });
});

describe("renewal in other wordings", () => {
  it("qinglin-wuye-2025: as written by hand", () => {
    const expected = otherExpected("qinglin-wuye-2025.expected.yaml").renewal as { policy: Record<string, unknown> };
    const found = treeOf(runOnOther(extractRenewal, "qinglin-wuye-2025.md"), "renewal") as { policy: Record<string, unknown> };
    expect(caps(found.policy)).toEqual(caps(expected.policy));
  });

  it("dongling-baojie-2025 prints no renewal rule", () => {
    expect(runOnOther(extractRenewal, "dongling-baojie-2025.txt").found).toEqual([]);
  });

  it("reads caps written in figures", () => {
    const x = runOnText(extractRenewal, "3.3 合同期满可续约，续约次数不超过2次，合同期限累计不超过3年，续约金额增幅不超过5%。");
    expect(caps(treeOf(x, "renewal", "policy") as Record<string, unknown>)).toEqual({
      maxRenewals: 2,
      maxTotalYears: 3,
      maxIncrease: 50_000,
      withinBudget: false,
    });
  });

  it("asks for the caps a renewal clause does not state, never filling in a default", () => {
    const x = runOnText(extractRenewal, "合同期满后，甲方可根据考核结果与乙方续签合同。");
    expect(foundAt(x, "renewal", "policy", "maxRenewals")).toBeUndefined();
    expect(reasonsAt(x, "renewal", "policy")).toEqual(["续签条款未写明最多续签几次", "续签条款未写明总服务期限上限", "续签条款未写明金额增幅上限"]);
  });

  it("does not take 持续期间 or a refusal to renew for a renewal clause", () => {
    expect(runOnText(extractRenewal, "不可抗力持续期间，双方暂停履行。\n本合同期满后不再续签。").found).toEqual([]);
  });
});

import type { RenewalPolicy } from "../schema/renewal.js";

/**
 * The default caps when a contract states none: Beijing practice for stable continuing services.
 * Data with its sources, not constants buried in rules. Other regions differ
 * (Shenzhen allows two renewals with the amount unchanged): pass their policy instead.
 */
export const STATUTORY_RENEWAL_POLICY: RenewalPolicy = {
  allowed: true,
  maxRenewals: 2,
  maxTotalYears: 3,
  maxIncrease: 100_000, // 10 %
  increaseBase: "original",
  withinBudget: true,
  sources: [
    {
      title: "《中华人民共和国政府采购法》第四十九条",
      text: "所有补充合同的采购金额不得超过原合同采购金额的百分之十",
    },
    {
      title: "《财政部关于推进和完善服务项目政府采购有关问题的通知》（财库〔2014〕37号）",
      text: "采购需求具有相对固定性、延续性且价格变化幅度小的服务项目，在年度预算能保障的前提下，采购人可以签订不超过三年履行期限的政府采购合同",
    },
  ],
};

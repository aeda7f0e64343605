import { z } from "zod";
import { ClauseRef, IsoDate, Money, Percent, Verbatim } from "./primitives.js";

export const CapSource = z.strictObject({
  title: z.string().meta({ description: "依据，如“《中华人民共和国政府采购法》第四十九条”" }),
  text: z.string().optional(),
});

/** The caps on renewing a contract. Data with a cited source, never constants in code. */
export const RenewalPolicy = z.strictObject({
  allowed: z.boolean().default(true),
  maxRenewals: z.number().int().nonnegative().meta({ description: "最多续签次数" }),
  maxTotalYears: z.number().positive().meta({ description: "总服务期限上限（年）" }),
  maxIncrease: Percent.meta({ description: "续签金额较原合同金额的最大增幅" }),
  increaseBase: z.literal("original").default("original").meta({ description: "增幅以原合同金额为基数，不复利" }),
  withinBudget: z.boolean().default(true).meta({ description: "续签金额须在预算批复金额内" }),
  sources: z.array(CapSource).min(1),
});

export const RenewalTerm = z.strictObject({
  start: IsoDate,
  end: IsoDate,
  amount: Money,
});

export const Renewal = z.strictObject({
  clause: ClauseRef.optional(),
  stated: z.boolean().default(true).meta({ description: "合同是否写明续签规则；false 时适用默认规则" }),
  policy: RenewalPolicy,
  decisionNoticeDays: z
    .number()
    .int()
    .nonnegative()
    .default(30)
    .meta({ description: "期满前多少天须作出续签决定（用于提醒）" }),
  text: Verbatim.optional(),
  /** Filled in by `qiyue renew`: the original contract and the renewals so far. */
  history: z
    .strictObject({
      original: RenewalTerm,
      renewals: z.array(RenewalTerm).default([]),
    })
    .optional(),
});

export type RenewalPolicy = z.infer<typeof RenewalPolicy>;
export type RenewalPolicyInput = z.input<typeof RenewalPolicy>;
export type Renewal = z.infer<typeof Renewal>;

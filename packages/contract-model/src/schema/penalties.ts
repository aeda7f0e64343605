import { z } from "zod";
import { namedEnum } from "./names.js";
import { ClauseRef, Money, Percent, Side, SideOrBoth, Verbatim } from "./primitives.js";

/** What a share is a share of. */
/** What a share is a share of, in Chinese. */
export const PENALTY_BASE_NAMES = {
  "contract-total": "合同总价款",
  "overdue-amount": "逾期应付款",
  "monthly-fee": "当月服务费",
  "paid-amount": "已支付金额",
  "unserved-amount": "未提供服务期间的价款",
} as const;

export const PenaltyBase = namedEnum(["contract-total", "overdue-amount", "monthly-fee", "paid-amount", "unserved-amount"], PENALTY_BASE_NAMES).meta({
    description:
      "contract-total 合同总价款, overdue-amount 逾期应付款, monthly-fee 当月服务费, paid-amount 已支付金额, unserved-amount 未提供服务期间的价款",
  });

export const Termination = z.strictObject({
  by: SideOrBoth.default("client").meta({ description: "谁有权解除合同" }),
  afterDays: z.number().int().positive().optional().meta({ description: "迟延超过 N 日" }),
  afterOccurrences: z.number().int().positive().optional().meta({ description: "发生超过 N 次" }),
  immediate: z.boolean().optional(),
  text: Verbatim.optional(),
});

export const PenaltyCap = z.strictObject({
  rate: Percent,
  base: PenaltyBase,
});

const common = {
  clause: ClauseRef,
  title: z.string().optional().meta({ description: "简称，如“迟延履行”" }),
  payer: SideOrBoth.meta({ description: "违约方（付违约金的一方）；either = 任何一方" }),
  deductible: z.boolean().default(false).meta({ description: "可直接从合同款中扣除" }),
  cap: PenaltyCap.optional(),
  termination: Termination.optional(),
  refund: namedEnum(["all-paid", "unserved"], { "all-paid": "已付全部费用", unserved: "未提供服务期间的价款" })
    .optional()
    .meta({ description: "另须退还：all-paid 已付全部费用，unserved 未提供服务期间的价款" }),
  text: Verbatim,
};

export const Penalty = z.discriminatedUnion("kind", [
  z.strictObject({
    ...common,
    kind: z.literal("per-day").meta({ description: "每逾期一日按基数的比例" }),
    rate: Percent,
    base: PenaltyBase,
  }),
  z.strictObject({
    ...common,
    kind: z.literal("per-occurrence").meta({ description: "每发生一次固定金额" }),
    amount: Money,
  }),
  z.strictObject({
    ...common,
    kind: z.literal("per-occurrence-share").meta({ description: "每发生一次按基数（如当月服务费）的比例" }),
    rate: Percent,
    base: PenaltyBase,
  }),
  z.strictObject({
    ...common,
    kind: z.literal("share").meta({ description: "按基数的比例，一次性" }),
    rate: Percent,
    base: PenaltyBase,
  }),
  z.strictObject({
    ...common,
    kind: z.literal("share-range").meta({ description: "按基数的比例区间，如年度结算时 10–30%" }),
    min: Percent,
    max: Percent,
    base: PenaltyBase,
    when: Verbatim.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal("fixed").meta({ description: "固定金额，可附“或合同总额的 X%”" }),
    amount: Money,
    statedShare: Percent.optional(),
    base: PenaltyBase.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal("other").meta({ description: "无法计算的违约责任（赔偿损失等），照录原文" }),
  }),
]);

export const LiabilityCap = z.strictObject({
  clause: ClauseRef,
  payer: Side,
  rate: Percent,
  base: PenaltyBase,
  text: Verbatim,
});

export type PenaltyBase = z.infer<typeof PenaltyBase>;
export type Penalty = z.infer<typeof Penalty>;
export type LiabilityCap = z.infer<typeof LiabilityCap>;

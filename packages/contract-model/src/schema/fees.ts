import { z } from "zod";
import { ClauseRef, DayUnit, IsoDate, Money, Percent, PrintedAmount, Verbatim, YearMonth } from "./primitives.js";

export const Pricing = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed").meta({ description: "固定总价" }) }),
  z.strictObject({
    kind: z.literal("monthly").meta({ description: "按月计费：应付款项 = 应付金额 − 应扣减金额" }),
    months: z.number().int().positive().optional().meta({ description: "计费月数；不写则按服务期推算" }),
    formula: Verbatim.optional(),
  }),
]);

export const Fees = z.strictObject({
  clause: ClauseRef.optional(),
  total: PrintedAmount.extend({ amount: Money }).meta({ description: "合同总价（含税），金额与大写照原文" }),
  taxIncluded: z.boolean().default(true),
  taxRate: Percent.optional().meta({ description: "适用税率，如 \"6%\"；合同未写则留空" }),
  estimated: z.boolean().default(false).meta({ description: "总额为“预计”金额" }),
  finalBasis: Verbatim.optional().meta({ description: "最终金额的依据，如“以评审报告金额为准”" }),
  pricing: Pricing.default({ kind: "fixed" }),
  budget: Money.optional().meta({ description: "预算批复金额（续签须在预算内）" }),
  text: Verbatim.optional(),
});

export const TriggerCondition = z.discriminatedUnion("event", [
  z.strictObject({ event: z.literal("signed").meta({ description: "合同签订" }) }),
  z.strictObject({ event: z.literal("effective").meta({ description: "合同生效" }) }),
  z.strictObject({ event: z.literal("funds-received").meta({ description: "财政资金拨付到甲方账户" }) }),
  z.strictObject({
    event: z.literal("months-after-signing").meta({ description: "签订合同后 N 个月" }),
    months: z.number().int().positive(),
  }),
  z.strictObject({
    event: z.literal("months-after-start").meta({ description: "服务期开始后 N 个月（如“服务期满半年”）" }),
    months: z.number().int().positive(),
  }),
  z.strictObject({ event: z.literal("by-date").meta({ description: "某日前" }), date: IsoDate }),
  z.strictObject({
    event: z.literal("in-month").meta({ description: "某月内支付，如“2024年12月支付”" }),
    month: YearMonth,
  }),
  z.strictObject({ event: z.literal("acceptance-passed").meta({ description: "验收合格" }) }),
  z.strictObject({ event: z.literal("audit-completed").meta({ description: "结算评审 / 审计结束" }) }),
  z.strictObject({ event: z.literal("term-ended").meta({ description: "服务期满" }) }),
  z.strictObject({
    event: z.literal("month-billed").meta({ description: "按月结算：每月初申请上月费用" }),
  }),
  z.strictObject({ event: z.literal("invoice-received").meta({ description: "收到发票" }) }),
  z.strictObject({ event: z.literal("payment-notice").meta({ description: "收到付款通知书" }) }),
  z.strictObject({
    event: z.literal("other").meta({ description: "其他条件，如“双方合作无异议”" }),
    text: Verbatim,
  }),
]);

export const Offset = z.strictObject({
  days: z.number().int().nonnegative(),
  unit: DayUnit,
  text: Verbatim.optional(),
});

export const InstallmentBasis = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("share").meta({ description: "合同总价的百分比" }), share: Percent }),
  z.strictObject({
    kind: z.literal("cumulative-share").meta({ description: "“支付至合同总额的 X%”：累计支付到该比例" }),
    upTo: Percent,
  }),
  z.strictObject({ kind: z.literal("fixed").meta({ description: "固定金额" }), amount: Money }),
  z.strictObject({ kind: z.literal("remainder").meta({ description: "剩余金额 / 尾款" }) }),
  z.strictObject({ kind: z.literal("monthly").meta({ description: "按月支付当月（上月）费用" }) }),
]);

export const Installment = z.strictObject({
  id: z.number().int().positive().meta({ description: "第几期" }),
  label: z.string().optional().meta({ description: "如“首付款”“进度款”“结算款”" }),
  clause: ClauseRef.optional(),
  basis: InstallmentBasis.meta({ description: "本期金额怎样计算" }),
  trigger: z.array(TriggerCondition).min(1).meta({ description: "全部满足后起算（“且”）" }),
  offset: Offset.optional().meta({ description: "触发后多少日内支付" }),
  finalPerAudit: z.boolean().default(false).meta({ description: "金额以审计 / 评审为准" }),
  printed: PrintedAmount.optional().meta({ description: "合同印出的本期金额与大写" }),
  text: Verbatim,
});

/** The kinds of invoice a contract asks for, in its own words. */
export const InvoiceType = z.enum(["增值税专用发票", "增值税普通发票", "增值税发票", "非增值税专用发票"]).meta({
  description:
    "增值税专用发票；增值税普通发票；增值税发票（合同只写“增值税发票”，未分专用或普通）；非增值税专用发票（合同列出的选项，即专用发票以外的发票）",
});

/** What the contract says about invoices: the clause, whether one must precede payment, its type or the types offered. */
export const Invoice = z.strictObject({
  clause: ClauseRef.optional(),
  required: z.boolean().default(true).meta({ description: "每笔付款前须先开具发票" }),
  daysBeforePayment: z.number().int().nonnegative().optional(),
  type: InvoiceType.optional().meta({
    description: "合同要求的发票类型；合同只写“合法等额发票”之类、或列出选项却未勾选时留空",
  }),
  choices: z
    .array(InvoiceType)
    .min(2)
    .optional()
    .meta({ description: "合同列出供勾选的发票类型（“请选择”）；type 为其中勾选的一项，未勾选时不写 type" }),
  text: Verbatim.optional(),
});

export const Payments = z.strictObject({
  clause: ClauseRef.optional(),
  method: z.string().optional().meta({ description: "支付方式，如“电汇”" }),
  installments: z.array(Installment).min(1).meta({ description: "各期付款，按合同顺序" }),
  invoice: Invoice.optional(),
  payWithinAfterNotice: Offset.optional().meta({ description: "收到付款通知后多少日内支付" }),
  delayExcused: Verbatim.optional().meta({ description: "财政资金未到位等情形下迟延付款不视为违约的原文" }),
  approval: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({
      description:
        "甲方付款审批环节，按审批顺序（合同外信息，按甲方的财务制度填写），付款申请书按此印审批栏；不写时为 经办人、科室负责人、财务、分管领导",
      examples: [["经办人", "科室负责人", "财务", "分管领导"]],
    }),
  text: Verbatim.optional(),
});

export type Fees = z.infer<typeof Fees>;
export type TriggerCondition = z.infer<typeof TriggerCondition>;
export type Offset = z.infer<typeof Offset>;
export type InstallmentBasis = z.infer<typeof InstallmentBasis>;
export type Installment = z.infer<typeof Installment>;
export type Payments = z.infer<typeof Payments>;
export type Invoice = z.infer<typeof Invoice>;
export type InvoiceType = z.infer<typeof InvoiceType>;

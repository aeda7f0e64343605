import { z } from "zod";
import { FenValue } from "@qiyue/templating";
import { SignaturePageView } from "../signatures.js";

/**
 * One payment of the generated 付款方式 article: its name, when it falls due and its amount. A
 * monthly-billed contract has one entry per run of months of the same amount.
 */
export const InstallmentClauseView = z.strictObject({
  /** 第一期（首付款）, or for monthly billing 第1个月至第11个月. */
  name: z.string(),
  /** The payment condition and time, in words (the schedule's trigger). */
  when: z.string(),
  /** What the amount is: 合同总价款的50%, 剩余款项, 上月服务费; absent for a fixed sum. */
  basis: z.string().optional(),
  /** Monthly billing over several months: the amount is paid every month of `name`. */
  monthly: z.boolean(),
  /** The amount (分) as the schedule computes it and its capitals (`inWords`); absent when `open` is printed instead. */
  sum: z.strictObject({ amount: FenValue, inWords: z.string() }).optional(),
  /** 【待确认：…】 in place of the amount, when the contract's terms give none. */
  open: z.string().optional(),
  /** A proviso after the amount, e.g. that the final sum is the audited one. */
  note: z.string().optional(),
});
export type InstallmentClauseView = z.infer<typeof InstallmentClauseView>;

/** A numbered paragraph (款) of a generated article: plain text, or one payment. */
export const ClauseParagraphView = z.strictObject({
  /** The paragraph's number, `6.2`: cited as 第6.2条. */
  ref: z.string(),
  /** The paragraph's words (plain text, 【待确认：…】 where the contract leaves a figure open). */
  text: z.string().optional(),
  /** A payment of the schedule, written by the template's `_installment` partial. */
  installment: InstallmentClauseView.optional(),
});
export type ClauseParagraphView = z.infer<typeof ClauseParagraphView>;

/** One article (条) of the generated contract. */
export const ArticleView = z.strictObject({
  /** What the article covers, stable for templates: scope, staffing, service-levels, term, fees, payments, delivery, client-rights, penalties, confidentiality, renewal, dispute, other. */
  key: z.string(),
  /** 1-based: 第{{cnIndex number}}条. */
  number: z.number().int().positive(),
  heading: z.string(),
  paragraphs: z.array(ClauseParagraphView),
});
export type ArticleView = z.infer<typeof ArticleView>;

/** A line of a party's block at the head of the contract: 住所, 法定代表人, 开户银行 … */
export const PartyLineView = z.strictObject({ label: z.string(), value: z.string() });
export type PartyLineView = z.infer<typeof PartyLineView>;

/** One party at the head of the contract: 甲方 first. */
export const PartyHeaderView = z.strictObject({
  side: z.enum(["甲方", "乙方"]),
  name: z.string(),
  lines: z.array(PartyLineView),
});
export type PartyHeaderView = z.infer<typeof PartyHeaderView>;

/**
 * The contract's text written from the model, for a contract whose body is not recorded (a new
 * contract, or a renewal before it is signed). Nobody has signed these words: the template
 * marks them as generated and prints `notice` at their head.
 */
export const ClausesView = z.strictObject({
  /** The note printed at the head of the generated text (after 说明：), saying it is generated and to be checked. */
  notice: z.string(),
  /** The head of the contract: 项目名称, 合同编号, 签订地点 … as label and value. */
  head: z.array(PartyLineView),
  parties: z.array(PartyHeaderView),
  /** The opening paragraph before the first article. */
  preamble: z.string(),
  articles: z.array(ArticleView),
  /** The line above the signature page, unless the recorded signature page prints its own. */
  closing: z.string().optional(),
  /** The signature page: as the model records it, or each side's name, address, telephone and bank account with blanks to sign. */
  signatures: SignaturePageView,
});
export type ClausesView = z.infer<typeof ClausesView>;

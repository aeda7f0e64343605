import { type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { daysWords } from "./words.js";

/** 发票: an invoice for the amount of each payment before it, of the type the contract asks for. */
export function invoiceParagraphs(ctx: ClauseContext): Paragraph[] {
  const invoice = ctx.contract.payments.invoice;
  if (invoice !== undefined && !invoice.required) return [];
  let type: string;
  if (invoice?.type !== undefined) type = invoice.type;
  else if (invoice?.choices !== undefined) type = `发票（${invoice.choices.join("或")}，${markOpen(ctx, "payments", "发票类型", "合同列出的发票类型未勾选")}）`;
  else type = `发票（发票类型${markOpen(ctx, "payments", "发票类型", "合同数据未约定发票类型")}）`;
  const days = invoice?.daysBeforePayment;
  const when = days === undefined ? "每笔款项支付前" : `每笔款项支付${daysWords(days, "natural")}前`;
  return texts(`${when}，乙方应向甲方开具合法有效的等额${type}。`);
}

import { billingMonths, formatPercent } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { sentence, yuanWords } from "./words.js";

/** 合同价款: the total in figures and capitals, tax, whether it is an estimate, how monthly billing works. */
export function feesParagraphs(ctx: ClauseContext): Paragraph[] {
  const { fees } = ctx.contract;
  const tax = `${fees.taxIncluded ? "含税" : "不含税"}${fees.taxRate === undefined ? "" : `，适用税率为${formatPercent(fees.taxRate)}`}`;
  const total = `本合同${fees.estimated ? "预计" : ""}总价款为${yuanWords(fees.total.amount)}（${tax}）。`;
  let final: string | undefined;
  if (fees.estimated) final = `上述金额为预计金额，${fees.finalBasis === undefined ? "最终金额以结算评审或审计金额为准。" : sentence(fees.finalBasis)}`;
  else if (fees.finalBasis !== undefined) final = sentence(fees.finalBasis);
  let monthly: string | undefined;
  if (fees.pricing.kind === "monthly") {
    const formula = fees.pricing.formula === undefined ? "每月应付款项的金额为当月应付金额减去应扣减金额" : fees.pricing.formula;
    monthly = `服务费按月计算，共${billingMonths(ctx.contract)}个月；${sentence(formula)}`;
  }
  return texts(total, final, monthly);
}

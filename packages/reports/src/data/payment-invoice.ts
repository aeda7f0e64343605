/**
 * The invoice of a payment request: the type the contract asks for, when it is issued, its
 * amount, and the tax in it (价税分离). Where the contract leaves the type or the amount open,
 * the request says so (【待确认：…】) instead of choosing.
 */
import { chineseDate, type Contract, divHalfUp, type Fen, formatClause, formatYuan, IsoDate, type Ppm, PPM_100_PERCENT } from "@qiyue/contract-model";
import { FenValue, PpmValue } from "@qiyue/templating";
import { z } from "zod";
import type { PendingList } from "./pending.js";
import { defined } from "./text.js";

/** 价税分离: tax = gross × rate ÷ (1 + rate), half up to the 分. */
export function splitTax(gross: Fen, rate: Ppm): { tax: Fen; net: Fen } {
  const tax = Number(divHalfUp(BigInt(gross) * BigInt(rate), BigInt(PPM_100_PERCENT + rate)));
  return { tax, net: gross - tax };
}

/** One way of splitting the invoice's amount into price and tax. */
const TaxSplit = z.strictObject({
  /** Which amount is split: 本期应付, or, while the invoice's amount is open, 扣减前 / 扣减后. */
  basis: z.string(),
  /** 价税合计. */
  gross: FenValue,
  /** 不含税金额. */
  net: FenValue,
  /** 税额. */
  tax: FenValue,
});

export const InvoiceView = z.strictObject({
  /** The type the contract asks for (增值税专用发票, …), when it names one. */
  type: z.string().optional(),
  /** The type as the request prints it: with the clause, 合同未约定发票类型, or 【待确认：…】 when a choice is left unmarked. */
  typeText: z.string(),
  /** The contract names the type: false prints boxes to tick by hand. */
  agreed: z.boolean(),
  /** The types to tick while the type is not agreed: the contract's own choices, else 增值税专用发票 and 增值税普通发票. */
  choices: z.array(z.string()),
  /** When the invoice is due, in the contract's terms: 付款前, 每次付款日前 5 日. */
  timing: z.string(),
  /** The invoice's amount, when the request determines it. */
  amount: FenValue.optional(),
  /** Printed in place of the amount while it is open: 【待确认：…】. */
  amountOpen: z.string().optional(),
  /** The invoice of this installment the events ledger records. */
  issued: z.strictObject({ date: IsoDate, amount: FenValue.optional() }).optional(),
  /** 价税分离, only when the contract states a tax rate: one split, or two while the amount is open. */
  tax: z.strictObject({ rate: PpmValue, splits: z.array(TaxSplit) }).optional(),
});
export type InvoiceView = z.infer<typeof InvoiceView>;

/** What the invoice is computed from. */
export interface InvoiceRequest {
  contract: Contract;
  /** Still owed on the installment before deductions. */
  outstanding: Fen;
  /** Deducted from this payment. */
  deductions: Fen;
  issued?: { date: string; amount?: Fen };
  pending: PendingList;
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

/** The invoice a payment request asks the vendor to issue. */
export function invoiceView({ contract, outstanding, deductions, issued, pending }: InvoiceRequest): InvoiceView {
  const invoice = contract.payments.invoice;
  const clause = invoice?.clause === undefined ? undefined : formatClause(invoice.clause);
  const where = clause === undefined ? "" : `（合同${clause}）`;
  let typeText: string;
  if (invoice?.type !== undefined) {
    const unsplit = invoice.type === "增值税发票" ? "未区分专用发票或普通发票" : undefined;
    typeText = `${invoice.type}${clause === undefined ? (unsplit ? `（${unsplit}）` : "") : `（合同${clause}${unsplit ? `；${unsplit}` : ""}）`}`;
  } else if (invoice?.choices !== undefined) {
    typeText = pending.mark("发票类型", `合同列出${invoice.choices.join("、")}供选择，未勾选`, clause);
  } else {
    typeText = "合同未约定发票类型";
  }
  const timing =
    invoice?.daysBeforePayment !== undefined
      ? `每次付款日前 ${invoice.daysBeforePayment} 日开具${where}`
      : invoice?.required === false
        ? `合同未要求付款前开具发票${where}`
        : `付款前开具${where}`;
  const net = outstanding - deductions;
  let amount: Fen | undefined = outstanding;
  let amountOpen: string | undefined;
  if (deductions > 0) {
    amount = undefined;
    amountOpen = pending.mark(
      "发票金额",
      `本期扣减违约金 ${yuan(deductions)}，合同未明确发票按扣减前的本期金额（${yuan(outstanding)}）还是扣减后的实付金额（${yuan(net)}）开具`,
      clause,
    );
  } else if (issued?.amount !== undefined && issued.amount !== outstanding) {
    amountOpen = pending.mark(
      "发票金额",
      `履约记录中${chineseDate(issued.date)}开具的发票为 ${yuan(issued.amount)}，与本期申请金额 ${yuan(outstanding)} 不一致`,
      clause,
    );
  }
  const rate = contract.fees.taxRate;
  const split = (basis: string, gross: Fen) => ({ basis, gross, ...splitTax(gross, rate ?? 0) });
  const splits = deductions > 0 ? [split("按扣减前的本期金额", outstanding), split("按扣减后的实付金额", net)] : [split("本期应付", outstanding)];
  return defined({
    type: invoice?.type,
    typeText,
    agreed: invoice?.type !== undefined,
    choices: invoice?.type !== undefined ? [] : (invoice?.choices ?? ["增值税专用发票", "增值税普通发票"]),
    timing,
    amount,
    amountOpen,
    issued: issued && defined({ date: issued.date, amount: issued.amount }),
    tax: rate === undefined ? undefined : { rate, splits },
  }) as InvoiceView;
}

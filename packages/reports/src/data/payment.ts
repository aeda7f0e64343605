import { type Contract, divHalfUp, type Fen, IsoDate, type PaymentDeductions, type Ppm, PPM_100_PERCENT } from "@qiyue/contract-model";
import { z } from "zod";
import { TemplateError } from "@qiyue/templating";
import { ScheduleRowView, type ScheduleView } from "./schedule.js";
import { defined, present } from "./text.js";
import { FenValue, PpmValue } from "@qiyue/templating";
import { PendingList } from "./pending.js";

/** 价税分离: tax = gross × rate ÷ (1 + rate), half up to the 分. */
export function splitTax(gross: Fen, rate: Ppm): { tax: Fen; net: Fen } {
  const tax = Number(divHalfUp(BigInt(gross) * BigInt(rate), BigInt(PPM_100_PERCENT + rate)));
  return { tax, net: gross - tax };
}

export const PaymentView = z.strictObject({
  number: z.number().int(),
  count: z.number().int(),
  row: ScheduleRowView,
  /** The installment's own words in the contract. */
  text: z.string().optional(),
  /** Rows before this one, by the schedule. */
  paidRows: z.array(ScheduleRowView),
  paidBefore: FenValue,
  /** Penalties deducted from this payment (from the events ledger), in 分. */
  deductions: FenValue,
  /** Each deductible penalty recorded in the ledger, with its clause and calculation. */
  deductionItems: z.array(z.strictObject({ clause: z.string(), what: z.string(), amount: FenValue, formula: z.string() })),
  /** Deductible penalties left for later payments. */
  carriedOver: FenValue,
  /** The ledger's date, when deductions come from an events file. */
  asOf: IsoDate.optional(),
  net: FenValue,
  /** Set only when the contract states a tax rate. */
  tax: z.strictObject({ rate: PpmValue, amount: FenValue, net: FenValue }).optional(),
  taxIncluded: z.boolean(),
  invoiceType: z.string().optional(),
  payee: z.strictObject({
    name: z.string(),
    bank: z.string().optional(),
    accountName: z.string().optional(),
    accountNumber: z.string().optional(),
  }),
  attachments: z.array(z.string()),
});
export type PaymentView = z.infer<typeof PaymentView>;

function installmentOf(contract: Contract, row: ScheduleRowView) {
  return contract.payments.installments.find((i) => i.id === Number(row.key.split("/")[0]));
}

/** What a payment request for the `number`-th payment of the schedule states. */
export function paymentView(
  contract: Contract,
  schedule: ScheduleView,
  number: number,
  ledger?: { deductions: PaymentDeductions; asOf: string },
  pending: PendingList = new PendingList(),
): PaymentView {
  const count = schedule.rows.length;
  const row = schedule.rows[number - 1];
  if (row === undefined) {
    const unit = schedule.monthly ? "期（按月结算，每月一期）" : "期";
    throw new TemplateError("TEMPLATE_INPUT", `--installment ${number} 超出范围：本合同付款计划共 ${count} ${unit}，应为 1 到 ${count}`);
  }
  if (row.problem !== undefined) {
    throw new TemplateError(
      "TEMPLATE_INPUT",
      `第 ${number} 期的金额无法按合同计算：${row.problem}。请先核对合同（qiyue validate），再起草付款申请`,
    );
  }
  const paidRows = schedule.rows.slice(0, number - 1);
  const installment = installmentOf(contract, row);
  const rate = contract.fees.taxRate;
  const vendor = contract.parties.vendor;
  const signed = contract.signing.signaturePage?.vendor;
  const bank = vendor.bank;
  const conditions = installment?.trigger.map((t) => t.event) ?? [];
  const invoiceType = present(contract.payments.invoice?.type);
  const attachments = [`${invoiceType ?? "发票"}（金额 = 本期应付金额）`];
  if (conditions.includes("acceptance-passed")) attachments.push("验收材料（验收合格的书面文件）");
  if (conditions.includes("audit-completed")) attachments.push("结算评审 / 审计报告");
  if (row.month !== undefined) attachments.push("当月服务情况及考核结果");
  return defined({
    number,
    count,
    row,
    text: installment?.text,
    paidRows,
    paidBefore: paidRows.reduce((sum, r) => sum + r.amount, 0),
    deductions: ledger?.deductions.applied ?? 0,
    deductionItems: (ledger?.deductions.items ?? []).map((d) => ({ clause: d.clause, what: d.what, amount: d.amount, formula: d.formula })),
    carriedOver: ledger?.deductions.carriedOver ?? 0,
    asOf: ledger?.asOf,
    net: row.amount - (ledger?.deductions.applied ?? 0),
    tax: rate === undefined ? undefined : { rate, amount: splitTax(row.amount, rate).tax, net: splitTax(row.amount, rate).net },
    taxIncluded: contract.fees.taxIncluded,
    invoiceType,
    payee: defined({
      name: vendor.name,
      bank: present(bank?.bank) ?? present(signed?.bank),
      accountName: present(bank?.accountName),
      accountNumber: present(bank?.accountNumber) ?? present(signed?.accountNumber),
    }) as PaymentView["payee"],
    attachments,
  }) as PaymentView;
}

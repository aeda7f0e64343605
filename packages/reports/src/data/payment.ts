/**
 * The data of a payment request (付款申请书): the installment asked for, its basis and due date,
 * what was paid before, the deductions with their facts, the invoice and tax, the payee's
 * account, and the client's approval steps. What the contract (or the ledger) leaves open is
 * recorded in the pending list and printed as 【待确认：…】, never computed.
 */
import {
  chineseDate,
  type Contract,
  type Fen,
  formatClause,
  formatYuan,
  IsoDate,
  type LedgerEvent,
  paymentDeductions,
  type Schedule,
  type Status,
} from "@qiyue/contract-model";
import { FenValue, TemplateError } from "@qiyue/templating";
import { z } from "zod";
import { ConditionView, DueView, paymentBasis } from "./payment-basis.js";
import { DeductionItemView, deductionItemViews, OpenPenaltyView, openPenaltyViews } from "./payment-deductions.js";
import { InvoiceView, invoiceView } from "./payment-invoice.js";
import { PendingList } from "./pending.js";
import { ScheduleRowView, scheduleView } from "./schedule.js";
import { defined, present } from "./text.js";

export { splitTax } from "./payment-invoice.js";

/**
 * The client's approval steps a payment request leaves room for when the contract's
 * `payments.approval` does not list its own: 经办人, 科室负责人, 财务, 分管领导.
 */
export const DEFAULT_APPROVAL: readonly string[] = ["经办人", "科室负责人", "财务", "分管领导"];

/** A payment the events ledger records. */
const ReceivedView = z.strictObject({
  date: IsoDate,
  /** 第 1 期（首付款）. */
  installment: z.string(),
  /** Received. */
  amount: FenValue,
  /** Penalties deducted from it. */
  deducted: FenValue,
  note: z.string().optional(),
});

/** What a payment request states, as its template receives it (`payment`; see templates/README.md). */
export const PaymentView = z.strictObject({
  number: z.number().int(),
  count: z.number().int(),
  row: ScheduleRowView,
  /** The installment's own words in the contract. */
  text: z.string().optional(),
  /** This installment's amount: the schedule's, or what an audited total recorded in the ledger leaves for it. */
  amount: FenValue,
  /** Printed beside the amount while the final amount waits for the audit: 【待确认：…】. */
  amountOpen: z.string().optional(),
  /** How the amount follows from the audit the ledger records. */
  amountNotes: z.array(z.string()),
  /** Each condition of the payment with the day it was met and where that day comes from. */
  conditions: z.array(ConditionView),
  due: DueView,
  /** Rows before this one, by the schedule. */
  paidRows: z.array(ScheduleRowView),
  /** Paid before: the rows before this one by the schedule, or what the ledger records as received. */
  paidBefore: FenValue,
  /** With `--events`: the payments the ledger records (this installment's included) and their total. */
  received: z.strictObject({ rows: z.array(ReceivedView), total: FenValue }).optional(),
  /** Already received or deducted on this installment, by the ledger. */
  settled: FenValue,
  /** Still owed on this installment before deductions: amount − settled. */
  outstanding: FenValue,
  /** Earlier installments the ledger shows not fully paid. */
  unpaidEarlier: z.array(z.strictObject({ installment: z.string(), outstanding: FenValue })),
  /** Penalties deducted from this payment (from the events ledger), in 分. */
  deductions: FenValue,
  /** Each deductible penalty recorded in the ledger, with its facts, clause and calculation. */
  deductionItems: z.array(DeductionItemView),
  /** The vendor's penalties the ledger records that this request does not deduct, with why. */
  openPenalties: z.array(OpenPenaltyView),
  /** Deductible penalties left for later payments. */
  carriedOver: FenValue,
  /** The ledger's date, when the request is made from an events file. */
  asOf: IsoDate.optional(),
  /** What the client is asked to pay: outstanding − deductions. */
  net: FenValue,
  invoice: InvoiceView,
  taxIncluded: z.boolean(),
  payee: z.strictObject({
    name: z.string(),
    /** Each as the contract prints it, or 【待确认】 where it prints none. */
    bank: z.string(),
    accountName: z.string(),
    accountNumber: z.string(),
    /** The vendor's contact person for the request, and a telephone number. */
    contact: z.string().optional(),
    phone: z.string().optional(),
  }),
  /** The client's approval steps, in order: the contract's `payments.approval`, else DEFAULT_APPROVAL. */
  approval: z.array(z.string()),
  attachments: z.array(z.string()),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** What a payment request is made from. */
export interface PaymentRequest {
  contract: Contract;
  /** The schedule as the model computed it. */
  schedule: Schedule;
  /** Which payment of the schedule, from 1. */
  number: number;
  /** The contract's status on the ledger's date, and the ledger's events up to that date. */
  ledger?: { status: Status; events: readonly LedgerEvent[]; asOf: string };
  pending?: PendingList;
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

function installmentName(key: string, label: string | undefined, rows: Schedule["rows"]): string {
  const index = rows.findIndex((r) => r.key === key);
  return `第 ${index + 1} 期${label && !/^第 \d+ 个月$/.test(label) ? `（${label}）` : ""}`;
}

/** What a payment request for the `number`-th payment of the schedule states. */
/** Why a payee field prints 【待确认】: finance cannot pay without it. */
const PAYEE_MISSING = "合同未载明，请乙方补充";

export function paymentView({ contract, schedule, number, ledger, pending = new PendingList() }: PaymentRequest): PaymentView {
  const rows = scheduleView(schedule).rows;
  const count = rows.length;
  const row = rows[number - 1];
  const model = schedule.rows[number - 1];
  if (row === undefined || model === undefined) {
    const unit = rows.some((r) => r.month !== undefined) ? "期（按月结算，每月一期）" : "期";
    throw new TemplateError("TEMPLATE_INPUT", `--installment ${number} 超出范围：本合同付款计划共 ${count} ${unit}，应为 1 到 ${count}`);
  }
  if (row.problem !== undefined) {
    throw new TemplateError("TEMPLATE_INPUT", `第 ${number} 期的金额无法按合同计算：${row.problem}。请先核对合同（qiyue validate），再起草付款申请`);
  }
  const installment = contract.payments.installments.find((i) => i.id === model.id)!;
  const clause = installment.clause === undefined ? undefined : formatClause(installment.clause);
  const status = ledger?.status.installments.find((i) => i.key === model.key);
  const name = (key: string, label: string | undefined) => installmentName(key, label, schedule.rows);
  if (status && status.amount > 0 && status.outstanding === 0) {
    const paid = status.payments.map((p) => `${chineseDate(p.date)} ${yuan(p.amount)}`).join("、");
    throw new TemplateError("TEMPLATE_INPUT", `第 ${number} 期已按履约记录付清（${paid}），无需再申请付款；请核对 --installment`);
  }

  // the amount: the audited one where the ledger records it, else the schedule's (open if it waits for an audit)
  const amount = status?.amount ?? model.amount;
  const amountNotes = status?.notes.filter((n) => n.startsWith("结算评审 / 审计金额")) ?? [];
  const audited = amountNotes.length > 0;
  const amountOpen =
    installment.finalPerAudit && installment.basis.kind !== "monthly" && !audited
      ? pending.mark("本期金额", "最终支付金额以结算评审 / 审计金额为准，尚未审定；暂按合同计划金额列出", clause)
      : undefined;

  const basis = paymentBasis({
    contract,
    installment,
    row: model,
    due: status?.due ?? model.due,
    ...(ledger ? { ledger: { events: ledger.events, asOf: ledger.asOf, ...(status?.invoice ? { invoice: status.invoice } : {}) } } : {}),
    pending,
  });

  // what was paid before: the ledger's payments, or the schedule's earlier rows
  const paidRows = rows.slice(0, number - 1);
  const received = ledger
    ? ledger.status.installments.flatMap((i) =>
        i.payments.map((p) => defined({ date: p.date, installment: name(i.key, i.label), amount: p.amount, deducted: p.deducted, note: p.note })),
      )
    : undefined;
  received?.sort((a, b) => a.date.localeCompare(b.date));
  const settled = status?.settled ?? 0;
  const outstanding = amount - settled;
  const index = schedule.rows.indexOf(model);
  const unpaidEarlier = (ledger?.status.installments ?? [])
    .filter((i) => schedule.rows.findIndex((r) => r.key === i.key) < index && i.outstanding > 0 && i.state !== "nothing-due")
    .map((i) => ({ installment: name(i.key, i.label), outstanding: i.outstanding }));

  // deductions: what the contract lets the client take from this payment, by the ledger
  const deducted = ledger ? paymentDeductions(ledger.status.penalties, ledger.status.installments, model.key) : undefined;
  const deductions = deducted?.applied ?? 0;
  const invoice = invoiceView({ contract, outstanding, deductions, ...(status?.invoice ? { issued: status.invoice } : {}), pending });

  const vendor = contract.parties.vendor;
  const signed = contract.signing.signaturePage?.vendor;
  const conditions = installment.trigger.map((t) => t.event);
  const invoiceName = invoice.type ?? "发票";
  const attachments = [invoice.amount !== undefined ? `${invoiceName}（${yuan(invoice.amount)}）` : `${invoiceName}（金额见第四部分）`];
  if (conditions.includes("acceptance-passed")) attachments.push("验收材料（验收合格的书面文件）");
  if (conditions.includes("audit-completed")) attachments.push("结算评审 / 审计报告");
  if (row.month !== undefined) attachments.push("当月服务情况及考核结果");
  return defined({
    number,
    count,
    row,
    text: installment.text,
    amount,
    amountOpen,
    amountNotes,
    conditions: basis.conditions,
    due: basis.due,
    paidRows,
    paidBefore: received ? received.reduce((sum, r) => sum + r.amount, 0) : paidRows.reduce((sum, r) => sum + r.amount, 0),
    received: received && { rows: received, total: received.reduce((sum, r) => sum + r.amount, 0) },
    settled,
    outstanding,
    unpaidEarlier,
    deductions,
    deductionItems: deducted ? deductionItemViews(deducted) : [],
    openPenalties: ledger ? openPenaltyViews(ledger.status.penalties, pending) : [],
    carriedOver: deducted?.carriedOver ?? 0,
    asOf: ledger?.asOf,
    net: outstanding - deductions,
    invoice,
    taxIncluded: contract.fees.taxIncluded,
    payee: defined({
      name: vendor.name,
      bank: present(vendor.bank?.bank) ?? present(signed?.bank) ?? pending.mark("收款开户银行", PAYEE_MISSING),
      accountName: present(vendor.bank?.accountName) ?? pending.mark("收款户名", PAYEE_MISSING),
      accountNumber: present(vendor.bank?.accountNumber) ?? present(signed?.accountNumber) ?? pending.mark("收款账号", PAYEE_MISSING),
      contact: present(vendor.contact?.name),
      phone: present(vendor.contact?.phone) ?? present(vendor.phone) ?? present(signed?.phone),
    }) as PaymentView["payee"],
    approval: [...(contract.payments.approval ?? DEFAULT_APPROVAL)],
    attachments,
  }) as PaymentView;
}

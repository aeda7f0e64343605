/**
 * The basis of a payment request: each condition of the installment with the day it was met and
 * where that day comes from (the events ledger, the contract), and the due date computed from
 * them, only where the contract sets a time for the payment. Whatever the contract or the ledger
 * leaves open is recorded in the pending list and printed as 【待确认：…】.
 */
import {
  addMonths,
  addNaturalDays,
  calendarBasis,
  chineseDate,
  compareDates,
  type Contract,
  describeCondition,
  describeOffset,
  type DueDate,
  formatClause,
  type Installment,
  IsoDate,
  type LedgerEvent,
  type ScheduleRow,
  setsPaymentTime,
  type TriggerCondition,
} from "@qiyue/contract-model";
import { z } from "zod";
import type { PendingList } from "./pending.js";
import { defined } from "./text.js";

/** One condition of the payment and the day it was met. */
export const ConditionView = z.strictObject({
  /** The condition in the contract's words: 财政资金拨付到甲方账户. */
  text: z.string(),
  /** The day it was met (or, for a condition that is a time, the day it falls on), YYYY-MM-DD. */
  date: IsoDate.optional(),
  /** Where the day comes from: 履约记录（note）, 合同所载签订日期, 合同服务期止日, …; absent when nothing gives it. */
  source: z.string().optional(),
  /** Printed in place of the date when it is not known to have happened: 【待确认：…】. */
  open: z.string().optional(),
});
export type ConditionView = z.infer<typeof ConditionView>;

/** When the payment is due, as far as the contract and the ledger tell. */
export const DueView = z.strictObject({
  /** What the request prints after 应付日期: a date and how it was computed, 合同未约定付款期限, or 【待确认：…】. */
  text: z.string(),
  /** The due date, when the contract sets one and its conditions are known to be met. */
  date: IsoDate.optional(),
  /** The contract's time for the payment in words (付款条件全部成就后 30 个工作日内, 2026年6月30日前), or 合同未约定付款期限. */
  rule: z.string(),
  /** Whether the contract sets a time for the payment at all. */
  agreed: z.boolean(),
  /** A contract-wide rule on paying after the payment notice, quoted. */
  notice: z.string().optional(),
});
export type DueView = z.infer<typeof DueView>;

/** What the basis is computed from. */
export interface BasisRequest {
  contract: Contract;
  installment: Installment;
  /** The schedule's row: its key, and (without a ledger) its due date. */
  row: ScheduleRow;
  /** The due date as the model computed it: from the ledger's events when given, else from the contract. */
  due: DueDate;
  /** The events ledger as of its date, and this installment's invoice as the ledger records it. */
  ledger?: { events: readonly LedgerEvent[]; asOf: string; invoice?: { date: string } };
  pending: PendingList;
}

interface Found {
  view: ConditionView;
  /** Not known to be met, and the payment cannot fall due before it is. */
  blocking: boolean;
}

const recorded = (e: LedgerEvent) => `履约记录${e.note ? `（${e.note}）` : ""}`;

/** The events of the ledger that a trigger condition may be read from. */
type Recorded = "signed" | "funds-received" | "acceptance-passed" | "audit-completed" | "terminated";

/** The service month a monthly row pays, and the day after it (when the month is billed). */
function billedMonth(contract: Contract, row: ScheduleRow): { start: string; end: string; billed: string } | undefined {
  const index = Number(row.key.split("/")[1]);
  if (!Number.isInteger(index) || index < 1) return undefined;
  const start = addMonths(contract.term.start, index - 1);
  const billed = addMonths(contract.term.start, index);
  const last = addNaturalDays(billed, -1);
  return { start, end: compareDates(last, contract.term.end) > 0 ? contract.term.end : last, billed };
}

/** Each condition with its day; a condition that is the payment's time (a date, a month) is the due date's, not listed. */
function conditions(req: BasisRequest): Found[] {
  const { contract, installment, row, ledger, pending } = req;
  const clause = installment.clause === undefined ? undefined : formatClause(installment.clause);
  const first = (name: Recorded) => ledger?.events.find((e) => e.event === name);
  const open = (text: string, reason: string, extra: Partial<ConditionView> = {}, blocking = true): Found => ({
    view: { text, ...extra, open: pending.mark(`付款条件“${text}”`, reason, clause) },
    blocking,
  });
  /** A day computed from the contract: with a ledger, one after its date has not come yet. */
  const timed = (text: string, date: string, source: string): Found => {
    if (ledger && compareDates(date, ledger.asOf) > 0) {
      return open(text, `截至${chineseDate(ledger.asOf)}尚未成就`, { date, source });
    }
    return { view: { text, date, source }, blocking: false };
  };
  /** The signing date, and where it comes from: the ledger, else the contract. */
  const signed = (): { date: string; source: string; via: string } | undefined => {
    const e = first("signed");
    if (e) return { date: e.date, source: recorded(e), via: "据履约记录" };
    return contract.signing.date ? { date: contract.signing.date, source: "合同所载签订日期", via: "据合同" } : undefined;
  };
  const one = (c: TriggerCondition): Found | undefined => {
    const text = describeCondition(c);
    switch (c.event) {
      case "by-date":
      case "in-month":
        return undefined;
      case "signed":
      case "effective": {
        const s = signed();
        if (!s) return open(text, "合同未载明签订日期，履约记录中也没有");
        const rule = contract.signing.effective?.trim().replace(/[。；;,，.]$/, "");
        const effective = c.event === "effective" ? `，按签订日期计${rule ? `（合同约定：${rule}）` : ""}` : "";
        return { view: { text, date: s.date, source: `${s.source}${effective}` }, blocking: false };
      }
      case "funds-received":
      case "acceptance-passed":
      case "audit-completed": {
        const e = first(c.event);
        if (e) return { view: { text, date: e.date, source: recorded(e) }, blocking: false };
        return ledger
          ? open(text, `截至${chineseDate(ledger.asOf)}，履约记录中没有“${text}”`)
          : open(text, `尚无履约记录，无法确认“${text}”是否及何时发生`);
      }
      case "months-after-signing": {
        const s = signed();
        if (!s) return open(text, "合同未载明签订日期，履约记录中也没有");
        return timed(text, addMonths(s.date, c.months), `签订日期 ${chineseDate(s.date)}（${s.via}）起 ${c.months} 个月`);
      }
      case "months-after-start":
        return timed(text, addMonths(contract.term.start, c.months), `服务期起始日 ${chineseDate(contract.term.start)} 起 ${c.months} 个月`);
      case "term-ended": {
        const e = first("terminated");
        if (e) return { view: { text, date: e.date, source: `${recorded(e)}：合同解除` }, blocking: false };
        return timed(text, contract.term.end, "合同服务期止日");
      }
      case "month-billed": {
        const month = billedMonth(contract, row);
        if (!month) return { view: { text, source: "按月申请" }, blocking: false };
        const service = `服务月份 ${chineseDate(month.start)}至${chineseDate(month.end)}`;
        return timed("所付月份服务期满（每月初申请上月费用）", month.billed, service);
      }
      case "invoice-received":
        return ledger?.invoice
          ? { view: { text, date: ledger.invoice.date, source: "履约记录：开具发票" }, blocking: false }
          : { view: { text, source: "随本申请提交发票，自甲方收到之日起算" }, blocking: false };
      case "payment-notice":
        return { view: { text, source: "本申请即付款通知书，自甲方收到之日起算" }, blocking: false };
      case "other":
        return open(text, `合同未约定如何认定“${text}”，须甲方确认`, { source: "合同原文" }, false);
    }
  };
  const found = installment.trigger.map(one).filter((f): f is Found => f !== undefined);
  // a contract-wide rule that the invoice comes before every payment is a condition of this one too
  if (invoiceFirst(contract, installment)) {
    const rule = contract.payments.invoice?.clause === undefined ? "" : `（${formatClause(contract.payments.invoice.clause)}）`;
    const text = `乙方开具发票并交付甲方${rule}`;
    found.push(
      ledger?.invoice
        ? { view: { text, date: ledger.invoice.date, source: "履约记录：开具发票" }, blocking: false }
        : { view: { text, source: "随本申请提交发票" }, blocking: false },
    );
  }
  return found;
}

/** Whether the contract asks for the invoice before any payment, and this installment does not already name it as a condition. */
function invoiceFirst(contract: Contract, installment: Installment): boolean {
  return contract.payments.invoice?.required === true && !installment.trigger.some((c) => c.event === "invoice-received");
}

const NO_DEADLINE = "合同未约定付款期限（只约定了付款条件，未约定条件成就后多少日内付款）";

/** The time the contract sets for the payment, in words. */
function ruleText(installment: Installment): string {
  const parts: string[] = [];
  for (const c of installment.trigger) {
    if (c.event === "by-date") parts.push(`${chineseDate(c.date)}前`);
    if (c.event === "in-month") parts.push(`${describeCondition(c)}内`);
    if (c.event === "months-after-signing" || c.event === "months-after-start") parts.push(describeCondition(c));
  }
  if (installment.offset) parts.push(`付款条件全部成就${describeOffset(installment.offset)}`);
  return parts.length > 0 ? parts.join("，") : "合同未约定付款期限";
}

/** “2026年5月11日（2026年3月25日付款条件全部成就，此后 30 个工作日内）” and the like. */
function dateText(installment: Installment, due: Extract<DueDate, { kind: "date" }>, rule: string): string {
  const offset = installment.offset;
  if (offset && due.from !== undefined) {
    const basis = calendarBasis(due.calendarSources) || "按国家法定节假日安排计算";
    const unit = offset.unit === "working" ? `工作日内，${basis}` : "自然日内";
    return `${chineseDate(due.date)}（${chineseDate(due.from)}付款条件全部成就，此后 ${offset.days} 个${unit}）`;
  }
  return `${chineseDate(due.date)}（合同约定：${rule}）`;
}

/** The conditions of the payment with their days, and its due date where the contract sets one. */
export function paymentBasis(req: BasisRequest): { conditions: ConditionView[]; due: DueView } {
  const { contract, installment, due, pending } = req;
  const clause = installment.clause === undefined ? undefined : formatClause(installment.clause);
  const found = conditions(req);
  const agreed = setsPaymentTime(installment);
  const rule = ruleText(installment);
  const notice = contract.payments.payWithinAfterNotice;
  const noticeText = notice ? `合同另约定：“${notice.text ?? `收到付款通知书${describeOffset(notice)}支付`}”` : undefined;
  const view = (text: string, date?: string): DueView => defined({ text, date, rule, agreed, notice: noticeText }) as DueView;
  const result = (d: DueView) => ({ conditions: found.map((f) => f.view), due: d });

  const blocking = found.filter((f) => f.blocking).map((f) => f.view.text);
  if (blocking.length > 0) {
    return result(view(pending.mark("应付日期", `付款条件尚未确认成就：${blocking.join("、")}`, clause)));
  }
  switch (due.kind) {
    case "date": {
      // the invoice the contract asks for before payment came after the day the conditions give:
      // the contract sets no time after the invoice, so no day is computed
      const invoice = req.ledger?.invoice?.date;
      if (invoice !== undefined && invoiceFirst(contract, installment) && compareDates(invoice, due.date) > 0) {
        return result(
          view(
            pending.mark(
              "应付日期",
              `发票${chineseDate(invoice)}开具，晚于按付款条件算出的${chineseDate(due.date)}；合同未约定收到发票后的付款期限`,
              clause,
            ),
          ),
        );
      }
      if (agreed) return result(view(dateText(installment, due, rule), due.date));
      return result(view(`${chineseDate(due.date)}（${noticeText ?? rule}）`, due.date));
    }
    case "no-deadline":
      if (notice) {
        const from = `${chineseDate(due.since)}付款条件全部成就`;
        return result(view(`甲方收到本付款申请（付款通知书）后${describeOffset(notice).replace(/^后 /, " ")}（${from}）`));
      }
      pending.mark("应付日期", "合同未约定付款期限", clause);
      return result(view(NO_DEADLINE));
    case "unknown-calendar":
      return result(
        view(
          pending.mark(
            "应付日期",
            `${due.year}年的法定节假日安排尚未公布，无法按工作日计算（自${chineseDate(due.triggeredOn)}起${describeOffset(installment.offset).replace(/^后 /, " ")}）`,
            clause,
          ),
        ),
      );
    case "waiting":
    case "recurring": {
      // only conditions that follow the request itself (the invoice, the payment notice) are still to come
      const after = due.kind === "waiting" ? due.on.filter((c) => c.event === "invoice-received" || c.event === "payment-notice") : [];
      const names = after.map(describeCondition).join("、");
      const span = installment.offset ? describeOffset(installment.offset).replace(/^后 /, " ") : "";
      if (names !== "" && agreed) return result(view(`自甲方${names}之日起${span}`));
      if (names !== "") {
        pending.mark("应付日期", "合同未约定付款期限", clause);
        return result(view(NO_DEADLINE));
      }
      return result(view(pending.mark("应付日期", `付款条件尚未成就：${rule}`, clause)));
    }
  }
}

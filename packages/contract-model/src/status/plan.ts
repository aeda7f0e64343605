/**
 * Each installment with its due date computed from the ledger's event dates (the schedule's
 * `dueDate`, per installment: a monthly installment falls due after its month is billed and its
 * own invoice received), its invoice and the payments recorded against it.
 */
import { addMonths, addNaturalDays, BUILT_IN_CALENDAR, calendarBasis, calendarNote, compareDates, type WorkingDayCalendar } from "../calendar/index.js";
import { type Fen, formatYuan } from "../money/index.js";
import {
  chineseDate,
  computeSchedule,
  type DueDate,
  describeCondition,
  describeOffset,
  dueDate,
  type KnownEvents,
  type ScheduleRow,
} from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Installment, TriggerCondition } from "../schema/fees.js";
import { eventsOf, knownEvents, type Ledger } from "./ledger.js";

export interface PaymentRecord {
  date: string;
  /** Received. */
  amount: Fen;
  /** Penalties deducted from this payment: they settle the installment too. */
  deducted: Fen;
  note?: string;
}

export interface InstallmentPlan {
  key: string;
  id: number;
  label: string | undefined;
  clause: string | undefined;
  /** What is owed: the schedule's amount, or what the audit leaves for a "remainder per audit". */
  amount: Fen;
  scheduled: Fen;
  /** "合同签订且财政资金拨付到甲方账户后 30 个工作日内" */
  trigger: string;
  /** For monthly billing: the service month, first and last day. */
  month?: { start: string; end: string };
  due: DueDate;
  /** The trigger conditions still waited for, in Chinese. */
  waitingOn: string[];
  invoice?: { date: string; amount?: Fen };
  payments: PaymentRecord[];
  notes: string[];
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

function installmentOf(contract: Contract, id: number): Installment {
  return contract.payments.installments.find((i) => i.id === id)!;
}

/** A monthly row waits for its month to be billed: the day after the month, as a date condition. */
function conditionsFor(inst: Installment, row: ScheduleRow, contract: Contract): { conditions: TriggerCondition[]; month?: { start: string; end: string } } {
  if (row.month === undefined) return { conditions: inst.trigger };
  const index = Number(row.key.split("/")[1]);
  const start = addMonths(contract.term.start, index - 1);
  const billed = addMonths(contract.term.start, index);
  const last = addNaturalDays(billed, -1);
  const end = compareDates(last, contract.term.end) > 0 ? contract.term.end : last;
  const conditions = inst.trigger.map((c): TriggerCondition => (c.event === "month-billed" ? { event: "by-date", date: billed } : c));
  return { conditions, month: { start, end } };
}

/** Each installment with its due date from the ledger's event dates, working days counted with `calendar`. */
export function paymentPlan(contract: Contract, ledger: Ledger, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): InstallmentPlan[] {
  const known = knownEvents(ledger);
  const rows = computeSchedule(contract, known, calendar).rows;
  const invoices = attributeInvoices(rows, ledger);
  const audit = eventsOf(ledger, "audit-completed").find((e) => e.amount !== undefined);
  return rows.map((row) => {
    const inst = installmentOf(contract, row.id);
    const notes: string[] = [];
    const { conditions, month } = conditionsFor(inst, row, contract);
    const invoice = invoices.get(row.key);
    const events: KnownEvents = { ...known, ...(invoice ? { "invoice-received": invoice.date } : {}) };
    const due = dueDate(conditions, inst.offset, contract, events, calendar);
    let amount = row.amount;
    if (audit?.amount !== undefined && inst.finalPerAudit) {
      if (inst.basis.kind === "remainder") {
        const others = rows.filter((r) => r.id !== row.id).reduce((s, r) => s + r.amount, 0);
        amount = Math.max(0, audit.amount - others);
        notes.push(
          `结算评审 / 审计金额 ${yuan(audit.amount)}（${chineseDate(audit.date)}）：本期 = ${yuan(audit.amount)} − 其他各期 ${yuan(others)} = ${yuan(amount)}`,
        );
      } else {
        notes.push(`结算评审 / 审计金额 ${yuan(audit.amount)}（${chineseDate(audit.date)}）：本期金额以审计为准，须人工核对调整`);
      }
    } else if (inst.finalPerAudit) {
      notes.push("本期金额以结算评审 / 审计为准，尚未审定，暂按合同计划金额计");
    }
    if (row.problem === "cumulative-below-paid") notes.push("“支付至”的比例不高于已付比例，按字面本期为零");
    const payments = eventsOf(ledger, "payment-received")
      .filter((p) => p.installment === row.key)
      .map((p) => ({ date: p.date, amount: p.amount, deducted: p.deducted ?? 0, ...(p.note ? { note: p.note } : {}) }));
    const plan: InstallmentPlan = {
      key: row.key,
      id: row.id,
      label: row.label,
      clause: row.clause,
      amount,
      scheduled: row.amount,
      trigger: row.trigger,
      ...(month ? { month } : {}),
      due,
      waitingOn: due.kind === "waiting" ? due.on.map(describeCondition) : [],
      ...(invoice ? { invoice } : {}),
      payments,
      notes,
    };
    return plan;
  });
}

/**
 * Invoices go to the installment they name; an invoice that names none goes to the first
 * installment, in schedule order, that has no invoice yet.
 */
function attributeInvoices(rows: readonly ScheduleRow[], ledger: Ledger): Map<string, { date: string; amount?: Fen }> {
  const out = new Map<string, { date: string; amount?: Fen }>();
  for (const e of eventsOf(ledger, "invoice-issued")) {
    const key = e.installment ?? rows.find((r) => !out.has(r.key))?.key;
    if (key === undefined || out.has(key)) continue;
    out.set(key, { date: e.date, ...(e.amount !== undefined ? { amount: e.amount } : {}) });
  }
  return out;
}

/**
 * "2024年9月23日（2024年9月1日起 15 个工作日）" and the like; a date counted with a supplied
 * holiday arrangement names it: "…（按<通知>计算）".
 */
export function describeDue(plan: Pick<InstallmentPlan, "due" | "waitingOn">, offsetText = ""): string {
  const d = plan.due;
  switch (d.kind) {
    case "date":
      if (!d.from || d.from === d.date) return `${chineseDate(d.date)}${calendarNote(d.calendarSources)}`;
      return `${chineseDate(d.date)}（${[`${chineseDate(d.from)}起 ${offsetText}`, calendarBasis(d.calendarSources)].filter((s) => s !== "").join("，")}）`;
    case "waiting":
      return plan.waitingOn.length > 0 ? `待：${plan.waitingOn.join("、")}` : "待触发";
    case "unknown-calendar":
      return `无法计算：${d.message}（${chineseDate(d.triggeredOn)}起算）`;
    case "recurring":
      return "按月";
    case "no-deadline":
      return `合同未约定付款期限（付款条件已于${chineseDate(d.since)}成就）`;
  }
}

export function offsetText(contract: Contract, id: number): string {
  const offset = installmentOf(contract, id).offset;
  return offset ? describeOffset(offset).replace(/^后 /, "").replace(/内$/, "") : "";
}


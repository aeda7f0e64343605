/**
 * Every dated deadline of a contract, whatever the day: payments due, deliverables due,
 * acceptance, the end of the term, the renewal decision and the end of confidentiality. A
 * deadline that cannot be dated yet (a trigger not yet recorded, a year without an official
 * holiday calendar) is listed as pending with the reason, never guessed.
 */
import { BUILT_IN_CALENDAR, calendarNote, type WorkingDayCalendar } from "../calendar/index.js";
import { formatCapitals } from "../capitals/index.js";
import { deliverablePeriods, dueRule, FREQUENCY_NAMES } from "../deliverables/due.js";
import type { LedgerEvent } from "../events/schema.js";
import { type Fen, formatYuan } from "../money/index.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { ledgerAsOf } from "../status/ledger.js";
import { contractShortName } from "../status/name.js";
import { describeDue, offsetText, paymentPlan } from "../status/plan.js";
import { confidentialityStatus, renewalStatus, termStatus } from "../status/terms.js";

export type DeadlineKind = "payment" | "deliverable" | "acceptance" | "term-end" | "renewal-decision" | "confidentiality-end";

export interface Deadline {
  kind: DeadlineKind;
  /** Stable within the contract and kind: "2", "1-3", "monthly-report.2026-04", "term". */
  key: string;
  /** "第2期付款到期" */
  title: string;
  date: string;
  clause?: string;
  details: string[];
}

export interface PendingDeadline {
  kind: DeadlineKind;
  key: string;
  title: string;
  reason: string;
}

export interface ContractDeadlines {
  contract: { id: string; title: string; shortName: string };
  deadlines: Deadline[];
  pending: PendingDeadline[];
  /** Deadlines left out on purpose (daily reports), and facts without a date (perpetual confidentiality). */
  notes: string[];
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元（${formatCapitals(fen)}）`;
const safeKey = (key: string) => key.replace(/[^A-Za-z0-9.-]/g, "-");

/** Every deadline of `contract` given what its ledger records; working days are counted with `calendar`. */
export function contractDeadlines(
  contract: Contract,
  events: readonly LedgerEvent[],
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): ContractDeadlines {
  const ledger = ledgerAsOf(events);
  const deadlines: Deadline[] = [];
  const pending: PendingDeadline[] = [];
  const notes: string[] = [];
  const clause = (c: string | undefined) => (c ? { clause: c } : {});

  for (const plan of paymentPlan(contract, ledger, calendar)) {
    if (plan.amount === 0) continue;
    const monthNo = plan.month ? plan.key.split("/")[1] : undefined;
    const title = monthNo ? `第${monthNo}个月服务费付款到期` : `第${plan.key}期付款到期`;
    const key = safeKey(plan.key);
    const due = describeDue(plan, offsetText(contract, plan.id));
    if (plan.due.kind !== "date") {
      pending.push({ kind: "payment", key, title, reason: due });
      continue;
    }
    const paid = plan.payments.reduce((s, p) => s + p.amount + p.deducted, 0);
    deadlines.push({
      kind: "payment",
      key,
      title,
      date: plan.due.date,
      ...clause(plan.clause),
      details: [
        `${plan.label ? `${plan.label}：` : ""}${yuan(plan.amount)}`,
        ...(plan.month ? [`服务期间：${chineseDate(plan.month.start)}至${chineseDate(plan.month.end)}`] : []),
        `付款条件：${plan.trigger}`,
        `应付日期：${due}`,
        ...(paid > 0 ? [`已付：${formatYuan(paid)} 元`] : []),
        ...plan.notes,
      ],
    });
  }

  const term = termStatus(contract, ledger, contract.term.start);
  for (const d of contract.deliverables) {
    if (d.frequency === "on-request") continue;
    const periods = deliverablePeriods(contract, d, term.serviceEnd, calendar);
    if (d.frequency === "daily") {
      notes.push(`${d.name}每日提交，未逐日列入日历（共 ${periods.length} 期；${dueRule(d, contract)}）`);
      continue;
    }
    // Periods without a computable due date, grouped by reason: "月报（2027-01 至 2027-03，共 3 期）".
    const unknown = new Map<string, string[]>();
    for (const p of periods) {
      const once = p.key === "once";
      const title = once ? `${d.name}提交截止` : `${d.name}（${p.key}）提交截止`;
      const key = safeKey(`${d.id}.${p.key}`);
      if (p.due.kind !== "date") {
        unknown.set(p.due.message, [...(unknown.get(p.due.message) ?? []), p.key]);
        continue;
      }
      deadlines.push({
        kind: "deliverable",
        key,
        title,
        date: p.due.date,
        ...clause(d.clause),
        details: [
          `${FREQUENCY_NAMES[d.frequency]}提交${once ? "" : `，期间：${chineseDate(p.start)}至${chineseDate(p.end)}`}`,
          `期限规则：${dueRule(d, contract)}${calendarNote(p.due.calendarSources)}`,
        ],
      });
    }
    for (const [message, keys] of unknown) {
      const span = keys.length === 1 ? keys[0] : `${keys[0]} 至 ${keys[keys.length - 1]}，共 ${keys.length} 期`;
      pending.push({ kind: "deliverable", key: safeKey(`${d.id}.${keys[0]}`), title: `${d.name}（${span}）提交截止`, reason: `无法计算：${message}` });
    }
  }

  const acceptance = contract.acceptance;
  if (acceptance?.by) {
    deadlines.push({ kind: "acceptance", key: "acceptance", title: "验收截止", date: acceptance.by, ...clause(acceptance.clause), details: [acceptance.text] });
  }
  deadlines.push({
    kind: "term-end",
    key: "term",
    title: term.terminated ? "合同解除" : "服务期满",
    date: term.serviceEnd,
    ...clause(contract.term.clause),
    details: [
      `服务期${chineseDate(term.start)}至${chineseDate(term.end)}`,
      ...(term.terminated ? [`合同已于${chineseDate(term.terminated.date)}解除`] : []),
    ],
  });
  const renewal = renewalStatus(contract, ledger, term.serviceEnd, term.terminated !== undefined);
  if (renewal.decisionDate) {
    deadlines.push({
      kind: "renewal-decision",
      key: "renewal",
      title: "续签决定截止",
      date: renewal.decisionDate,
      ...clause(contract.renewal?.clause),
      details: [renewal.text.replace(/，(还有|已过) \d+ 天$/, "")],
    });
  }
  const confidentiality = confidentialityStatus(contract, term.serviceEnd);
  if (confidentiality?.until) {
    deadlines.push({
      kind: "confidentiality-end",
      key: "confidentiality",
      title: "保密义务期满",
      date: confidentiality.until,
      ...clause(confidentiality.clause),
      details: [confidentiality.text],
    });
  } else if (confidentiality) notes.push(confidentiality.text);

  deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { contract: { id: contract.id, title: contract.title, shortName: contractShortName(contract) }, deadlines, pending, notes };
}

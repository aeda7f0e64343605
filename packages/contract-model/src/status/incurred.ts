/**
 * Penalties incurred according to the ledger, each found in the contract and computed:
 * missed meetings (the per-occurrence clause about meetings), a manager changed without notice
 * (the clause about the manager), service-level breaches (the level's own penalty clause, else
 * the per-occurrence share of the monthly fee), late deliverables (the per-day delay clause) and
 * the client's late payments (see late-payment.ts).
 */
import { daysBetween } from "../calendar/index.js";
import { UserError } from "../errors/index.js";
import { EVENT_NAMES } from "../events/names.js";
import type { LedgerEvent } from "../events/schema.js";
import { type Fen, formatYuan } from "../money/index.js";
import { computePenaltyFor, type PenaltyCalculation, type PenaltyInput, type TerminationRight } from "../penalty/compute.js";
import { penaltiesUnder } from "../penalty/find.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Penalty } from "../schema/penalties.js";
import { SERVICE_LEVEL_METRIC_NAMES } from "../schema/scope.js";
import type { DeliverableStatus } from "./deliverables.js";
import { eventsOf, type Ledger } from "./ledger.js";
import type { InstallmentStatus } from "./payments.js";

export type PenaltySource = "meeting-missed" | "manager-changed" | "sla-breach" | "late-deliverable" | "late-payment";

export interface EventRef {
  date: string;
  event: LedgerEvent["event"];
  note?: string;
}

/**
 * One recorded fact behind a penalty, for whoever checks it: the deliverable or the event, the
 * day it was due (a deliverable), the day it happened, and how late it was.
 */
export interface PenaltyFact {
  /** "月报 2026-04 期", "未按时参加工作会议", "未达到服务标准（签收率）". */
  subject: string;
  /** The day it was due, for a late deliverable. */
  due?: string;
  /** The day it happened (the submission, the meeting, the change); absent while a deliverable is still missing. */
  date?: string;
  /** Days after the due date: to the submission, or to the day of the status while still missing. */
  days?: number;
  /** Times it counts, when one entry records several (an sla-breach with `count`). */
  count?: number;
  /** For a share of a monthly fee: the month it is counted in (YYYY-MM). */
  month?: string;
  note?: string;
}

/**
 * Another entry of a penalty's clause whose threshold ("超过三次", "超过十日") the breach has
 * passed, such as a share of the total on top of the per-occurrence sums. Such entries usually
 * come with the right to terminate, and whether they apply without it is for the client to say:
 * they are reported, never added to what is owed.
 */
export interface ThresholdMet {
  clause: string;
  title?: string;
  /** "已发生 4 次，超过 3 次" */
  condition: string;
  /** The entry as printed. */
  text: string;
  deductible: boolean;
  /** Its amount when the contract fixes it (a share of the total, a fixed sum). */
  amount?: Fen;
}

export interface IncurredPenalty {
  source: PenaltySource;
  /** What happened: "未按时参加工作会议 4 次". */
  what: string;
  events: EventRef[];
  /** What happened, one fact a line (each late deliverable, each event), for checking the count. */
  facts: PenaltyFact[];
  /** How the days or occurrences were counted, when it is not simply one per fact. */
  counting?: string;
  /** Other entries of the same clause whose threshold this breach has passed; they may apply on top, at the client's choice. */
  thresholds: ThresholdMet[];
  /** The clause applied; undefined when the contract has none for this. */
  clause?: string;
  title?: string;
  payer: Penalty["payer"];
  deductible: boolean;
  computable: boolean;
  amount: Fen;
  /** For a share of a monthly fee: the month. */
  month?: string;
  /** Set for penalties computed from a clause with computePenalty. */
  calculation?: PenaltyCalculation;
  termination: TerminationRight[];
  /** Everything written out: what happened, then the calculation. */
  steps: string[];
}

const OCCURRENCE = new Set<Penalty["kind"]>(["per-occurrence", "per-occurrence-share"]);
const words = (p: Penalty) => `${p.title ?? ""} ${p.text}`;
const ref = (e: LedgerEvent): EventRef => ({ date: e.date, event: e.event, ...(e.note ? { note: e.note } : {}) });
const dates = (events: readonly LedgerEvent[]) => events.map((e) => chineseDate(e.date)).join("、");

/** The other entries of `p`'s clause whose threshold the breach has passed. */
function thresholdsMet(contract: Contract, p: Penalty, input: PenaltyInput): ThresholdMet[] {
  const days = input.terminationDays ?? input.days;
  return contract.penalties.flatMap((other): ThresholdMet[] => {
    if (other === p || other.clause !== p.clause || other.payer !== p.payer || other.kind === "other") return [];
    const t = other.termination;
    let condition: string | undefined;
    if (t?.afterOccurrences !== undefined && input.occurrences !== undefined && input.occurrences > t.afterOccurrences) {
      condition = `已发生 ${input.occurrences} 次，超过 ${t.afterOccurrences} 次`;
    } else if (t?.afterDays !== undefined && days !== undefined && days > t.afterDays) {
      condition = `已逾期 ${days} 日，超过 ${t.afterDays} 日`;
    }
    if (condition === undefined) return [];
    let amount: Fen | undefined;
    try {
      const c = computePenaltyFor(contract, other, {});
      if (c.computable) amount = c.amount;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
    return [
      {
        clause: other.clause,
        ...(other.title ? { title: other.title } : {}),
        condition,
        text: other.text,
        deductible: other.deductible,
        ...(amount !== undefined ? { amount } : {}),
      },
    ];
  });
}

/** The facts of a penalty, and how they were counted when that is not one per fact. */
interface Facts {
  facts: PenaltyFact[];
  counting?: string;
}

function fromClause(
  contract: Contract,
  source: PenaltySource,
  what: string,
  events: readonly LedgerEvent[],
  p: Penalty,
  input: PenaltyInput,
  facts: Facts,
  context: string[] = [],
): IncurredPenalty {
  let calculation: PenaltyCalculation;
  try {
    calculation = computePenaltyFor(contract, p, input);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return {
      ...noClause(source, what, events, facts, `${e.message}。`),
      clause: p.clause,
      payer: p.payer,
      steps: [`${what}。`, ...context, `无法计算：${e.message}。`],
    };
  }
  return {
    source,
    what,
    events: events.map(ref),
    ...facts,
    thresholds: thresholdsMet(contract, p, input),
    clause: p.clause,
    ...(p.title ? { title: p.title } : {}),
    payer: p.payer,
    deductible: p.deductible,
    computable: calculation.computable,
    amount: calculation.amount,
    ...(input.month ? { month: input.month } : {}),
    calculation,
    termination: calculation.termination,
    steps: [`${what}。`, ...context, ...calculation.steps],
  };
}

function noClause(
  source: PenaltySource,
  what: string,
  events: readonly LedgerEvent[],
  facts: Facts,
  why: string,
  context: readonly string[] = [],
): IncurredPenalty {
  return {
    source,
    what,
    events: events.map(ref),
    ...facts,
    thresholds: [],
    payer: "vendor",
    deductible: false,
    computable: false,
    amount: 0,
    termination: [],
    steps: [`${what}。`, ...context, why],
  };
}

type Counted = LedgerEvent & { count?: number };

/** The month an event counts in: an sla-breach's own month, else the month of its date. */
const monthOf = (e: Counted): string => ("month" in e && typeof e.month === "string" ? e.month : e.date.slice(0, 7));

/** One fact per event, each under its subject. */
function eventFacts(events: readonly Counted[], subject: (e: Counted) => string): PenaltyFact[] {
  return events.map((e) => ({
    subject: subject(e),
    date: e.date,
    ...(e.count !== undefined ? { count: e.count } : {}),
    ...(e.event === "sla-breach" ? { month: monthOf(e) } : {}),
    ...(e.note ? { note: e.note } : {}),
  }));
}

/** A count of occurrences under one clause; a share of the monthly fee is counted month by month. */
function byOccurrence(
  contract: Contract,
  source: PenaltySource,
  label: string,
  events: readonly Counted[],
  p: Penalty,
  subject: (e: Counted) => string = () => label,
): IncurredPenalty[] {
  const n = (list: readonly Counted[]) => list.reduce((s, e) => s + (e.count ?? 1), 0);
  if (p.kind === "per-occurrence-share" && p.base === "monthly-fee") {
    const months = new Map<string, Counted[]>();
    for (const e of events) months.set(monthOf(e), [...(months.get(monthOf(e)) ?? []), e]);
    return [...months].map(([month, list]) =>
      fromClause(contract, source, `${month} ${label} ${n(list)} 次（${dates(list)}）`, list, p, { occurrences: n(list), month }, {
        facts: eventFacts(list, subject),
      }),
    );
  }
  const what = `${label} ${n(events)} 次（${dates(events)}）`;
  const facts = { facts: eventFacts(events, subject) };
  if (OCCURRENCE.has(p.kind)) return [fromClause(contract, source, what, events, p, { occurrences: n(events) }, facts)];
  const note = p.kind === "share-range" || p.kind === "share" || p.kind === "fixed" ? [`本条不按次数计算，共发生 ${n(events)} 次。`] : [];
  return [fromClause(contract, source, what, events, p, {}, facts, note)];
}

function meetings(contract: Contract, ledger: Ledger): IncurredPenalty[] {
  const events = eventsOf(ledger, "meeting-missed");
  if (events.length === 0) return [];
  const p = contract.penalties.find((x) => OCCURRENCE.has(x.kind) && /会议/.test(words(x)));
  const label = EVENT_NAMES["meeting-missed"];
  if (!p) return [noClause("meeting-missed", `${label} ${events.length} 次（${dates(events)}）`, events, { facts: eventFacts(events, () => label) }, "合同没有约定未按时参加会议的违约金。")];
  return byOccurrence(contract, "meeting-missed", label, events, p);
}

function managerChanges(contract: Contract, ledger: Ledger): IncurredPenalty[] {
  const events = eventsOf(ledger, "manager-changed").filter((e) => !e.notified);
  if (events.length === 0) return [];
  const p = contract.penalties.find((x) => OCCURRENCE.has(x.kind) && /负责人|项目经理/.test(words(x)));
  const label = "未事先通知更换项目负责人";
  if (!p) {
    const facts = { facts: eventFacts(events, () => label) };
    return [noClause("manager-changed", `${label} ${events.length} 次（${dates(events)}）`, events, facts, "合同没有约定未通知更换负责人的违约金。")];
  }
  return byOccurrence(contract, "manager-changed", label, events, p);
}

const METRIC_NAMES: Readonly<Record<string, string>> = SERVICE_LEVEL_METRIC_NAMES;

/** A breached level as a contract manager names it: 签收率, or the ledger's own word for a level the contract does not name. */
function metricName(contract: Contract, metric: string): string {
  const level = contract.serviceLevels.find((l) => l.id === metric) ?? contract.serviceLevels.find((l) => l.metric === metric);
  return METRIC_NAMES[level?.metric ?? metric] ?? metric;
}

/** The level's own penalty clause (an entry that counts occurrences if it has one), else the share of the monthly fee. */
function slaClause(contract: Contract, metric: string): Penalty | undefined {
  const level = contract.serviceLevels.find((l) => l.id === metric) ?? contract.serviceLevels.find((l) => l.metric === metric);
  if (level?.penaltyClause) {
    const entries = penaltiesUnder(contract, level.penaltyClause);
    const chosen = entries.find((p) => OCCURRENCE.has(p.kind)) ?? entries[0];
    if (chosen) return chosen;
  }
  return contract.penalties.find((p) => p.kind === "per-occurrence-share" && p.base === "monthly-fee");
}

function slaBreaches(contract: Contract, ledger: Ledger): IncurredPenalty[] {
  const events = eventsOf(ledger, "sla-breach");
  const groups = new Map<Penalty | undefined, typeof events>();
  for (const e of events) {
    const p = slaClause(contract, e.metric);
    groups.set(p, [...(groups.get(p) ?? []), e]);
  }
  const out: IncurredPenalty[] = [];
  for (const [p, list] of groups) {
    const metrics = [...new Set(list.map((e) => metricName(contract, e.metric)))].join("、");
    const label = `未达到服务标准（${metrics}）`;
    const subject = (e: Counted) => `未达到服务标准（${"metric" in e ? metricName(contract, e.metric) : metrics}）`;
    if (!p) {
      const count = list.reduce((s, e) => s + e.count, 0);
      const facts = { facts: eventFacts(list, subject) };
      out.push(noClause("sla-breach", `${label} ${count} 次（${dates(list)}）`, list, facts, "合同没有约定可按次或按月计算的未达标违约金。"));
    } else out.push(...byOccurrence(contract, "sla-breach", label, list, p, subject));
  }
  return out;
}

/** The vendor's per-day delay clause: one about delivering or submitting if there is one. */
export function delayClause(contract: Contract): Penalty | undefined {
  const perDay = contract.penalties.filter((p) => p.kind === "per-day" && p.payer !== "client" && p.base !== "overdue-amount");
  return perDay.find((p) => /交付|提交|成果/.test(words(p))) ?? perDay.find((p) => /迟延|逾期/.test(words(p))) ?? perDay[0];
}

function lateDeliverables(contract: Contract, deliverables: readonly DeliverableStatus[], ledger: Ledger, asOf: string): IncurredPenalty[] {
  const items = deliverables.flatMap((d) =>
    d.periods
      .filter((p) => (p.state === "late" || p.state === "missing") && p.due.kind === "date")
      .map((p) => ({ d, p, due: (p.due as { date: string }).date })),
  );
  if (items.length === 0) return [];
  const days = new Set<number>();
  let longest = 0;
  for (const { p, due } of items) {
    const end = p.submitted ?? asOf;
    const n = daysBetween(due, end);
    longest = Math.max(longest, n);
    const offset = daysBetween(contract.term.start, due);
    for (let k = 1; k <= n; k++) days.add(offset + k);
  }
  const shown = items.slice(0, 20).map(({ d, p, due }) =>
    p.submitted
      ? `${d.name} ${p.key === "once" ? "" : `${p.key} 期`}应于${chineseDate(due)}前提交，${chineseDate(p.submitted)}提交，逾期 ${p.daysLate} 日`
      : `${d.name} ${p.key === "once" ? "" : `${p.key} 期`}应于${chineseDate(due)}前提交，截至${chineseDate(asOf)}未提交，已逾期 ${p.daysLate} 日`,
  );
  if (items.length > shown.length) shown.push(`等，共 ${items.length} 项`);
  const what = `成果逾期 ${items.length} 项`;
  const events = eventsOf(ledger, "deliverable-submitted").filter((e) => items.some(({ d, p }) => d.id === e.deliverable && p.submitted === e.date));
  const counting = `同一天有多项成果逾期的只计一日：共逾期 ${days.size} 日${items.length > 1 ? `（单项最长逾期 ${longest} 日，按此判断解除权）` : ""}。`;
  const context = [...shown.map((s) => `· ${s}`), counting];
  const facts: Facts = {
    facts: items.map(({ d, p, due }) => ({
      subject: `${d.name}${p.key === "once" ? "" : ` ${p.key} 期`}`,
      due,
      ...(p.submitted ? { date: p.submitted } : {}),
      ...(p.daysLate !== undefined ? { days: p.daysLate } : {}),
    })),
    ...(items.length > 1 ? { counting } : {}),
  };
  const p = delayClause(contract);
  if (!p) return [noClause("late-deliverable", what, events, facts, "合同没有约定按日计算的迟延违约金。", context)];
  return [fromClause(contract, "late-deliverable", what, events, p, { days: days.size, terminationDays: longest }, facts, context)];
}

function latePayments(installments: readonly InstallmentStatus[], ledger: Ledger): IncurredPenalty[] {
  return installments.flatMap((i) => {
    const late = i.latePenalty;
    if (!late) return [];
    const name = `第 ${i.key} 期${i.label ? `（${i.label}）` : ""}`;
    const what = i.state === "paid-late" ? `${name}逾期 ${i.paidLateDays} 日付清` : `${name}逾期未付清，已逾期 ${i.overdueDays} 日`;
    const events = eventsOf(ledger, "payment-received").filter((e) => e.installment === i.key);
    return [
      {
        source: "late-payment" as const,
        what,
        events: events.map(ref),
        facts: late.stretches.map((s) => ({ subject: name, due: s.from, date: s.to, days: s.days })),
        thresholds: [],
        clause: late.clause,
        ...(late.title ? { title: late.title } : {}),
        payer: "client" as const,
        deductible: false,
        computable: true,
        amount: late.amount,
        termination: [],
        steps: [`${what}。`, ...late.steps, `违约金：${formatYuan(late.amount)} 元，由甲方支付${late.ongoing ? "（仍在累计）" : ""}。`],
      },
    ];
  });
}

export function incurredPenalties(
  contract: Contract,
  ledger: Ledger,
  asOf: string,
  installments: readonly InstallmentStatus[],
  deliverables: readonly DeliverableStatus[],
): IncurredPenalty[] {
  return [
    ...latePayments(installments, ledger),
    ...lateDeliverables(contract, deliverables, ledger, asOf),
    ...meetings(contract, ledger),
    ...managerChanges(contract, ledger),
    ...slaBreaches(contract, ledger),
  ];
}


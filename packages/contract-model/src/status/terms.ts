/** The dates around the term: its end, acceptance, confidentiality and the renewal decision. */
import { addMonths, compareDates, daysBetween } from "../calendar/index.js";
import { citeClause } from "../penalty/words.js";
import { renewalDecisionDate } from "../renewal/decision.js";
import { renewalPolicyOf } from "../renewal/plan.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { eventsOf, type Ledger, terminatedOn } from "./ledger.js";

export interface TermStatus {
  start: string;
  end: string;
  /** The term's end, or the day the contract was terminated. */
  serviceEnd: string;
  terminated?: { date: string; by?: "client" | "vendor" };
  ended: boolean;
  /** Days from the day of the status to the service end (negative once past). */
  daysLeft: number;
  text: string;
}

export interface AcceptanceStatus {
  by?: string;
  passed?: string;
  /** Days past `by` without a passed acceptance. */
  overdueDays?: number;
  text: string;
}

export interface ConfidentialityStatus {
  clause?: string;
  kind: "years-after-end" | "perpetual" | "unspecified";
  /** The last day of the duty, for "N years after the end". */
  until?: string;
  text: string;
}

export interface RenewalStatus {
  /** The contract states its own renewal rules. */
  stated: boolean;
  allowed: boolean;
  maxRenewals: number;
  used: number;
  left: number;
  /** The day by which to decide: the term's end minus `renewal.decisionNoticeDays`. */
  decisionDate?: string;
  daysToDecision?: number;
  text: string;
}

const SIDE = { client: "甲方", vendor: "乙方" } as const;

export function termStatus(contract: Contract, ledger: Ledger, asOf: string): TermStatus {
  const { start, end } = contract.term;
  const t = terminatedOn(ledger);
  const serviceEnd = t && compareDates(t.date, end) < 0 ? t.date : end;
  const daysLeft = daysBetween(asOf, serviceEnd);
  const ended = daysLeft < 0;
  const span = `${chineseDate(start)}至${chineseDate(end)}`;
  let text: string;
  if (t) text = `${span}；合同已于${chineseDate(t.date)}${t.by ? `由${SIDE[t.by]}` : ""}解除`;
  else if (ended) text = `${span}；已于${chineseDate(end)}期满`;
  else if (compareDates(asOf, start) < 0) text = `${span}；尚未开始，距开始还有 ${daysBetween(asOf, start)} 天`;
  else text = `${span}；距期满还有 ${daysLeft} 天`;
  return {
    start,
    end,
    serviceEnd,
    ...(t ? { terminated: { date: t.date, ...(t.by ? { by: t.by } : {}) } } : {}),
    ended,
    daysLeft,
    text,
  };
}

export function acceptanceStatus(contract: Contract, ledger: Ledger, asOf: string): AcceptanceStatus | undefined {
  const a = contract.acceptance;
  const passed = eventsOf(ledger, "acceptance-passed")[0]?.date;
  if (!a && !passed) return undefined;
  const by = a?.by;
  if (passed) return { ...(by ? { by } : {}), passed, text: `已于${chineseDate(passed)}验收合格` };
  if (!by) return { text: "尚未验收（合同未写验收截止日）" };
  const late = daysBetween(by, asOf);
  if (late > 0) return { by, overdueDays: late, text: `验收截止日${chineseDate(by)}已过 ${late} 天，尚无验收合格记录` };
  return { by, text: `验收截止日${chineseDate(by)}，还有 ${-late} 天` };
}

export function confidentialityStatus(contract: Contract, serviceEnd: string): ConfidentialityStatus | undefined {
  const c = contract.confidentiality;
  if (!c) return undefined;
  const clause = c.clause ? { clause: c.clause } : {};
  const where = c.clause ? `（合同${citeClause(c.clause)}）` : "";
  switch (c.duration.kind) {
    case "perpetual":
      return { ...clause, kind: "perpetual", text: `保密义务不因合同终止而失效，长期有效${where}` };
    case "unspecified":
      return { ...clause, kind: "unspecified", text: `合同未写明保密期限${where}` };
    case "years-after-end": {
      const months = Math.round(c.duration.years * 12);
      const until = addMonths(serviceEnd, months);
      return {
        ...clause,
        kind: "years-after-end",
        until,
        text: `保密义务至合同终止后 ${c.duration.years} 年，即${chineseDate(until)}${where}`,
      };
    }
  }
}

export function renewalStatus(contract: Contract, ledger: Ledger, asOf: string, terminated: boolean): RenewalStatus {
  const { policy, origin } = renewalPolicyOf(contract);
  const stated = origin.kind === "contract";
  const before = contract.renewal?.history?.renewals.length ?? 0;
  const signed = eventsOf(ledger, "renewal-signed").length;
  const used = before + signed;
  const left = policy.allowed ? Math.max(0, policy.maxRenewals - used) : 0;
  const rules = stated ? `合同约定${contract.renewal?.clause ? `（${citeClause(contract.renewal.clause)}）` : ""}` : "合同未约定续签规则，按默认规则";
  const count = `${rules}最多续签 ${policy.maxRenewals} 次，已续签 ${used} 次，还可续签 ${left} 次`;
  const base = { stated, allowed: policy.allowed, maxRenewals: policy.maxRenewals, used, left };
  if (!policy.allowed) return { ...base, text: "续签规则不允许续签" };
  if (terminated) return { ...base, text: `${count}；合同已解除，不再续签` };
  if (signed > 0) return { ...base, text: `${count}；本期已签订续签合同` };
  if (left === 0) return { ...base, text: count };
  const decisionDate = renewalDecisionDate(contract);
  const days = daysBetween(asOf, decisionDate);
  if (compareDates(asOf, contract.term.end) > 0) {
    return { ...base, decisionDate, daysToDecision: days, text: `${count}；服务期已满，事件记录中没有续签合同` };
  }
  const when = days >= 0 ? `还有 ${days} 天` : `已过 ${-days} 天`;
  const notice = contract.renewal?.decisionNoticeDays ?? 30;
  return {
    ...base,
    decisionDate,
    daysToDecision: days,
    text: `${count}；须在${chineseDate(decisionDate)}前作出续签决定（期满前 ${notice} 天），${when}`,
  };
}

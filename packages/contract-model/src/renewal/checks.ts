/**
 * The five caps on a renewal, each as a check a contract manager can read: the limit, what was
 * asked, where the cap comes from, and one sentence saying whether it holds and by how much not.
 */
import { addNaturalDays, compareDates } from "../calendar/index.js";
import { divHalfUp, type Fen, formatPercent, formatYuan, PPM_100_PERCENT, type Ppm } from "../money/index.js";
import { chineseDate } from "../schedule/index.js";
import type { RenewalPolicy } from "../schema/renewal.js";
import { citeCap, type PolicyOrigin, type RenewalCap } from "./sources.js";
import { describeTermLength, termEndAfterMonths, termLength } from "./term.js";

export interface RenewalCheck {
  cap: RenewalCap;
  ok: boolean;
  /** The cap, in Chinese: "较原合同金额 1,766,500.00 元增加不超过 10%，即不超过 1,943,150.00 元". */
  limit: string;
  /** What the renewal asks for: "1,960,000.00 元（较原合同金额增加约 10.9539%），超出 16,850.00 元". */
  actual: string;
  /** Where the cap comes from: "合同第二条第1款；《中华人民共和国政府采购法》第四十九条". */
  source: string;
  /** One sentence: whether the cap holds, and by how much it fails. */
  message: string;
  /** Set when the cap could not be checked from the model and must be checked by hand. */
  manual?: true;
}

export interface Span {
  amount: Fen;
  start: string;
  end: string;
}

export interface CheckInput {
  policy: RenewalPolicy;
  origin: PolicyOrigin;
  renewalNumber: number;
  original: Span;
  previous: Span;
  next: Span;
  budget: Fen | undefined;
}

/** What each cap is called in a report. */
export const RENEWAL_CAP_LABELS: Readonly<Record<RenewalCap, string>> = {
  allowed: "是否允许续签",
  count: "续签次数",
  "total-years": "总服务期限",
  increase: "金额增幅",
  budget: "预算",
};

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

/** (to − from) / from in ppm, rounded half away from zero, and whether that is exact. */
export function change(from: Fen, to: Fen): { ppm: Ppm; exact: boolean } {
  if (from === 0) return { ppm: 0, exact: to === 0 };
  const diff = BigInt(to - from);
  const magnitude = diff < 0n ? -diff : diff;
  const scaled = magnitude * BigInt(PPM_100_PERCENT);
  const ppm = Number(divHalfUp(scaled, BigInt(from)));
  return { ppm: diff < 0n ? -ppm : ppm, exact: scaled % BigInt(from) === 0n };
}

/** "增加 10%", "减少约 3.3333%", "不变". */
export function describeChange(from: Fen, to: Fen): string {
  const { ppm, exact } = change(from, to);
  if (to === from) return "不变";
  return `${to > from ? "增加" : "减少"}${exact ? " " : "约 "}${formatPercent(Math.abs(ppm))}`;
}

export function allowedCheck({ policy, origin, renewalNumber }: CheckInput): RenewalCheck {
  const ok = policy.allowed;
  return {
    cap: "allowed",
    ok,
    limit: ok ? "允许续签" : "不允许续签",
    actual: `申请第 ${renewalNumber} 次续签`,
    source: citeCap("allowed", policy, origin),
    message: ok ? "续签规则允许续签。" : "续签规则不允许续签，本合同不能续签。",
  };
}

export function countCheck({ policy, origin, renewalNumber }: CheckInput): RenewalCheck {
  const max = policy.maxRenewals;
  const excess = renewalNumber - max;
  const ok = excess <= 0;
  return {
    cap: "count",
    ok,
    limit: `续签次数不超过 ${max} 次`,
    actual: `本次为第 ${renewalNumber} 次续签${ok ? "" : `，超出 ${excess} 次`}`,
    source: citeCap("count", policy, origin),
    message: ok
      ? `本次为第 ${renewalNumber} 次续签，未超过 ${max} 次的上限。`
      : `本次为第 ${renewalNumber} 次续签，超过 ${max} 次的上限 ${excess} 次。`,
  };
}

export function totalYearsCheck({ policy, origin, original, next }: CheckInput): RenewalCheck {
  const max = policy.maxTotalYears;
  const length = termLength(original.start, next.end);
  const span = `${describeTermLength(length)}（${chineseDate(original.start)}至${chineseDate(next.end)}）`;
  const source = citeCap("total-years", policy, origin);
  const months = max * 12;
  if (!Number.isInteger(months)) {
    // A cap such as 1.3 years is not a whole number of months: compare the length in years.
    const ok = length.years <= max;
    return {
      cap: "total-years",
      ok,
      limit: `总服务期限不超过 ${max} 年`,
      actual: span,
      source,
      message: `自原合同开始日起至续签期满共 ${describeTermLength(length)}，${ok ? "未超过" : "超过"} ${max} 年的上限。`,
    };
  }
  const lastDay = termEndAfterMonths(original.start, months);
  const ok = compareDates(next.end, lastDay) <= 0;
  const excess = ok ? "" : describeTermLength(termLength(addNaturalDays(lastDay, 1), next.end));
  return {
    cap: "total-years",
    ok,
    limit: `总服务期限不超过 ${max} 年，即至迟于${chineseDate(lastDay)}期满`,
    actual: ok ? span : `${span}，超出 ${excess}`,
    source,
    message: ok
      ? `自原合同开始日起至续签期满共 ${describeTermLength(length)}，未超过 ${max} 年的上限。`
      : `自原合同开始日起至续签期满共 ${describeTermLength(length)}，超过 ${max} 年的上限 ${excess}。`,
  };
}

/** The largest amount in 分 not above original × (1 + maxIncrease): a cap is never rounded up. */
export function increaseCeiling(original: Fen, maxIncrease: Ppm): Fen {
  return original + Number((BigInt(original) * BigInt(maxIncrease)) / BigInt(PPM_100_PERCENT));
}

export function increaseCheck({ policy, origin, original, previous, next }: CheckInput): RenewalCheck {
  const max = formatPercent(policy.maxIncrease);
  const ceiling = increaseCeiling(original.amount, policy.maxIncrease);
  const excess = next.amount - ceiling;
  const ok = excess <= 0;
  const base = previous.amount !== original.amount ? "（以原合同金额为基数，不按上次续签金额累计）" : "";
  const asked = `${yuan(next.amount)}（较原合同金额${describeChange(original.amount, next.amount)}）`;
  const said = `续签金额 ${yuan(next.amount)}较原合同金额 ${yuan(original.amount)}${describeChange(original.amount, next.amount)}`;
  return {
    cap: "increase",
    ok,
    limit: `较原合同金额 ${yuan(original.amount)}增加不超过 ${max}，即不超过 ${yuan(ceiling)}${base}`,
    actual: ok ? asked : `${asked}，超出 ${yuan(excess)}`,
    source: citeCap("increase", policy, origin),
    message: ok
      ? `${said}，未超过 ${max} 的增幅上限。`
      : `${said}，超过 ${max} 的增幅上限（${yuan(ceiling)}）${yuan(excess)}。`,
  };
}

export function budgetCheck({ policy, origin, next, budget }: CheckInput): RenewalCheck {
  const source = citeCap("budget", policy, origin);
  if (!policy.withinBudget) {
    return {
      cap: "budget",
      ok: true,
      limit: "续签规则未要求续签金额在预算批复金额内",
      actual: yuan(next.amount),
      source,
      message: "续签规则未要求续签金额在预算批复金额内，不作检查。",
    };
  }
  if (budget === undefined) {
    return {
      cap: "budget",
      ok: true,
      manual: true,
      limit: "不超过预算批复金额（合同模型中没有预算金额）",
      actual: yuan(next.amount),
      source,
      message: `合同模型中没有预算批复金额（fees.budget），续签金额 ${yuan(next.amount)}是否在预算内须人工核对。`,
    };
  }
  const excess = next.amount - budget;
  const ok = excess <= 0;
  return {
    cap: "budget",
    ok,
    limit: `不超过预算批复金额 ${yuan(budget)}`,
    actual: ok ? yuan(next.amount) : `${yuan(next.amount)}，超出 ${yuan(excess)}`,
    source,
    message: ok
      ? `续签金额 ${yuan(next.amount)}在预算批复金额 ${yuan(budget)}内。`
      : `续签金额 ${yuan(next.amount)}超过预算批复金额 ${yuan(budget)} ${yuan(excess)}。`,
  };
}

export const CHECKS = [allowedCheck, countCheck, totalYearsCheck, increaseCheck, budgetCheck] as const;

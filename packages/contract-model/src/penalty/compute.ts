/**
 * Computing one penalty clause for a given breach, written out step by step in Chinese: the
 * clause, the base and how it was found, the formula with exact figures, the caps applied, and
 * the termination rights the breach opens. All factors are multiplied out exactly and the result
 * is rounded once, half up, to the 分.
 */
import { formatCapitals } from "../capitals/index.js";
import { UserError } from "../errors/index.js";
import { type Fen, formatPercent, formatYuan, PPM_100_PERCENT, type Ppm } from "../money/index.js";
import type { Contract } from "../schema/contract.js";
import type { Penalty, PenaltyBase } from "../schema/penalties.js";
import { type BaseInput, findBase, type ResolvedBase, resolveBase } from "./base.js";
import { type Exact, exactFen, floorFen, formatExactYuan, isWholeFen, roundFen, times } from "./exact.js";
import { BASE_NAMES, citeClause, clauseName, SIDE_NAMES, TERMINATING_SIDE } from "./words.js";

export interface PenaltyInput extends BaseInput {
  /** Days of delay, for a per-day clause. */
  days?: number;
  /** How many times it happened, for a per-occurrence clause. */
  occurrences?: number;
  /** The rate chosen within a range clause ("10–30 %"), in ppm. */
  rate?: Ppm;
  /** The longest single delay, when `days` adds up several: what a "more than N days" right is judged on. */
  terminationDays?: number;
}

export interface AppliedCap {
  source: "penalty-cap" | "liability-cap";
  clause: string;
  /** The most the penalty may be, in 分 (rounded down). */
  limit: Fen;
  /** The uncapped amount was above the limit. */
  applied: boolean;
  description: string;
}

export interface TerminationRight {
  by: Penalty["payer"];
  /** The condition holds for this breach. */
  opened: boolean;
  condition: string;
  text?: string;
}

export interface PenaltyCalculation {
  clause: string;
  title: string | undefined;
  kind: Penalty["kind"];
  payer: Penalty["payer"];
  deductible: boolean;
  /** False when there is no amount to compute: kind "other", or a range whose rate is not chosen. */
  computable: boolean;
  /** What is owed after the caps, in 分; 0 when not computable. */
  amount: Fen;
  /** Before the caps. */
  uncapped: Fen;
  /** For a range clause: the least and the most. */
  range?: { min: Fen; max: Fen };
  /** "0.3% × 3,252,191.00 元 × 5 日" */
  formula: string;
  base?: { kind: PenaltyBase; yuan: string; source: string };
  caps: AppliedCap[];
  termination: TerminationRight[];
  steps: string[];
  /** The clause as printed. */
  text: string;
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;
const yuanWithCapitals = (fen: Fen) => `${formatYuan(fen)} 元（${formatCapitals(fen)}）`;

function count(value: number | undefined, what: "days" | "occurrences" | "terminationDays"): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    const name = what === "occurrences" ? "次数" : "天数";
    throw new UserError("PENALTY_INPUT_INVALID", `${name}须为非负整数，收到 ${value}`);
  }
  return value;
}

/** Computes one penalty entry of the contract for the given breach. */
export function computePenaltyFor(contract: Contract, p: Penalty, input: PenaltyInput = {}): PenaltyCalculation {
  const days = count(input.days, "days");
  const occurrences = count(input.occurrences, "occurrences");
  const terminationDays = count(input.terminationDays, "terminationDays") ?? days;
  const steps: string[] = [`${clauseName(p)}：${p.text}`];
  let formula = "";
  let exact: Exact = exactFen(0);
  let base: ResolvedBase | undefined;
  let range: PenaltyCalculation["range"];
  let computable = true;

  const need = (value: number | undefined, what: "days" | "occurrences"): number => {
    if (value !== undefined) return value;
    throw new UserError(
      what === "days" ? "PENALTY_DAYS_REQUIRED" : "PENALTY_OCCURRENCES_REQUIRED",
      what === "days"
        ? `${clauseName(p)}按逾期天数计算，请给出逾期天数（命令行：--days N）`
        : `${clauseName(p)}按发生次数计算，请给出发生次数（命令行：--occurrences N）`,
    );
  };
  const withBase = (kind: PenaltyBase): ResolvedBase => {
    const resolved = resolveBase(contract, kind, input, p.clause);
    steps.push(`基数：${resolved.source}。`);
    return resolved;
  };

  switch (p.kind) {
    case "per-day": {
      const n = need(days, "days");
      base = withBase(p.base);
      const b = base;
      exact = times(b.value, BigInt(p.rate) * BigInt(n), BigInt(PPM_100_PERCENT));
      formula = `${formatPercent(p.rate)} × ${formatExactYuan(b.value)} 元 × ${n} 日`;
      break;
    }
    case "per-occurrence": {
      const n = need(occurrences, "occurrences");
      exact = times(exactFen(p.amount), BigInt(n));
      formula = `${yuan(p.amount)} × ${n} 次`;
      break;
    }
    case "per-occurrence-share": {
      const n = need(occurrences, "occurrences");
      base = withBase(p.base);
      const b = base;
      exact = times(b.value, BigInt(p.rate) * BigInt(n), BigInt(PPM_100_PERCENT));
      formula = `${formatPercent(p.rate)} × ${formatExactYuan(b.value)} 元 × ${n} 次`;
      break;
    }
    case "share": {
      base = withBase(p.base);
      const b = base;
      exact = times(b.value, BigInt(p.rate), BigInt(PPM_100_PERCENT));
      formula = `${formatPercent(p.rate)} × ${formatExactYuan(b.value)} 元`;
      break;
    }
    case "share-range": {
      base = withBase(p.base);
      const b = base;
      if (p.when) steps.push(`适用时点：${p.when}。`);
      const min = roundFen(times(b.value, BigInt(p.min), BigInt(PPM_100_PERCENT)));
      const max = roundFen(times(b.value, BigInt(p.max), BigInt(PPM_100_PERCENT)));
      range = { min, max };
      if (input.rate === undefined) {
        computable = false;
        formula = `${formatPercent(p.min)}–${formatPercent(p.max)} × ${formatExactYuan(b.value)} 元`;
        steps.push(
          `合同只约定了比例区间 ${formatPercent(p.min)}–${formatPercent(p.max)}，金额在 ${yuan(min)}至 ${yuan(max)}之间；须先选定比例（命令行：--rate 比例）才能算出金额。`,
        );
        break;
      }
      if (input.rate < p.min || input.rate > p.max) {
        throw new UserError(
          "PENALTY_RATE_OUTSIDE_RANGE",
          `${clauseName(p)}的比例须在 ${formatPercent(p.min)}–${formatPercent(p.max)} 之间，收到 ${formatPercent(input.rate)}`,
        );
      }
      steps.push(`选定比例 ${formatPercent(input.rate)}（合同区间 ${formatPercent(p.min)}–${formatPercent(p.max)}）。`);
      exact = times(b.value, BigInt(input.rate), BigInt(PPM_100_PERCENT));
      formula = `${formatPercent(input.rate)} × ${formatExactYuan(b.value)} 元`;
      break;
    }
    case "fixed": {
      exact = exactFen(p.amount);
      formula = yuan(p.amount);
      if (p.statedShare !== undefined) {
        const shareBase = findBase(contract, p.base ?? "contract-total", {}, p.clause);
        if (shareBase) {
          const stated = roundFen(times(shareBase.value, BigInt(p.statedShare), BigInt(PPM_100_PERCENT)));
          const agree = stated === p.amount ? "与所写金额一致" : `与所写金额相差 ${yuan(Math.abs(stated - p.amount))}，按所写金额计`;
          steps.push(`合同同时写明为${BASE_NAMES[p.base ?? "contract-total"]}的 ${formatPercent(p.statedShare)}，即 ${yuan(stated)}，${agree}。`);
        }
      }
      break;
    }
    case "other":
      computable = false;
      formula = "无可计算的金额";
      steps.push("本条没有约定可计算的违约金金额（如赔偿实际损失、解除合同等），须按实际情况确定。");
      break;
  }

  if (input.amount !== undefined && base === undefined) steps.push("（本条不以金额为基数，给定的金额未使用。）");

  const uncapped = computable ? roundFen(exact) : 0;
  if (computable) {
    const rounding = isWholeFen(exact)
      ? `= ${yuan(uncapped)}`
      : `= ${formatExactYuan(exact)} 元，四舍五入到分为 ${yuan(uncapped)}`;
    steps.push(`计算：${formula} ${rounding}。`);
  }

  const caps = computable ? capsFor(contract, p, input, uncapped) : [];
  let amount = uncapped;
  for (const cap of caps) {
    steps.push(cap.description);
    if (cap.applied) amount = Math.min(amount, cap.limit);
  }
  if (caps.some((c) => c.applied)) steps.push(`按上限计：${yuan(amount)}。`);

  const termination = terminationRights(p, terminationDays, occurrences);
  for (const t of termination) steps.push(t.condition);
  const refund = refundNote(p, termination);
  if (refund) steps.push(refund);
  steps.push(...related(contract, p, { days: terminationDays, occurrences }));

  if (computable) {
    steps.push(`违约金：${yuanWithCapitals(amount)}，由${SIDE_NAMES[p.payer]}支付${p.deductible ? "，可从合同款中直接扣除" : ""}。`);
  } else if (range) {
    steps.push(`违约金：${yuan(range.min)}至 ${yuan(range.max)}，比例待定。`);
  }

  return {
    clause: p.clause,
    title: p.title,
    kind: p.kind,
    payer: p.payer,
    deductible: p.deductible,
    computable,
    amount: computable ? amount : 0,
    uncapped,
    ...(range ? { range } : {}),
    formula,
    ...(base ? { base: describeBase(base) } : {}),
    caps,
    termination,
    steps,
    text: p.text,
  };
}

function describeBase(b: ResolvedBase): NonNullable<PenaltyCalculation["base"]> {
  return { kind: b.kind, yuan: formatExactYuan(b.value), source: b.source };
}

/** The clause's own cap, and the contract's liability cap when it binds the side that pays. */
function capsFor(contract: Contract, p: Penalty, input: PenaltyInput, uncapped: Fen): AppliedCap[] {
  const out: AppliedCap[] = [];
  if (p.cap) {
    const b = findBase(contract, p.cap.base, input, p.clause);
    if (b) {
      const limit = floorFen(times(b.value, BigInt(p.cap.rate), BigInt(PPM_100_PERCENT)));
      out.push(capEntry("penalty-cap", p.clause, limit, uncapped, `本条上限：不超过${BASE_NAMES[p.cap.base]}的 ${formatPercent(p.cap.rate)}，即 ${yuan(limit)}`));
    }
  }
  const lc = contract.liabilityCap;
  if (lc && lc.payer === p.payer) {
    const b = findBase(contract, lc.base, lc.base === "contract-total" ? {} : input, lc.clause);
    if (b) {
      const limit = floorFen(times(b.value, BigInt(lc.rate), BigInt(PPM_100_PERCENT)));
      out.push(
        capEntry(
          "liability-cap",
          lc.clause,
          limit,
          uncapped,
          `责任上限（${citeClause(lc.clause)}）：${SIDE_NAMES[lc.payer]}承担的赔偿责任不超过${BASE_NAMES[lc.base]}的 ${formatPercent(lc.rate)}，即 ${yuan(limit)}`,
        ),
      );
    }
  }
  return out;
}

function capEntry(source: AppliedCap["source"], clause: string, limit: Fen, uncapped: Fen, what: string): AppliedCap {
  const applied = uncapped > limit;
  const verdict = applied ? `计算结果 ${yuan(uncapped)}，超出上限 ${yuan(uncapped - limit)}。` : "未超过上限。";
  return { source, clause, limit, applied, description: `${what}；${verdict}` };
}

function terminationRights(p: Penalty, days: number | undefined, occurrences: number | undefined): TerminationRight[] {
  const t = p.termination;
  if (!t) return [];
  const who = TERMINATING_SIDE[t.by];
  const text = t.text ? `（合同：${t.text}）` : "";
  const rights: TerminationRight[] = [];
  const right = (opened: boolean, condition: string): TerminationRight => ({
    by: t.by,
    opened,
    condition: `${opened ? "✓ 解除权已产生" : "解除权尚未产生"}：${condition}${text}`,
    ...(t.text ? { text: t.text } : {}),
  });
  if (t.afterDays !== undefined) {
    if (days === undefined) rights.push(right(false, `迟延超过 ${t.afterDays} 日时，${who}有权解除合同`));
    else if (days > t.afterDays) rights.push(right(true, `迟延 ${days} 日，超过 ${t.afterDays} 日，${who}有权解除合同`));
    else rights.push(right(false, `迟延 ${days} 日，未超过 ${t.afterDays} 日；再迟延 ${t.afterDays - days + 1} 日，${who}即有权解除合同`));
  }
  if (t.afterOccurrences !== undefined) {
    if (occurrences === undefined) rights.push(right(false, `发生超过 ${t.afterOccurrences} 次时，${who}有权解除合同`));
    else if (occurrences > t.afterOccurrences) rights.push(right(true, `已发生 ${occurrences} 次，超过 ${t.afterOccurrences} 次，${who}有权解除合同`));
    else {
      const more = t.afterOccurrences - occurrences + 1;
      rights.push(right(false, `已发生 ${occurrences} 次，未超过 ${t.afterOccurrences} 次；再发生 ${more} 次，${who}即有权解除合同`));
    }
  }
  if (t.afterDays === undefined && t.afterOccurrences === undefined) {
    rights.push(right(true, t.immediate ? `一经发生，${who}有权立即解除合同` : `发生本条违约时，${who}有权解除合同`));
  }
  return rights;
}

function refundNote(p: Penalty, rights: readonly TerminationRight[]): string | undefined {
  if (!p.refund) return undefined;
  const what = p.refund === "all-paid" ? "已支付的全部费用" : "未提供服务期间的价款";
  if (rights.length > 0 && !rights.some((r) => r.opened)) return `解除合同时，另可要求退还${what}。`;
  return `另可要求${SIDE_NAMES[p.payer]}退还${what}（不计入上述违约金）。`;
}

/** Other entries under the same clause number, and whether their condition is met. */
function related(contract: Contract, p: Penalty, given: { days: number | undefined; occurrences: number | undefined }): string[] {
  const out: string[] = [];
  for (const other of contract.penalties) {
    if (other === p || other.clause !== p.clause) continue;
    const t = other.termination;
    let condition = "";
    if (t?.afterOccurrences !== undefined && given.occurrences !== undefined) {
      condition = given.occurrences > t.afterOccurrences ? `（已超过 ${t.afterOccurrences} 次，条件已满足）` : `（超过 ${t.afterOccurrences} 次时适用，尚未满足）`;
    } else if (t?.afterDays !== undefined && given.days !== undefined) {
      condition = given.days > t.afterDays ? `（已超过 ${t.afterDays} 日，条件已满足）` : `（超过 ${t.afterDays} 日时适用，尚未满足）`;
    }
    const amount = describeAmount(contract, other);
    out.push(`同条另有约定${other.title ? `“${other.title}”` : ""}${condition}：${other.text}${amount ? `（${amount}）` : ""}`);
  }
  return out;
}

/** "合同总价款的 10%，即 197,910.00 元" where that needs no further input. */
function describeAmount(contract: Contract, p: Penalty): string | undefined {
  if (p.kind === "fixed") return yuan(p.amount);
  if (p.kind === "share") {
    const b = findBase(contract, p.base, {}, p.clause);
    return b ? `${BASE_NAMES[p.base]}的 ${formatPercent(p.rate)}，即 ${yuan(roundFen(times(b.value, BigInt(p.rate), BigInt(PPM_100_PERCENT))))}` : undefined;
  }
  return undefined;
}

import {
  type Contract,
  computePenaltyFor,
  formatPercent,
  type Penalty,
  penaltiesUnder,
  type ServiceLevel as ContractServiceLevel,
  UserError,
} from "@qiyue/contract-model";
import {
  type HotlineMetricsResult,
  NO_RATE,
  ppmPercent,
  type ServiceLevel,
  SERVICE_LEVEL_DEFINITIONS,
  SERVICE_LEVEL_METRICS,
  type ServiceLevelMetric,
} from "@qiyue/hotline";
import type { ResponseFigures } from "./response-rate.js";

/** The levels of a contract the hotline accumulator measures (响应率 and "other" are handled here). */
export function hotlineServiceLevels(contract: Contract): ServiceLevel[] {
  const out: ServiceLevel[] = [];
  for (const level of contract.serviceLevels) {
    if (!(SERVICE_LEVEL_METRICS as readonly string[]).includes(level.metric)) continue;
    if (level.metric === "dispatch-within-minutes" && level.minutes === undefined) continue;
    const entry: ServiceLevel = { id: level.id, metric: level.metric as ServiceLevelMetric };
    // A count limit (“不得出现 0 分工单”) is judged here on the failing count, not as a rate.
    const target = level.maxCount !== undefined ? 0 : level.target;
    if (target !== undefined) entry.target = target;
    if (level.minutes !== undefined) entry.minutes = level.minutes;
    out.push(entry);
  }
  return out;
}

export interface MeasuredLevel {
  id: string;
  clause: string | null;
  /** 签收率, 30 分钟内派单率, … */
  name: string;
  definition: string;
  /** “≥ 100.00%”, “不超过 0 件”. */
  target: string;
  /** The measured rate (“98.50%”), or “—”. */
  achieved: string;
  numerator: string;
  denominator: number;
  status: "pass" | "fail" | "no-data" | "unmeasurable";
  failingCount: number;
  /** Every failing order, by number, in the order read. */
  failingOrders: string[];
  /** The contract's own words. */
  text: string;
  penaltyClause: string | null;
}

const STATUS_WORDS = { pass: "达标", fail: "未达标", "no-data": "无可计量工单", unmeasurable: "无法从工单数据计量" } as const;
export function statusWord(status: MeasuredLevel["status"]): string {
  return STATUS_WORDS[status];
}

/**
 * Each of the contract's service levels measured on one period's orders: from the hotline
 * accumulator's results, 响应率 from the response tracker, count limits on the failing count.
 * Levels no export can measure (“other”) are listed as such.
 */
export function measureLevels(contract: Contract, result: HotlineMetricsResult, response: ResponseFigures): MeasuredLevel[] {
  const decimals = result.scheme.decimals;
  return contract.serviceLevels.map((level): MeasuredLevel => {
    const common = { id: level.id, clause: level.clause ?? null, text: level.text, penaltyClause: level.penaltyClause ?? null };
    const targetText = (): string =>
      level.maxCount !== undefined ? `不超过 ${level.maxCount} 件` : `≥ ${ppmPercent(level.target ?? 1_000_000, decimals)}`;
    if (level.metric === "response-rate") {
      const rate = result.assessment.overall.response;
      const failing = response.base - response.contacted;
      const status = response.base === 0 ? "no-data" : judge(level, rate.ppm ?? 0, failing);
      return {
        ...common,
        name: "响应率",
        definition: "已联系（响应）工单数 ÷ 纳入考核的回访工单数（与三率口径相同）",
        target: targetText(),
        achieved: rate.percent,
        numerator: rate.numerator,
        denominator: rate.denominator,
        status,
        failingCount: failing,
        failingOrders: [...response.failing],
      };
    }
    const measured = result.serviceLevels.find((r) => r.id === level.id);
    if (measured === undefined) {
      return {
        ...common,
        // an unnamed requirement is named by its own words, shortened
        name:
          level.metric === "other"
            ? shorten(level.text)
            : (SERVICE_LEVEL_DEFINITIONS[level.metric as ServiceLevelMetric]?.label ?? level.metric),
        definition: "合同约定的要求无法从工单导出数据计算，需人工核对",
        target: level.target !== undefined ? `≥ ${formatPercent(level.target)}` : level.maxCount !== undefined ? `不超过 ${level.maxCount} 次` : "见合同原文",
        achieved: NO_RATE,
        numerator: "0",
        denominator: 0,
        status: "unmeasurable",
        failingCount: 0,
        failingOrders: [],
      };
    }
    const failing = measured.failing.count;
    const status = measured.status === "no-data" ? "no-data" : judge(level, measured.achieved.ppm ?? 0, failing);
    return {
      ...common,
      name: measured.label,
      definition: measured.definition,
      target: targetText(),
      achieved: level.maxCount !== undefined ? `${failing} 件` : measured.achieved.percent,
      numerator: measured.achieved.numerator,
      denominator: measured.achieved.denominator,
      status,
      failingCount: failing,
      failingOrders: [...measured.failing.orders],
    };
  });
}

/** The first clause of a requirement's text, at most 30 characters. */
function shorten(text: string): string {
  const first = text.split(/[。；;]/)[0]!.trim();
  return first.length <= 30 ? first : `${first.slice(0, 29)}…`;
}

function judge(level: ContractServiceLevel, ppm: number, failing: number): "pass" | "fail" {
  if (level.maxCount !== undefined) return failing <= level.maxCount ? "pass" : "fail";
  return ppm >= (level.target ?? 1_000_000) ? "pass" : "fail";
}

const OCCURRENCE_KINDS: ReadonlySet<Penalty["kind"]> = new Set(["per-occurrence", "per-occurrence-share"]);

/**
 * The penalty entry a missed level falls under: the level's own clause (an entry that counts
 * occurrences if it has one), else the contract's share of the monthly fee per occurrence
 * (Sujiatuo 九.3), the same rule `qiyue status` applies to recorded breaches.
 */
export function penaltyFor(contract: Contract, level: { penaltyClause: string | null }): Penalty | undefined {
  if (level.penaltyClause !== null) {
    const entries = penaltiesUnder(contract, level.penaltyClause);
    const chosen = entries.find((p) => OCCURRENCE_KINDS.has(p.kind)) ?? entries[0];
    if (chosen !== undefined) return chosen;
  }
  return contract.penalties.find((p) => p.kind === "per-occurrence-share" && p.base === "monthly-fee");
}

export interface LevelCost {
  clause: string;
  title: string | null;
  /** The missed levels this clause is applied for. */
  levels: string[];
  /** Occurrences counted (one per missed level and month) for a per-occurrence clause; null otherwise. */
  occurrences: number | null;
  computable: boolean;
  /** 分; 0 when not computable. */
  amount: number;
  formula: string;
  steps: string[];
  deductible: boolean;
  /** Why no amount could be worked out, when it could not. */
  problem: string | null;
}

/**
 * What the missed levels cost under the contract: each missed level counts as one occurrence in
 * the month; levels under the same clause are costed together (N occurrences of a per-occurrence
 * clause; once for a one-off share). Amounts are computed by the contract model, exactly.
 */
export function costFailures(contract: Contract, levels: readonly MeasuredLevel[], month: string): { costs: LevelCost[]; uncovered: string[] } {
  const groups = new Map<Penalty, MeasuredLevel[]>();
  const uncovered: string[] = [];
  for (const level of levels) {
    if (level.status !== "fail") continue;
    const penalty = penaltyFor(contract, level);
    if (penalty === undefined) uncovered.push(level.name);
    else groups.set(penalty, [...(groups.get(penalty) ?? []), level]);
  }
  const costs: LevelCost[] = [];
  for (const [penalty, missed] of groups) {
    const perOccurrence = OCCURRENCE_KINDS.has(penalty.kind);
    const base = {
      clause: penalty.clause,
      title: penalty.title ?? null,
      levels: missed.map((l) => l.name),
      occurrences: perOccurrence ? missed.length : null,
      deductible: penalty.deductible === true,
    };
    try {
      const calc = computePenaltyFor(contract, penalty, perOccurrence ? { occurrences: missed.length, month } : { month });
      costs.push({
        ...base,
        computable: calc.computable,
        amount: calc.amount,
        formula: calc.formula,
        steps: calc.steps,
        problem: calc.computable ? null : (calc.steps[calc.steps.length - 1] ?? "本条无法算出金额"),
      });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      costs.push({ ...base, computable: false, amount: 0, formula: "", steps: [], problem: e.message });
    }
  }
  return { costs, uncovered };
}

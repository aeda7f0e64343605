/** Finding a penalty clause by its number as printed. */
import { UserError } from "../errors/index.js";
import type { Contract } from "../schema/contract.js";
import type { Penalty } from "../schema/penalties.js";
import { computePenaltyFor, type PenaltyCalculation, type PenaltyInput } from "./compute.js";
import { citeClause, clauseName } from "./words.js";

/** "第8.3条", " 8．3 " → "8.3" */
function normalise(clause: string): string {
  return clause.replace(/\s+/g, "").replace(/^第/, "").replace(/条$/, "").replace(/．/g, ".");
}

/** Every penalty entry under a clause number (a clause may hold several, e.g. Pinggu 四.3). */
export function penaltiesUnder(contract: Contract, clause: string): Penalty[] {
  const exact = contract.penalties.filter((p) => p.clause === clause);
  if (exact.length > 0) return exact;
  const wanted = normalise(clause);
  return contract.penalties.filter((p) => normalise(p.clause) === wanted);
}

/** The entry that fits the input: per-day for days, per-occurrence for a count, else the first. */
function choose(entries: readonly Penalty[], input: PenaltyInput): Penalty {
  const fits = (p: Penalty) =>
    input.days !== undefined
      ? p.kind === "per-day"
      : input.occurrences !== undefined
        ? p.kind === "per-occurrence" || p.kind === "per-occurrence-share"
        : p.kind !== "per-day" && p.kind !== "per-occurrence" && p.kind !== "per-occurrence-share";
  return entries.find(fits) ?? entries[0]!;
}

/**
 * The penalty under clause `clauseId` for the given breach. A clause number the contract does
 * not have is a UserError listing the clauses it has.
 */
export function computePenalty(contract: Contract, clauseId: string, input: PenaltyInput = {}): PenaltyCalculation {
  const entries = penaltiesUnder(contract, clauseId);
  if (entries.length === 0) {
    const known = contract.penalties.map(clauseName);
    throw new UserError(
      "PENALTY_CLAUSE_UNKNOWN",
      known.length > 0
        ? `合同中没有${citeClause(clauseId)}的违约责任。合同中的违约条款：${[...new Set(known)].join("、")}`
        : `合同中没有${citeClause(clauseId)}的违约责任：这份合同没有录入任何违约条款`,
    );
  }
  return computePenaltyFor(contract, choose(entries, input), input);
}

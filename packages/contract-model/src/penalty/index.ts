export { type BaseInput, billingMonthFor, isMonthlyBilled } from "./base.js";
export {
  type AppliedCap,
  computePenaltyFor,
  type PenaltyCalculation,
  type PenaltyInput,
  type TerminationRight,
} from "./compute.js";
export { computePenalty, penaltiesUnder } from "./find.js";
export { BASE_NAMES, citeClause, clauseName } from "./words.js";

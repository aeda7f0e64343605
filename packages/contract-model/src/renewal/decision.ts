import { addNaturalDays } from "../calendar/index.js";
import type { Contract } from "../schema/contract.js";

/** Days before the term ends by which the renewal must be decided, when the contract says nothing. */
export const DEFAULT_DECISION_NOTICE_DAYS = 30;

/** The day by which to decide on renewing: the term's end minus `renewal.decisionNoticeDays` (default 30). */
export function renewalDecisionDate(contract: Contract): string {
  return addNaturalDays(contract.term.end, -(contract.renewal?.decisionNoticeDays ?? DEFAULT_DECISION_NOTICE_DAYS));
}

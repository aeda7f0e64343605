export { describeChange, increaseCeiling, RENEWAL_CAP_LABELS, type RenewalCheck, type Span as RenewalSpan } from "./checks.js";
export { describeShares, parseScheduleShares, parseTermMonths } from "./choices.js";
export { DEFAULT_DECISION_NOTICE_DAYS, renewalDecisionDate } from "./decision.js";
export {
  planRenewal,
  type RenewalPlan,
  type RenewalRequest,
  RenewalRequestError,
  type RenewalTermLength,
  renewalPolicyOf,
} from "./plan.js";
export { STATUTORY_RENEWAL_POLICY } from "./policy.js";
export { citeSource, type PolicyOrigin, type RenewalCap } from "./sources.js";
export { describeTermLength, type TermLength, termEndAfter, termEndAfterYears, termLength } from "./term.js";

export { STATUTORY_RENEWAL_POLICY } from "./policy.js";
export {
  type RenewalPlan,
  type RenewalRequest,
  type RenewalTermLength,
  planRenewal,
  RenewalRequestError,
  renewalPolicyOf,
} from "./plan.js";
export { describeChange, increaseCeiling, RENEWAL_CAP_LABELS, type RenewalCheck, type Span as RenewalSpan } from "./checks.js";
export type { PolicyOrigin, RenewalCap } from "./sources.js";
export { describeShares, parseScheduleShares, parseTermMonths } from "./choices.js";
export { DEFAULT_DECISION_NOTICE_DAYS, renewalDecisionDate } from "./decision.js";
export { describeTermLength, termEndAfter, termEndAfterYears, termLength, type TermLength } from "./term.js";

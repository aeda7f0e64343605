export { STATUTORY_RENEWAL_POLICY } from "./policy.js";
export { type RenewalPlan, type RenewalRequest, planRenewal, RenewalRequestError, renewalPolicyOf } from "./plan.js";
export { type RenewalCheck, increaseCeiling } from "./checks.js";
export type { RenewalCap } from "./sources.js";
export { DEFAULT_DECISION_NOTICE_DAYS, renewalDecisionDate } from "./decision.js";
export { describeTermLength, termEndAfterYears, termLength, type TermLength } from "./term.js";
export { renewContractYaml, renewedId, type RenewYamlOptions } from "./write.js";

export { type CapitalsCorrection, capitalsCorrections } from "./capitals-corrections.js";
export type { Rule, RuleContext, RuleFinding, Severity } from "./finding.js";
export { type SignatureDateQuery, signatureDateQueries } from "./signature-dates.js";
export { type Finding, RULES, validateContract } from "./validate.js";

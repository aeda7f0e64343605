export { markInText, type MarkOpen, type RenewalChange } from "./change.js";
export { RenewalScheduleError } from "./installments.js";
export { type RenewalChoices, type RenewedContract, renewContract } from "./renew-contract.js";
export { cleanScannedText, type MovedDate, moveDatesInText, type OpenDate, replaceAmountInText, withoutListNumber } from "./text.js";
export { type DateSpan, moveDate, moveMonth, type Moved } from "./shift.js";
export { renewContractYaml, renewedId, type RenewYamlOptions } from "./write.js";

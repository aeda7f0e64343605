export { type MarkOpen, markInText, type RenewalChange } from "./change.js";
export { RenewalScheduleError } from "./installments.js";
export { type RenewalChoices, type RenewedContract, renewContract } from "./renew-contract.js";
export { type DateSpan, type Moved, moveDate, moveMonth } from "./shift.js";
export { cleanScannedText, type MovedDate, moveDatesInText, type OpenDate, replaceAmountInText, withoutListNumber } from "./text.js";
export { type RenewYamlOptions, renewContractYaml, renewedId } from "./write.js";

import { BUILT_IN_CALENDAR, type WorkingDayCalendar } from "../calendar/index.js";
import type { LoadedContract } from "../load/index.js";
import { formatPath } from "../load/index.js";
import { computeSchedule } from "../schedule/index.js";
import type { Rule, RuleFinding, Severity } from "./finding.js";
import { acceptanceDate, completion, signingDates, termOrder } from "./rules/dates.js";
import { estimatedTotal, taxRate, totalCapitals } from "./rules/money.js";
import { copies, dispute, signaturePageParties, vendorBank } from "./rules/parties.js";
import { excusedLatePayment, installmentWording, paymentDates, paymentDeadlines, scheduleBalance } from "./rules/payments.js";
import { penalties, references } from "./rules/penalties.js";
import { renewalPolicy } from "./rules/renewal.js";
import { confidentialityDuration, monthlyFee, serviceLevels, staffing } from "./rules/scope.js";

/** Every rule, in the order a reviewer reads a contract. */
export const RULES: readonly Rule[] = [
  termOrder,
  signingDates,
  completion,
  acceptanceDate,
  signaturePageParties,
  vendorBank,
  totalCapitals,
  taxRate,
  estimatedTotal,
  scheduleBalance,
  installmentWording,
  paymentDates,
  paymentDeadlines,
  excusedLatePayment,
  monthlyFee,
  staffing,
  serviceLevels,
  penalties,
  references,
  renewalPolicy,
  confidentialityDuration,
  dispute,
  copies,
];

export interface Finding {
  code: string;
  severity: Severity;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every consistency rule; findings carry the YAML line and column of what they speak of.
 * Working days are counted with `calendar`.
 */
export function validateContract(
  loaded: LoadedContract,
  rules: readonly Rule[] = RULES,
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): Finding[] {
  const schedule = computeSchedule(loaded.contract, {}, calendar);
  const raw: RuleFinding[] = rules.flatMap((rule) => rule({ contract: loaded.contract, schedule, calendar }));
  const findings = raw.map((f) => {
    const pos = loaded.locate(f.path);
    return {
      code: f.code,
      severity: f.severity,
      path: formatPath(f.path),
      message: f.message,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
    };
  });
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
}

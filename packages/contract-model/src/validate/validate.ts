import { BUILT_IN_CALENDAR, type WorkingDayCalendar } from "../calendar/index.js";
import type { LoadedContract } from "../load/index.js";
import { formatPath } from "../load/index.js";
import { computeSchedule } from "../schedule/index.js";
import { placeholderIssueMessage } from "../load/load-contract.js";
import { findPlaceholders, isPlaceholderCode } from "../load/placeholders.js";
import { Contract } from "../schema/contract.js";
import { schemaAt } from "../schema/introspect.js";
import { finding, type Rule, type RuleFinding, type Severity } from "./finding.js";
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

/** Placeholders first (what is left to fill or confirm), then errors, warnings and notes. */
const rank = (f: { code: string; severity: Severity }) => (isPlaceholderCode(f.code) ? -1 : ORDER[f.severity]);

/**
 * Runs every consistency rule; findings carry the YAML line and column of what they speak of.
 * A draft's placeholders (loaded with `placeholders: "allow"`) come first, each a TO_FILL or
 * TO_CONFIRM error, and a rule's finding about a placeholder is left out.
 * Working days are counted with `calendar`.
 */
export function validateContract(
  loaded: LoadedContract,
  rules: readonly Rule[] = RULES,
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): Finding[] {
  const schedule = computeSchedule(loaded.contract, {}, calendar);
  const placeholders = findPlaceholders(loaded.contract);
  const drafts: RuleFinding[] = placeholders.map((p) =>
    finding(p.code, "error", p.path, placeholderIssueMessage(p, schemaAt(Contract, p.path, loaded.contract))),
  );
  // a rule speaking of a placeholder (its capitals, its name on the signature page…) says nothing the placeholder does not
  const aboutPlaceholder = (f: RuleFinding) =>
    f.message.includes("【待") || placeholders.some((p) => p.path.length <= f.path.length && p.path.every((seg, i) => String(seg) === String(f.path[i])));
  const raw: RuleFinding[] = [...drafts, ...rules.flatMap((rule) => rule({ contract: loaded.contract, schedule, calendar })).filter((f) => !aboutPlaceholder(f))];
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
  return findings.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * A contract on a given day: what is due, what is late, what it costs and what comes next.
 * Pure: the day is passed in (nothing here reads the clock), and events dated after it are
 * left out, so the status of any past day can be reproduced.
 */
import { BUILT_IN_CALENDAR, isValidIsoDate, type WorkingDayCalendar } from "../calendar/index.js";
import { UserError } from "../errors/index.js";
import type { LedgerEvent } from "../events/schema.js";
import { type Fen, formatYuan } from "../money/index.js";
import { citeClause } from "../penalty/words.js";
import type { Contract } from "../schema/contract.js";
import { type PaymentDeductions, paymentDeductions } from "./deductions.js";
import { type DeliverableStatus, deliverableStatuses } from "./deliverables.js";
import { type IncurredPenalty, incurredPenalties } from "./incurred.js";
import { ledgerAsOf } from "./ledger.js";
import { contractShortName } from "./name.js";
import { type InstallmentStatus, installmentStatuses } from "./payments.js";
import {
  type AcceptanceStatus,
  acceptanceStatus,
  type ConfidentialityStatus,
  confidentialityStatus,
  type RenewalStatus,
  renewalStatus,
  type TermStatus,
  termStatus,
} from "./terms.js";

export interface PenaltyTotal {
  payer: "client" | "vendor";
  /** The computable penalties this side owes, added up. */
  amount: Fen;
  /** The contract's liability cap for this side, when it has one. */
  cap?: { clause: string; limit: Fen; applied: boolean };
  /** After the cap. */
  payable: Fen;
  text: string;
}

export interface Status {
  contract: { id: string; title: string; shortName: string; total: Fen };
  asOf: string;
  /** Ledger events dated after `asOf`, left out. */
  laterEvents: number;
  installments: InstallmentStatus[];
  deliverables: DeliverableStatus[];
  penalties: IncurredPenalty[];
  totals: PenaltyTotal[];
  /** What the next payment request deducts for penalties (for the invoice-request template). */
  deductionsForNextPayment: PaymentDeductions;
  term: TermStatus;
  acceptance?: AcceptanceStatus;
  confidentiality?: ConfidentialityStatus;
  renewal: RenewalStatus;
}

/** The status of `contract` on `asOf` from its ledger; working days are counted with `calendar`. */
export function contractStatus(
  contract: Contract,
  events: readonly LedgerEvent[],
  asOf: string,
  calendar: WorkingDayCalendar = BUILT_IN_CALENDAR,
): Status {
  if (!isValidIsoDate(asOf)) throw new UserError("AS_OF_INVALID", `截至日期“${asOf}”无效，应写成 YYYY-MM-DD，如 2026-04-30`);
  const ledger = ledgerAsOf(events, asOf);
  const term = termStatus(contract, ledger, asOf);
  const installments = installmentStatuses(contract, ledger, asOf, calendar);
  const deliverables = deliverableStatuses(contract, ledger, asOf, term.serviceEnd, calendar);
  const penalties = incurredPenalties(contract, ledger, asOf, installments, deliverables);
  const acceptance = acceptanceStatus(contract, ledger, asOf);
  const confidentiality = confidentialityStatus(contract, term.serviceEnd);
  return {
    contract: { id: contract.id, title: contract.title, shortName: contractShortName(contract), total: contract.fees.total.amount },
    asOf,
    laterEvents: ledger.later,
    installments,
    deliverables,
    penalties,
    totals: penaltyTotals(contract, penalties),
    deductionsForNextPayment: paymentDeductions(penalties, installments),
    term,
    ...(acceptance ? { acceptance } : {}),
    ...(confidentiality ? { confidentiality } : {}),
    renewal: renewalStatus(contract, ledger, asOf, term.terminated !== undefined),
  };
}

/** Each side's penalties added up, and the liability cap applied to the total. */
function penaltyTotals(contract: Contract, penalties: readonly IncurredPenalty[]): PenaltyTotal[] {
  const out: PenaltyTotal[] = [];
  for (const payer of ["vendor", "client"] as const) {
    const mine = penalties.filter((p) => p.computable && (p.payer === payer || (payer === "vendor" && p.payer === "either")));
    if (mine.length === 0) continue;
    const amount = mine.reduce((s, p) => s + p.amount, 0);
    const side = payer === "vendor" ? "乙方" : "甲方";
    const lc = contract.liabilityCap;
    let text = `${side}应付违约金合计 ${formatYuan(amount)} 元`;
    if (lc && lc.payer === payer && lc.base === "contract-total") {
      const limit = Number((BigInt(contract.fees.total.amount) * BigInt(lc.rate)) / 1_000_000n);
      const applied = amount > limit;
      const payable = Math.min(amount, limit);
      text += applied
        ? `，超过${citeClause(lc.clause)}责任上限 ${formatYuan(limit)} 元，按上限计 ${formatYuan(payable)} 元`
        : `，未超过${citeClause(lc.clause)}责任上限 ${formatYuan(limit)} 元`;
      out.push({ payer, amount, cap: { clause: lc.clause, limit, applied }, payable, text });
    } else out.push({ payer, amount, payable: amount, text });
  }
  return out;
}

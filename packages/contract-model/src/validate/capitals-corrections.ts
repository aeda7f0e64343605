import { formatCapitals } from "../capitals/index.js";
import type { Fen } from "../money/index.js";
import { checkCapitals, computeSchedule, type Schedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";

/**
 * Capitals the contract prints that the validator finds wrong (its CAPITALS_INVALID and
 * CAPITALS_MISMATCH findings, at the same paths), with the canonical capitals of the figure
 * printed beside them. Documents that print the contract's words keep the printed capitals and
 * note the correction; documents that write the amount in capitals of their own say once that
 * they differ from the print.
 */
export interface CapitalsCorrection {
  /** CAPITALS_INVALID: forbidden characters or spelling; CAPITALS_MISMATCH: a well-formed amount other than the figure. */
  code: "CAPITALS_INVALID" | "CAPITALS_MISMATCH";
  /** Where in the model, as the validator's finding names it: `["fees", "total", "capitals"]`. */
  path: readonly (string | number)[];
  /** What the amount is, as a finding names it: 合同总价, 第 2 期金额. */
  what: string;
  /** The capitals exactly as printed. */
  printed: string;
  /** The figure printed beside them, in 分. */
  amount: Fen;
  /** The canonical capitals of that figure. */
  canonical: string;
  /** CAPITALS_MISMATCH only: the amount the printed capitals spell, in 分. */
  printedAmount?: Fen;
}

function correction(printed: string | undefined, amount: Fen, path: readonly (string | number)[], what: string): CapitalsCorrection[] {
  const check = checkCapitals(printed, amount);
  if (printed === undefined || check.status === "match" || check.status === "not-printed") return [];
  const base = { path, what, printed, amount, canonical: formatCapitals(amount) };
  return check.status === "invalid"
    ? [{ code: "CAPITALS_INVALID", ...base }]
    : [{ code: "CAPITALS_MISMATCH", ...base, printedAmount: check.printedValue }];
}

/** Every printed capitals the validator corrects: the total's, then each installment's, in the contract's order. */
export function capitalsCorrections(contract: Contract, schedule: Schedule = computeSchedule(contract)): CapitalsCorrection[] {
  const out = correction(contract.fees.total.capitals, contract.fees.total.amount, ["fees", "total", "capitals"], "合同总价");
  contract.payments.installments.forEach((inst, i) => {
    const row = schedule.rows.find((r) => r.key === String(inst.id));
    if (row === undefined || inst.printed?.capitals === undefined) return;
    const figure = inst.printed.amount ?? row.amount;
    out.push(...correction(inst.printed.capitals, figure, ["payments", "installments", i, "printed", "capitals"], `第 ${inst.id} 期金额`));
  });
  return out;
}

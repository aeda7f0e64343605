import { applyRate, type Fen, PPM_100_PERCENT, type Ppm, shareOf } from "../money/index.js";
import type { Contract } from "../schema/contract.js";
import type { Installment } from "../schema/fees.js";

export interface InstallmentAmount {
  installment: Installment;
  /** What the tool computes for this installment, in fen. */
  amount: Fen;
  /** The share of the total this amount is, in ppm (undefined when the total is 0). */
  share: Ppm | undefined;
  /** Paid before this installment, by the schedule. */
  paidBefore: Fen;
  /** Set when the wording cannot give a positive amount (e.g. "支付至 20%" after 50% was paid). */
  problem?: "cumulative-below-paid" | "remainder-negative";
}

/**
 * Computes each installment's amount exactly. Shares round half up to the 分; a remainder
 * installment takes what is left; when shares alone add up to 100 %, the last share installment
 * absorbs the rounding so that the schedule adds up to the total exactly.
 * Monthly installments are expanded by `monthlyBreakdown` instead.
 */
export function installmentAmounts(contract: Contract): InstallmentAmount[] {
  const total = contract.fees.total.amount;
  const list = contract.payments.installments;
  const out: InstallmentAmount[] = [];
  let paid = 0;
  for (const inst of list) {
    const b = inst.basis;
    let amount = 0;
    let problem: InstallmentAmount["problem"];
    if (b.kind === "share") amount = applyRate(total, b.share);
    else if (b.kind === "fixed") amount = b.amount;
    else if (b.kind === "monthly") amount = total;
    else if (b.kind === "cumulative-share") {
      amount = applyRate(total, b.upTo) - paid;
      if (amount <= 0) {
        problem = "cumulative-below-paid";
        amount = 0;
      }
    } else {
      const later = list.slice(list.indexOf(inst) + 1);
      const reserved = later.reduce((s, l) => s + (l.basis.kind === "share" ? applyRate(total, l.basis.share) : l.basis.kind === "fixed" ? l.basis.amount : 0), 0);
      amount = total - paid - reserved;
      if (amount < 0) {
        problem = "remainder-negative";
        amount = 0;
      }
    }
    out.push({ installment: inst, amount, share: shareOf(amount, total), paidBefore: paid, ...(problem ? { problem } : {}) });
    paid += amount;
  }
  // Shares that add up to exactly 100 % must add up to the total to the 分.
  const shares = list.filter((i) => i.basis.kind === "share");
  const shareSum = shares.reduce((s, i) => s + (i.basis.kind === "share" ? i.basis.share : 0), 0);
  if (shares.length === list.length && shareSum === PPM_100_PERCENT && paid !== total) {
    const last = out[out.length - 1]!;
    last.amount += total - paid;
    last.share = shareOf(last.amount, total);
  }
  return out;
}

/** Splits a total over n months: equal whole-分 parts, the last month takes the few 分 left over. */
export function splitMonthly(total: Fen, months: number): Fen[] {
  if (!Number.isInteger(months) || months <= 0) throw new RangeError(`months must be a positive integer: ${months}`);
  const each = Math.floor(total / months);
  const parts = Array.from({ length: months }, () => each);
  parts[months - 1] = total - each * (months - 1);
  return parts;
}

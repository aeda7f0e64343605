/**
 * What the client's late payment costs where the contract says so: a per-day share of the
 * overdue amount (Haidian 8.2). Each stretch between the due date and a payment accrues on what
 * was still unpaid during it; the products are added up exactly and rounded once, half up.
 */
import { daysBetween } from "../calendar/index.js";
import { divHalfUp, type Fen, formatPercent, formatYuan, PPM_100_PERCENT } from "../money/index.js";
import { formatExactYuan } from "../penalty/exact.js";
import { clauseName } from "../penalty/words.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Penalty } from "../schema/penalties.js";
import type { PaymentRecord } from "./plan.js";

export interface LateStretch {
  from: string;
  to: string;
  days: number;
  /** Unpaid during the stretch. */
  outstanding: Fen;
}

export interface LatePaymentPenalty {
  clause: string;
  title: string | undefined;
  rate: number;
  stretches: LateStretch[];
  /** Accrued to the payment, or to the day of the status while still unpaid. */
  amount: Fen;
  /** Still unpaid: the penalty keeps growing by `perDay` a day (exact yuan text). */
  ongoing: boolean;
  perDay?: string;
  formula: string;
  /** The contract's excuse for late payment (payments.delayExcused), quoted. */
  excuse?: string;
  steps: string[];
}

/** The client's per-day late-payment clause on the overdue amount, if the contract has one. */
export function latePaymentClause(contract: Contract): Extract<Penalty, { kind: "per-day" }> | undefined {
  return contract.penalties.find(
    (p): p is Extract<Penalty, { kind: "per-day" }> => p.kind === "per-day" && p.base === "overdue-amount" && p.payer !== "vendor",
  );
}

/** The stretches during which part of `amount` was unpaid after `due`, up to `asOf`. */
export function lateStretches(amount: Fen, due: string, payments: readonly PaymentRecord[], asOf: string): LateStretch[] {
  const out: LateStretch[] = [];
  let outstanding = amount;
  let from = due;
  for (const p of payments) {
    if (outstanding <= 0) break;
    const settled = p.amount + p.deducted;
    if (daysBetween(from, p.date) > 0) {
      out.push({ from, to: p.date, days: daysBetween(from, p.date), outstanding });
      from = p.date;
    }
    outstanding -= settled;
  }
  if (outstanding > 0 && daysBetween(from, asOf) > 0) out.push({ from, to: asOf, days: daysBetween(from, asOf), outstanding });
  return out;
}

export function latePaymentPenalty(
  contract: Contract,
  clause: Extract<Penalty, { kind: "per-day" }>,
  stretches: readonly LateStretch[],
  ongoing: boolean,
): LatePaymentPenalty {
  const rate = BigInt(clause.rate);
  const amountDays = stretches.reduce((s, x) => s + BigInt(x.outstanding) * BigInt(x.days), 0n);
  const exact = { num: amountDays * rate, den: BigInt(PPM_100_PERCENT) };
  const amount = Number(divHalfUp(exact.num, exact.den));
  const terms = stretches.map((s) => `${formatYuan(s.outstanding)} 元 × ${s.days} 日`);
  const formula = `${formatPercent(clause.rate)} × ${terms.length > 1 ? `(${terms.join(" + ")})` : (terms[0] ?? "0")}`;
  const steps = [`${clauseName(clause)}：${clause.text}`];
  for (const s of stretches) {
    steps.push(`${chineseDate(s.from)}至${chineseDate(s.to)}逾期 ${s.days} 日，期间未付 ${formatYuan(s.outstanding)} 元。`);
  }
  const rounded = exact.num % exact.den === 0n ? `= ${formatYuan(amount)} 元` : `= ${formatExactYuan(exact)} 元，四舍五入到分为 ${formatYuan(amount)} 元`;
  steps.push(`计算：${formula} ${rounded}。`);
  const last = stretches[stretches.length - 1];
  let perDay: string | undefined;
  if (ongoing && last) {
    perDay = formatExactYuan({ num: BigInt(last.outstanding) * rate, den: BigInt(PPM_100_PERCENT) });
    steps.push(`截至${chineseDate(last.to)}仍未付清，违约金每日增加 ${formatPercent(clause.rate)} × ${formatYuan(last.outstanding)} 元 = ${perDay} 元。`);
  }
  const cap = clause.cap;
  let capped = amount;
  if (cap) {
    const base = cap.base === "contract-total" ? contract.fees.total.amount : Math.max(0, ...stretches.map((x) => x.outstanding));
    const limit = Number((BigInt(base) * BigInt(cap.rate)) / BigInt(PPM_100_PERCENT));
    const over = amount > limit;
    steps.push(`本条上限：不超过${cap.base === "contract-total" ? "合同总价款" : "逾期应付款"}的 ${formatPercent(cap.rate)}，即 ${formatYuan(limit)} 元；${over ? `按上限计 ${formatYuan(limit)} 元` : "未超过上限"}。`);
    if (over) capped = limit;
  }
  const excuse = contract.payments.delayExcused;
  if (excuse) steps.push(`合同约定的免责情形：“${excuse.trim().replace(/[。；;,，.]$/, "")}”。如逾期属于此情形，甲方不承担上述违约金。`);
  return {
    clause: clause.clause,
    title: clause.title,
    rate: clause.rate,
    stretches: [...stretches],
    amount: capped,
    ongoing,
    ...(perDay !== undefined ? { perDay } : {}),
    formula,
    ...(excuse ? { excuse } : {}),
    steps,
  };
}

/** What a share is a share of, and how it was found. */
import { addMonths, addNaturalDays, compareDates, daysBetween, endOfMonth } from "../calendar/index.js";
import { UserError } from "../errors/index.js";
import { type Fen, formatYuan } from "../money/index.js";
import { billingMonths, chineseDate, computeSchedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { PenaltyBase } from "../schema/penalties.js";
import { type Exact, exactFen, formatExactYuan } from "./exact.js";
import { BASE_NAMES, citeClause } from "./words.js";

export interface ResolvedBase {
  kind: PenaltyBase;
  value: Exact;
  /** How the base was found, in Chinese. */
  source: string;
}

export interface BaseInput {
  /** The base itself (the overdue amount, the amount paid …), overriding what the contract gives. */
  amount?: Fen;
  /** YYYY-MM, for a monthly fee. */
  month?: string;
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

/** The base of a penalty; throws a UserError naming what is missing when it cannot be found. */
export function resolveBase(contract: Contract, kind: PenaltyBase, input: BaseInput, clause: string): ResolvedBase {
  const found = findBase(contract, kind, input, clause);
  if (found) return found;
  throw new UserError(
    "PENALTY_AMOUNT_REQUIRED",
    `${citeClause(clause)}以${BASE_NAMES[kind]}为基数，合同中没有这个金额，请给出该金额（命令行：--amount 金额）`,
  );
}

/** The base, or undefined when it depends on an amount the caller did not give. */
export function findBase(contract: Contract, kind: PenaltyBase, input: BaseInput, clause: string): ResolvedBase | undefined {
  if (input.amount !== undefined) {
    return { kind, value: exactFen(input.amount), source: `${BASE_NAMES[kind]}按给定金额计：${yuan(input.amount)}` };
  }
  if (kind === "contract-total") {
    const total = contract.fees.total.amount;
    const where = contract.fees.clause ? `（合同${citeClause(contract.fees.clause)}）` : "";
    const estimated = contract.fees.estimated ? "；合同总价为预计金额，最终以评审 / 审计金额为准" : "";
    return { kind, value: exactFen(total), source: `合同总价款 ${yuan(total)}${where}${estimated}` };
  }
  if (kind === "monthly-fee") return monthlyFee(contract, input.month, clause);
  return undefined;
}

export function isMonthlyBilled(contract: Contract): boolean {
  return contract.payments.installments.some((i) => i.basis.kind === "monthly");
}

/** The billing month of a monthly-billed contract that covers most of calendar month `month`. */
export function billingMonthFor(contract: Contract, month: string): { index: number; start: string; end: string } | undefined {
  const first = `${month}-01`;
  const last = endOfMonth(month);
  let best: { index: number; start: string; end: string; days: number } | undefined;
  const months = billingMonths(contract);
  for (let i = 0; i < months; i++) {
    const start = addMonths(contract.term.start, i);
    const next = addNaturalDays(addMonths(contract.term.start, i + 1), -1);
    const end = compareDates(next, contract.term.end) > 0 ? contract.term.end : next;
    const from = compareDates(start, first) > 0 ? start : first;
    const to = compareDates(end, last) < 0 ? end : last;
    const days = daysBetween(from, to) + 1;
    if (days > 0 && (!best || days > best.days)) best = { index: i + 1, start, end, days };
  }
  return best && { index: best.index, start: best.start, end: best.end };
}

function monthlyFee(contract: Contract, month: string | undefined, clause: string): ResolvedBase {
  const total = contract.fees.total.amount;
  if (isMonthlyBilled(contract)) {
    if (month === undefined) {
      throw new UserError("PENALTY_MONTH_REQUIRED", `${citeClause(clause)}以当月服务费为基数，合同按月计费，请指明月份（命令行：--month YYYY-MM）`);
    }
    const billing = billingMonthFor(contract, month);
    const row = billing && computeSchedule(contract).rows.find((r) => r.month !== undefined && r.key.endsWith(`/${billing.index}`));
    if (!billing || !row) {
      throw new UserError(
        "PENALTY_MONTH_OUTSIDE_TERM",
        `${month} 不在服务期 ${chineseDate(contract.term.start)}至${chineseDate(contract.term.end)}内，没有当月服务费`,
      );
    }
    return {
      kind: "monthly-fee",
      value: exactFen(row.amount),
      source: `当月服务费：按月付款第 ${row.key} 期（${chineseDate(billing.start)}至${chineseDate(billing.end)}）${yuan(row.amount)}（合同总价 ${yuan(total)}分 ${billingMonths(contract)} 个月支付）`,
    };
  }
  const months = billingMonths(contract);
  const value: Exact = { num: BigInt(total), den: BigInt(months) };
  return {
    kind: "monthly-fee",
    value,
    source: `合同未按月计费，当月服务费按合同总价款 ÷ 服务期月数计：${yuan(total)} ÷ ${months} 个月 = ${formatExactYuan(value)} 元`,
  };
}

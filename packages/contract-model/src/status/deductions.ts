/**
 * Deductible penalties come off the next payment request: what the vendor owes under clauses
 * marked `deductible`, less what earlier payments already deducted, up to what the installment
 * still owes; the rest carries over to later payments.
 */
import { type Fen, formatYuan } from "../money/index.js";
import { clauseName } from "../penalty/words.js";
import type { IncurredPenalty, PenaltyFact } from "./incurred.js";
import type { InstallmentStatus } from "./payments.js";

export interface DeductionItem {
  clause: string;
  title?: string;
  /** What happened: "未按时参加工作会议 4 次（…）". */
  what: string;
  amount: Fen;
  /** "1,000.00 元 × 4 次" */
  formula: string;
  /** Each deliverable or event behind it, with its due date, the day it happened and the days late. */
  facts: PenaltyFact[];
  /** How the days or occurrences were counted, when not one per fact ("同一天有多项成果逾期的只计一日…"). */
  counting?: string;
  /** The base of a share and where it comes from: "合同总价款 1,979,100.00 元（合同第二条第1款）". */
  base?: string;
  /** The arithmetic as the calculation wrote it, then any cap applied: "1% × 1,979,100.00 元 × 3 日 = 59,373.00 元". */
  calculation: string[];
}

/** The arithmetic of an incurred penalty: its "计算：" step, then each cap that applied. */
function arithmetic(p: IncurredPenalty): string[] {
  const c = p.calculation;
  if (!c) return [];
  const computed = c.steps.find((s) => s.startsWith("计算："));
  const lines = computed ? [computed.slice("计算：".length).replace(/。$/, "")] : [];
  for (const cap of c.caps) if (cap.applied) lines.push(cap.description.replace(/。$/, ""));
  if (c.caps.some((cap) => cap.applied)) lines.push(`按上限计 ${yuan(c.amount)}`);
  return lines;
}

export interface PaymentDeductions {
  /** The installment of the payment request: the first one not yet paid in full. */
  installment?: { key: string; label?: string; amount: Fen; outstanding: Fen };
  items: DeductionItem[];
  /** The items added up. */
  incurred: Fen;
  /** Already deducted from earlier payments (payment-received `deducted`). */
  alreadyDeducted: Fen;
  /** Still to deduct: incurred − alreadyDeducted, never below 0. */
  total: Fen;
  /** Deducted from this request: at most what the installment still owes. */
  applied: Fen;
  /** Left for later payments. */
  carriedOver: Fen;
  /** What the client pays on this request: outstanding − applied. */
  netPayable?: Fen;
  /** The same in sentences, for a payment request. */
  lines: string[];
}

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

/** The deductions for a payment request on installment `key` (default: the first not paid in full). */
export function paymentDeductions(
  penalties: readonly IncurredPenalty[],
  installments: readonly InstallmentStatus[],
  key?: string,
): PaymentDeductions {
  const items: DeductionItem[] = penalties
    .filter((p) => p.deductible && p.computable && p.payer !== "client" && p.amount > 0 && p.clause !== undefined)
    .map((p) => ({
      clause: p.clause!,
      ...(p.title ? { title: p.title } : {}),
      what: p.what,
      amount: p.amount,
      formula: p.calculation?.formula ?? "",
      facts: p.facts,
      ...(p.counting ? { counting: p.counting } : {}),
      ...(p.calculation?.base ? { base: p.calculation.base.source } : {}),
      calculation: arithmetic(p),
    }));
  const incurred = items.reduce((s, i) => s + i.amount, 0);
  const alreadyDeducted = installments.reduce((s, i) => s + i.payments.reduce((t, p) => t + p.deducted, 0), 0);
  const total = Math.max(0, incurred - alreadyDeducted);
  const target =
    key === undefined ? installments.find((i) => i.outstanding > 0 && i.state !== "nothing-due") : installments.find((i) => i.key === key);
  const lines = items.map((i) => `${clauseName(i)}：${i.what}，${i.formula ? `${i.formula} = ` : ""}${yuan(i.amount)}`);
  if (alreadyDeducted > 0) lines.push(`已在此前付款中扣除 ${yuan(alreadyDeducted)}`);
  if (!target) {
    if (total > 0) lines.push(`应扣违约金 ${yuan(total)}，但已没有未付的款项可以抵扣`);
    return { items, incurred, alreadyDeducted, total, applied: 0, carriedOver: total, lines };
  }
  const applied = Math.min(total, target.outstanding);
  const carriedOver = total - applied;
  const netPayable = target.outstanding - applied;
  const name = `第 ${target.key} 期${target.label ? `（${target.label}）` : ""}`;
  if (total > 0) {
    lines.push(`${name}应付 ${yuan(target.outstanding)}，扣除违约金 ${yuan(applied)}，实付 ${yuan(netPayable)}`);
    if (carriedOver > 0) lines.push(`余下 ${yuan(carriedOver)}在以后的付款中扣除`);
  }
  return {
    installment: { key: target.key, ...(target.label ? { label: target.label } : {}), amount: target.amount, outstanding: target.outstanding },
    items,
    incurred,
    alreadyDeducted,
    total,
    applied,
    carriedOver,
    netPayable,
    lines,
  };
}

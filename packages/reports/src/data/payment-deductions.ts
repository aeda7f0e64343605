/**
 * The deductions of a payment request, each with what finance needs to check it: the deliverables
 * or events behind it (due date, the day it happened, days late), the clause, the base and the
 * arithmetic; and the penalties the ledger records that this request does not deduct, with why.
 */
import { type Fen, formatClause, formatYuan, type IncurredPenalty, IsoDate, type PaymentDeductions } from "@qiyue/contract-model";
import { FenValue } from "@qiyue/templating";
import { z } from "zod";
import type { PendingList } from "./pending.js";
import { defined } from "./text.js";

/** A deliverable or an event behind a deduction. */
export const DeductionFactView = z.strictObject({
  /** 月报 2026-04 期, 未按时参加工作会议, 未达到服务标准（签收率）. */
  subject: z.string(),
  /** The day it was due (a deliverable). */
  due: IsoDate.optional(),
  /** The day it happened: the submission, the meeting; absent while a deliverable is still missing. */
  date: IsoDate.optional(),
  /** Days late. */
  days: z.number().int().optional(),
  /** Times one record counts. */
  count: z.number().int().optional(),
  note: z.string().optional(),
});

/** One deduction of a payment request, with what finance needs to check it. */
export const DeductionItemView = z.strictObject({
  /** 1, 2, …: print with `cnParen`. */
  number: z.number().int(),
  /** The clause id as the model stores it; print it with `clauseRef`. */
  clause: z.string(),
  title: z.string().optional(),
  /** What happened, in one line: 成果逾期 1 项, 未按时参加工作会议 4 次（2026年4月10日、…）. */
  what: z.string(),
  /** The same without the dates, for a summary table: 未按时参加工作会议 4 次. */
  summary: z.string(),
  amount: FenValue,
  /** 1% × 1,979,100.00 元 × 3 日 */
  formula: z.string(),
  facts: z.array(DeductionFactView),
  /** The facts have due dates (late deliverables): print due date, submission and days late. */
  dated: z.boolean(),
  /** How the days or occurrences were counted, when not one per fact. */
  counting: z.string().optional(),
  /** The base and where it comes from. */
  base: z.string().optional(),
  /** The arithmetic, then any cap applied: “1% × 1,979,100.00 元 × 3 日 = 59,373.00 元”. */
  calculation: z.array(z.string()),
});
export type DeductionItemView = z.infer<typeof DeductionItemView>;

/** A penalty the ledger records that this request does not deduct. */
export const OpenPenaltyView = z.strictObject({
  clause: z.string().optional(),
  title: z.string().optional(),
  what: z.string(),
  /** Why it is not deducted here. */
  reason: z.string(),
  /** The amount, when the contract fixes it (a penalty not to be deducted from payments). */
  amount: FenValue.optional(),
  /** Printed in place of the amount while the contract leaves it open: 【待确认：…】. */
  open: z.string().optional(),
});
export type OpenPenaltyView = z.infer<typeof OpenPenaltyView>;

const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;

/** The deductions with their facts, numbered. */
export function deductionItemViews(deductions: PaymentDeductions): DeductionItemView[] {
  return deductions.items.map(
    (d, i) =>
      defined({
        number: i + 1,
        clause: d.clause,
        title: d.title,
        what: d.what,
        summary: d.what.replace(/\s*（[^（）]*\d+日[^（）]*）$/, ""),
        amount: d.amount,
        formula: d.formula,
        facts: d.facts.map((f) => defined({ subject: f.subject, due: f.due, date: f.date, days: f.days, count: f.count, note: f.note })),
        dated: d.facts.some((f) => f.due !== undefined),
        counting: d.counting,
        base: d.base,
        calculation: d.calculation,
      }) as DeductionItemView,
  );
}

/** Why a recorded penalty is not deducted, and (for one the contract lets the client deduct) what stays open. */
function openReason(p: IncurredPenalty): { reason: string; open?: boolean } {
  if (p.clause === undefined) return { reason: (p.steps[p.steps.length - 1] ?? "合同没有约定此项违约金。").replace(/。$/, "") };
  const range = p.calculation?.range;
  if (range && p.calculation?.kind === "share-range") {
    const when = p.steps.find((s) => s.startsWith("适用时点："))?.replace(/^适用时点：/, "").replace(/。$/, "");
    return { reason: `合同只约定了比例区间，金额在 ${yuan(range.min)}至 ${yuan(range.max)}之间，比例由甲方${when ? `在${when}` : ""}确定`, open: true };
  }
  if (!p.computable) return { reason: "合同没有约定可计算的金额，须按实际情况确定", open: p.deductible };
  if (!p.deductible) return { reason: "合同未约定可从合同款中直接扣除，不在本期扣减" };
  return { reason: "金额为零" };
}

/** Entries of a clause whose threshold a recorded breach has passed: the client's to apply, so open. */
function thresholdViews(p: IncurredPenalty, pending: PendingList): OpenPenaltyView[] {
  return p.thresholds.map((t) => {
    const clause = formatClause(t.clause);
    const amount = t.amount === undefined ? "金额须另行确定" : `即 ${yuan(t.amount)}`;
    const reason = `${t.condition}，本条另约定“${t.text.trim().replace(/[。；;,，.]$/, "")}”（${amount}），是否适用由甲方确定，本期未扣减`;
    return defined({
      clause: t.clause,
      title: t.title,
      what: p.what,
      reason,
      open: pending.mark("未扣减的违约金", reason, clause),
    }) as OpenPenaltyView;
  });
}

/**
 * The vendor's penalties the ledger records that this request does not deduct, and the entries
 * whose threshold a recorded breach has passed; those the client may still claim are open.
 */
export function openPenaltyViews(penalties: readonly IncurredPenalty[], pending: PendingList): OpenPenaltyView[] {
  const vendor = penalties.filter((p) => p.payer !== "client");
  const notDeducted = vendor
    .filter((p) => !(p.deductible && p.computable && p.amount > 0 && p.clause !== undefined))
    .map((p) => {
      const { reason, open } = openReason(p);
      const clause = p.clause === undefined ? undefined : formatClause(p.clause);
      return defined({
        clause: p.clause,
        title: p.title,
        what: p.what,
        reason,
        amount: p.computable ? p.amount : undefined,
        open: open === true ? pending.mark("未扣减的违约金", reason, clause) : undefined,
      }) as OpenPenaltyView;
    });
  return [...notDeducted, ...vendor.flatMap((p) => thresholdViews(p, pending))];
}

/**
 * What in a contract belongs to the old term or the old amount and must change in its renewal:
 * printed installment amounts, payment dates inside the old term, fixed sums stated as a share of
 * the total, deadlines on the old last day. Each edit is explained in a note.
 */
import type { Document } from "yaml";
import { compareDates } from "../calendar/index.js";
import { applyRate, type Fen, formatPercent, formatYuan } from "../money/index.js";
import { chineseDate, describeCondition } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { Span } from "./checks.js";
import { replaceValue, yuanValue } from "./yaml-edit.js";

export interface StaleInput {
  doc: Document;
  contract: Contract;
  previous: Span;
  next: Span;
  /** Whole years of the new term. */
  years: number;
}

/** Applies every edit below; returns the notes that explain them. */
export function replaceStale(input: StaleInput): string[] {
  return [...installments(input), ...penalties(input), ...deadlines(input), ...billingMonths(input)];
}

const inOldTerm = (date: string, previous: Span) => compareDates(date, previous.end) <= 0;

function installments({ doc, contract, previous }: StaleInput): string[] {
  const notes: string[] = [];
  const printed: number[] = [];
  contract.payments.installments.forEach((inst, i) => {
    const path = ["payments", "installments", i];
    if (inst.printed !== undefined) {
      doc.deleteIn([...path, "printed"]);
      printed.push(inst.id);
    }
    if (inst.basis.kind === "fixed") {
      notes.push(`第 ${inst.id} 期为固定金额 ${formatYuan(inst.basis.amount)} 元，系原合同约定；续签金额变化后请双方核对是否调整。`);
    }
    const stale = inst.trigger.flatMap((c, k) => {
      const date = c.event === "by-date" ? c.date : c.event === "in-month" ? `${c.month}-01` : undefined;
      return date !== undefined && inOldTerm(date, previous) ? [{ k, text: describeCondition(c) }] : [];
    });
    if (stale.length === 0) return;
    for (const { k } of [...stale].reverse()) doc.deleteIn([...path, "trigger", k]);
    const when = stale.map((s) => `“${s.text}”`).join("、");
    if (stale.length === inst.trigger.length) {
      doc.addIn([...path, "trigger"], { event: "other", text: `付款时间待双方另行约定（原合同为${when}）` });
    }
    notes.push(`第 ${inst.id} 期原约定的付款时间${when}在原服务期内，已删除；续签合同中该期的付款时间须双方另行约定。`);
  });
  if (printed.length > 0) {
    notes.unshift(`原合同所印第 ${printed.join("、")} 期的金额与大写按原合同金额计算，续签后不再适用，已删除；各期金额按约定比例以续签金额计算。`);
  }
  return notes;
}

/** A fixed sum stated as a share of the total ("353,300.00 元（或合同总额的 20%）") follows the new total. */
function penalties({ doc, contract, previous, next }: StaleInput): string[] {
  const notes: string[] = [];
  contract.penalties.forEach((p, i) => {
    if (p.kind !== "fixed" || p.statedShare === undefined || (p.base ?? "contract-total") !== "contract-total") return;
    if (p.amount !== applyRate(previous.amount, p.statedShare)) return; // the contract's own inconsistency: keep it
    const amount: Fen = applyRate(next.amount, p.statedShare);
    if (amount === p.amount) return;
    replaceValue(doc, ["penalties", i, "amount"], yuanValue(amount));
    notes.push(
      `第 ${p.clause} 条违约金原为 ${formatYuan(p.amount)} 元（合同总额的 ${formatPercent(p.statedShare)}），按续签金额改为 ${formatYuan(amount)} 元；原文照录未改。`,
    );
  });
  return notes;
}

/** Deadlines on the old last day move to the new last day; earlier ones in the old term are dropped. */
function deadlines({ doc, contract, previous, next }: StaleInput): string[] {
  const notes: string[] = [];
  const by = contract.acceptance?.by;
  if (by !== undefined && inOldTerm(by, previous)) {
    if (by === previous.end) {
      replaceValue(doc, ["acceptance", "by"], next.end);
      notes.push(`验收截止日原为原服务期末日${chineseDate(by)}，改为续签服务期末日${chineseDate(next.end)}。`);
    } else {
      doc.deleteIn(["acceptance", "by"]);
      notes.push(`验收截止日${chineseDate(by)}在原服务期内，已删除；续签合同的验收时间须双方另行约定。`);
    }
  }
  const alternatives = contract.completion?.alternatives ?? [];
  const dropped: number[] = [];
  alternatives.forEach((alt, k) => {
    if (alt.date === undefined || !inOldTerm(alt.date, previous)) return;
    if (alt.date === previous.end) {
      replaceValue(doc, ["completion", "alternatives", k, "date"], next.end);
      notes.push(`完成期限中的${chineseDate(alt.date)}为原服务期末日，改为续签服务期末日${chineseDate(next.end)}。`);
    } else {
      dropped.push(k);
      notes.push(`完成期限中的${chineseDate(alt.date)}在原服务期内，已删除。`);
    }
  });
  if (dropped.length > 0 && dropped.length === alternatives.length) doc.deleteIn(["completion"]);
  else for (const k of dropped.reverse()) doc.deleteIn(["completion", "alternatives", k]);
  return notes;
}

/** Monthly billing over a stated number of months follows the new term's length. */
function billingMonths({ doc, contract, years }: StaleInput): string[] {
  const pricing = contract.fees.pricing;
  if (pricing.kind !== "monthly" || pricing.months === undefined || pricing.months === 12 * years) return [];
  replaceValue(doc, ["fees", "pricing", "months"], 12 * years);
  return [`计费月数原为 ${pricing.months} 个月，按续签服务期改为 ${12 * years} 个月。`];
}

import { formatPercent, formatYuan, type Penalty, type PenaltyBase, type Ppm } from "@qiyue/contract-model";
import type { ClauseContext, Paragraph } from "./context.js";
import { BASE_WORDS, bare, exactShare, sentence, shareWords, yuanWords } from "./words.js";

const PAYER = { client: "甲方", vendor: "乙方", either: "违约方" } as const;
const PAYEE = { client: "乙方", vendor: "甲方", either: "守约方" } as const;
const TERMINATES = { client: "甲方", vendor: "乙方", either: "守约方" } as const;

/** The sum a share of the contract total comes to, when it is exact: “（即人民币19,791.00元）”. */
function sumOf(ctx: ClauseContext, rate: Ppm, base: PenaltyBase): string {
  if (base !== "contract-total") return "";
  const fen = exactShare(ctx.contract.fees.total.amount, rate);
  return fen === undefined ? "" : `（即人民币${formatYuan(fen)}元）`;
}

/** What the party in breach pays, by the penalty's kind. */
function amount(ctx: ClauseContext, p: Exclude<Penalty, { kind: "other" }>): string {
  const [payer, payee] = [PAYER[p.payer], PAYEE[p.payer]];
  switch (p.kind) {
    case "per-day":
      return `每逾期一日，${payer}应按${shareWords(p.rate, p.base)}${sumOf(ctx, p.rate, p.base)}向${payee}支付违约金`;
    case "per-occurrence":
      return `每发生一次，${payer}应向${payee}支付违约金${yuanWords(p.amount)}`;
    case "per-occurrence-share":
      return `每发生一次，${payer}应按${shareWords(p.rate, p.base)}${sumOf(ctx, p.rate, p.base)}向${payee}支付违约金`;
    case "share":
      return `${payer}应按${shareWords(p.rate, p.base)}${sumOf(ctx, p.rate, p.base)}向${payee}支付违约金`;
    case "share-range": {
      const when = p.when === undefined ? "" : `${bare(p.when)}，`;
      return `${when}${payee}有权要求${payer}按${BASE_WORDS[p.base]}的${formatPercent(p.min)}至${formatPercent(p.max)}支付违约金`;
    }
    case "fixed": {
      const share = p.statedShare === undefined ? "" : `，相当于${shareWords(p.statedShare, p.base ?? "contract-total")}`;
      return `${payer}应向${payee}支付违约金${yuanWords(p.amount)}${share}`;
    }
  }
}

/** The right to terminate that goes with a penalty. */
function termination(p: Penalty): string {
  const t = p.termination;
  if (t === undefined) return "";
  const who = TERMINATES[t.by];
  if (t.immediate === true) return `；${who}有权立即解除本合同`;
  if (t.afterDays !== undefined) {
    return `；${p.kind === "per-day" ? "逾期" : ""}超过${t.afterDays}日${p.kind === "per-day" ? "" : "仍未改正"}的，${who}有权解除本合同`;
  }
  if (t.afterOccurrences !== undefined) return `；累计超过${t.afterOccurrences}次的，${who}有权解除本合同`;
  return `；${who}有权解除本合同`;
}

const REFUND = { "all-paid": "有权要求乙方退还已支付的全部费用", unserved: "有权要求乙方退还未提供服务期间的价款" } as const;

/**
 * One penalty as a sentence: its title as the breach, the sum from the structured fields,
 * termination, refund, cap, and whether the client may deduct it (unless `deductionSaidOnce`).
 */
export function penaltySentence(ctx: ClauseContext, p: Penalty, deductionSaidOnce = false): string {
  if (p.kind === "other") return p.title === undefined ? sentence(p.text) : `${p.title}：${sentence(p.text)}`;
  // without a title the model names the breach only in its words, so they are the paragraph
  if (p.title === undefined) return sentence(p.text);
  const refund = p.refund === undefined ? "" : p.termination === undefined ? `；甲方${REFUND[p.refund]}` : `，并${REFUND[p.refund]}`;
  const cap = p.cap === undefined ? "" : `；违约金累计不超过${shareWords(p.cap.rate, p.cap.base)}`;
  const deduct = p.deductible && p.payer === "vendor" && !deductionSaidOnce ? "。上述违约金甲方可直接从应付乙方的款项中扣除" : "";
  return `${p.title}：${amount(ctx, p)}${cap}${termination(p)}${refund}${deduct}。`;
}

/** The vendor's penalties with a sum the generated text writes (titled, not `other`). */
const vendorSums = (penalties: readonly Penalty[]) => penalties.filter((p) => p.payer === "vendor" && p.kind !== "other" && p.title !== undefined);

/**
 * 违约责任: one paragraph per penalty of the model, tagged with its index so others can cite it.
 * When the client may deduct every one of the vendor's penalties, that is said once, at the end.
 */
export function penaltyParagraphs(ctx: ClauseContext): Paragraph[] {
  const sums = vendorSums(ctx.contract.penalties);
  const once = sums.length > 1 && sums.every((p) => p.deductible);
  const list: Paragraph[] = ctx.contract.penalties.map((p, i) => ({ text: penaltySentence(ctx, p, once), penalty: i }));
  if (once) list.push({ text: "乙方应支付的上述违约金，甲方可直接从应付乙方的款项中扣除。" });
  return list;
}

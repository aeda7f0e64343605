/**
 * The penalties (违约责任) in every shape the contract model knows: a share per day overdue
 * ("每迟延一日，按合同总价的0.5%支付违约金"), a sum per occurrence ("每发生一次，支付违约金500元"), a share
 * of the month's fee per occurrence ("每发生一次扣除当月服务费的2%"), a one-off share ("按合同总价的10%支付
 * 违约金"), a range ("合同总价的 5%至15%"), a fixed sum with its stated share ("72,000.00元（或合同总价的
 * 20%）"), and rights to terminate that carry no sum; with who pays, whether the client may deduct it from
 * the fees, the termination it comes with, a refund and a cap. And liabilityCap: "赔偿责任累计不超过合同总价".
 */
import { findFigures } from "./text/amounts.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { findPercentRange, findPercents } from "./text/percent.js";
import { type Extraction, type Extractor, refOf, type SourceRef } from "./types.js";

type Base = "contract-total" | "overdue-amount" | "monthly-fee" | "paid-amount" | "unserved-amount";
type Payer = "client" | "vendor" | "either";

const BASES: readonly [RegExp, Base][] = [
  [/逾期(?:应付|未付|支付的?)(?:款项?|金额|价款)|应付未付(?:款项|金额)/, "overdue-amount"],
  [/当月(?:服务)?费用?|月度?服务费/, "monthly-fee"],
  [/已(?:经)?支付(?:的)?(?:全部)?金额/, "paid-amount"],
  [/未提供服务期间的(?:合同)?价款/, "unserved-amount"],
  [/合同(?:总价款|总价|总额|总金额|金额|价款)|项目(?:总)?金额|服务费用?总额|总价款|合同款总额/, "contract-total"],
];

/** The base named just before `index` (within a short distance). */
function baseBefore(text: string, index: number): Base | undefined {
  const head = text.slice(Math.max(0, index - 18), index);
  let best: { base: Base; at: number } | undefined;
  for (const [re, base] of BASES) {
    for (const m of head.matchAll(new RegExp(re.source, "g"))) {
      if (best === undefined || m.index > best.at) best = { base, at: m.index };
    }
  }
  return best?.base;
}

interface Measure {
  value: Record<string, unknown>;
  index: number;
}

/** The one computable penalty in a piece of text, if any. */
function measureOf(text: string): Measure | undefined {
  const pcts = findPercents(text);
  const perDay = /每(?:逾期|超过|迟延|延迟|延误|延期|拖延)(?:一|1)\s*(?:日|天)|按日(?:计|加收)|每日按/.exec(text);
  if (perDay) {
    const pct = pcts.find((p) => p.index > perDay.index);
    const base = pct && baseBefore(text, pct.index);
    if (pct && base) return { value: { kind: "per-day", rate: pct.value, base }, index: pct.index };
    return undefined;
  }
  const perTime = /每(?:发生|出现|发现|违反|违规)?一次|每次/.exec(text);
  if (perTime) {
    const rest = text.slice(perTime.index);
    const pct = findPercents(rest)[0];
    const fig = findFigures(rest)[0];
    if (fig && (pct === undefined || fig.index < pct.index)) {
      return { value: { kind: "per-occurrence", amount: fig.value }, index: perTime.index + fig.index };
    }
    if (pct) {
      const base = baseBefore(rest, pct.index);
      if (base) return { value: { kind: "per-occurrence-share", rate: pct.value, base }, index: perTime.index + pct.index };
    }
    return undefined;
  }
  const range = findPercentRange(text);
  if (range) {
    const base = baseBefore(text, range.index);
    if (base) {
      const when = /(?:年度|季度|月度)?结算时|考核时/.exec(text);
      return { value: { kind: "share-range", min: range.min, max: range.max, base, ...(when ? { when: when[0] } : {}) }, index: range.index };
    }
  }
  const fig = findFigures(text).find((f) => /违约金|作为违约金/.test(text.slice(f.index, f.index + 40)));
  if (fig) {
    const stated = /[(（]\s*或[^)）]*?[)）]/.exec(text.slice(fig.index + fig.text.length, fig.index + fig.text.length + 40));
    const value: Record<string, unknown> = { kind: "fixed", amount: fig.value };
    if (stated) {
      const pct = findPercents(stated[0])[0];
      const base = pct && baseBefore(stated[0], pct.index);
      if (pct && base) Object.assign(value, { statedShare: pct.value, base });
    }
    return { value, index: fig.index };
  }
  if (/已支付金额的违约金/.test(text)) {
    const m = /已支付金额的违约金/.exec(text)!;
    return { value: { kind: "share", rate: "100%", base: "paid-amount" }, index: m.index };
  }
  for (const pct of pcts) {
    const base = baseBefore(text, pct.index);
    if (base && /违约金|扣除|罚/.test(text.slice(Math.max(0, pct.index - 30), pct.index + 20))) {
      return { value: { kind: "share", rate: pct.value, base }, index: pct.index };
    }
  }
  return undefined;
}

function payerOf(text: string, index: number): Payer | undefined {
  const head = text.slice(0, index);
  if (/任一方|任何一方|解约方|违约方/.test(head) && /向对方|向守约方|解约方|违约方应/.test(head)) return "either";
  const to = [...head.matchAll(/向(甲方|乙方)(?:支付|赔偿)|支付(甲方|乙方)|(甲方|乙方)有权要求(?:对方)?/g)].at(-1);
  const whoTo = to?.[1] ?? to?.[2];
  if (whoTo) return whoTo === "甲方" ? "vendor" : "client";
  if (to?.[3]) return to[3] === "甲方" ? "vendor" : "client";
  const subj = [...head.matchAll(/(甲方|乙方)(?:应|须|需|未|无|违反|拒绝|逾期|出具|不|在|对)/g)].at(-1);
  if (subj) return subj[1] === "甲方" ? "client" : "vendor";
  const any = /(甲方|乙方)/.exec(head);
  if (any) return any[1] === "甲方" ? "client" : "vendor";
  // a deduction from the fee is always the vendor's ("每发生一次扣除当月服务费的2%")
  if (/扣除|扣减/.test(text.slice(index - 20, index + 20))) return "vendor";
  return undefined;
}

function terminationOf(text: string): Record<string, unknown> | undefined {
  const m = /(甲方|乙方|采购人|守约方|任何一方|双方)?(?:有权|可以|可)(?:[^。；]{0,8}直至)?(?:单方|立即|无条件)*(?:解除|终止)/.exec(text);
  if (!m) return undefined;
  const who = m[1];
  const by = who === "乙方" ? "vendor" : who === "任何一方" || who === "双方" || who === "守约方" ? "either" : "client";
  const value: Record<string, unknown> = { by };
  const days = new RegExp(`(?<!每)超过\\s*(${NUMBER_PATTERN})\\s*(?:日|天|个工作日)`).exec(text);
  const times = new RegExp(`(?<!每)(?:超过|达到|累计)\\s*(${NUMBER_PATTERN})\\s*次`).exec(text);
  if (days) {
    const n = parseSmallNumber(days[1]!);
    if (n !== undefined) value.afterDays = n;
  }
  if (times) {
    const n = parseSmallNumber(times[1]!);
    if (n !== undefined) value.afterOccurrences = n;
  }
  if (/立即解除|一经发现/.test(text)) value.immediate = true;
  const clauses = text.split(/(?<=[，,；;])/);
  const k = clauses.findIndex((c) => m[0] !== "" && c.includes(m[0].slice(-2)) && /解除|终止/.test(c));
  if (k >= 0) {
    const from = k > 0 && /超过|一经发现|如|若|经/.test(clauses[k - 1]!) ? k - 1 : k;
    let to = k;
    if (/无权/.test(clauses[k + 1] ?? "")) to = k + 1;
    value.text = clauses
      .slice(from, to + 1)
      .join("")
      .replace(/[，,；;。]$/, "")
      .trim();
  }
  return value;
}

function refundOf(text: string): "all-paid" | "unserved" | undefined {
  if (/已支付但[^。；]{0,10}未提供服务期间/.test(text)) return "unserved";
  if (/(?:退还|返还|追回)[^。；]{0,10}已(?:经)?支付的(?:全部)?/.test(text)) return "all-paid";
  return undefined;
}

interface Piece {
  p: Paragraph;
  index: number;
  text: string;
}

/**
 * A paragraph cut where a second penalty starts ("…1000 元违约金;超过三次的,…10%…"): a sentence with a
 * sum or share of its own starts a piece; the sentences around it (conditions, termination, refund) join it.
 */
function piecesOf(p: Paragraph): Piece[] {
  const out: Piece[] = [];
  let pending: Piece | undefined;
  for (const s of sentencesOf(p.text)) {
    const last = out.at(-1);
    if (measureOf(s.text) !== undefined) {
      out.push(pending ? { p, index: pending.index, text: `${pending.text}${s.text}` } : { p, index: s.index, text: s.text });
      pending = undefined;
    } else if (last) {
      last.text += s.text;
    } else {
      pending = pending ? { ...pending, text: `${pending.text}${s.text}` } : { p, index: s.index, text: s.text };
    }
  }
  if (pending) out.push(pending);
  return out;
}

export const extractPenalties: Extractor = (ctx) => {
  const out: Extraction = { found: [], toConfirm: [] };
  const paragraphs = paragraphsOf(ctx.source);
  const deductAll = paragraphs.find((p) => /违约金[^。；]{0,12}(?:甲方)?(?:可|有权)(?:直接)?(?:自|从)[^。；]{0,8}(?:合同款|服务费|应付款)[^。；]{0,6}(?:中)?(?:予以)?扣除/.test(p.text));
  let i = 0;
  for (const p of paragraphs) {
    if (p === deductAll && measureOf(p.text) === undefined) continue;
    const pieces = piecesOf(p);
    const penalties = pieces.map((piece) => penaltyOf(piece, deductAll !== undefined));
    shareTermination(penalties.map((x) => x?.value));
    for (const [k, piece] of pieces.entries()) {
      const penalty = penalties[k];
      if (penalty === undefined) {
        const reason = unreadablePenalty(sidesAsJiaYi(withoutNumber(piece.text)));
        if (reason !== undefined) {
          out.toConfirm.push({ path: ["penalties", i], reason, source: refOf(lineAt(p, piece.index), piece.text.slice(0, 20)) });
          i++;
        }
        continue;
      }
      const line = lineAt(p, piece.index);
      const source: SourceRef = refOf(line, piece.text.slice(0, 20));
      const clause = ctx.clauseAt(p.line.no);
      const value = { ...(clause === undefined ? {} : { clause }), ...penalty.value };
      out.found.push({ path: ["penalties", i], value, source, confidence: penalty.confidence });
      if (clause === undefined) out.toConfirm.push({ path: ["penalties", i, "clause"], reason: "未能确定该违约条款的条款编号", source });
      if (penalty.payerUnknown) out.toConfirm.push({ path: ["penalties", i, "payer"], reason: "未能确定由哪一方支付违约金", source });
      i++;
    }
  }
  liabilityCap(ctx, paragraphs, out);
  return out;
};

/**
 * "每发生一次支付违约金500元；累计超过五次的，甲方有权解除合同，…": the termination after so many
 * occurrences (or days) printed with the next penalty counts the first one's occurrences, so it applies to both.
 */
function shareTermination(values: (Record<string, unknown> | undefined)[]): void {
  for (const [k, v] of values.entries()) {
    const next = values[k + 1];
    if (v === undefined || next === undefined || v.termination !== undefined) continue;
    const t = next.termination as { afterOccurrences?: number; afterDays?: number } | undefined;
    if ((v.kind === "per-occurrence" && t?.afterOccurrences !== undefined) || (v.kind === "per-day" && t?.afterDays !== undefined)) {
      v.termination = t;
    }
  }
}

/** The role words of the two sides as 甲方 / 乙方 (委托方, 采购人 … / 受托方, 供应商 …), so one set of rules reads them all. */
function sidesAsJiaYi(text: string): string {
  return text
    .replace(/委托方|委托人|采购人|采购方|发包方|发包人|需方/g, "甲方")
    .replace(/受托方|受托人|供应商|承包方|承包人|服务方|服务商|供方/g, "乙方");
}

/** A share or sum whose base the model has no name for ("当季价款的 2%"): to be confirmed, not guessed. */
export function unreadablePenalty(text: string): string | undefined {
  if (!/违约金|扣除|扣减|罚/.test(text)) return undefined;
  const m = /(?:按|扣除|扣减|支付)?([\u4e00-\u9fa5]{2,8}?)的?\s*\d{1,3}(?:\.\d+)?\s*[%％]/.exec(text);
  if (m) return `未能读出违约金的计算方式（“${m[0].trim()}”的基数不在可选范围内），请按原文填写`;
  // a sum by the day ("每迟延一天…违约金500元"): the model counts days only as a share of a base
  const perDay = /每(?:逾期|超过|迟延|延迟|延误|延期|拖延)(?:一|1)\s*(?:日|天)/.exec(text);
  const figure = findFigures(text)[0];
  if (perDay && figure) return `违约金按日计“${figure.text.trim()}”，合同模型只能按基数的比例计日，请核对后填写`;
  return undefined;
}

function penaltyOf(
  piece: Piece,
  deductAll: boolean,
): { value: Record<string, unknown>; confidence: "high" | "medium"; payerUnknown: boolean } | undefined {
  const printed = withoutNumber(piece.text);
  const text = sidesAsJiaYi(printed);
  if (/赔偿责任不超过|责任(?:总额|上限)/.test(text)) return undefined;
  const measure = measureOf(text);
  const termination = terminationOf(text);
  const unilateral = /^(?:[^。；，,]{0,6}?)(甲方|乙方)[^。；]{0,20}?(?:中途|单方面?)(?:撤销|解除|不履行)[^。；]{0,20}?(?:不得追回|不予退还|无权|承担)/.exec(text);
  if (measure === undefined && unilateral === null) {
    // a right to end the contract for the vendor's fault, with no sum: kept as "other"
    if (termination === undefined || termination.by === "either" || !/违反|违约|未(?:完成|达到|按)|不能|拒绝|泄露|考核/.test(text)) return undefined;
    if (/不可抗力|协商一致/.test(text)) return undefined;
  }
  // with no sum, the payer is the side that walks away ("乙方中途单方解除合同的，无权要求支付剩余费用"),
  // or the side whose fault lets the other end the contract
  const payer =
    measure !== undefined
      ? payerOf(text, measure.index)
      : unilateral !== null
        ? unilateral[1] === "甲方"
          ? "client"
          : "vendor"
        : termination?.by === "vendor"
          ? "client"
          : "vendor";
  const value: Record<string, unknown> = {};
  if (payer !== undefined) value.payer = payer;
  Object.assign(value, measure?.value ?? { kind: "other" });
  const deductible = /扣除|扣减|直接(?:从|自)/.test(text) || (deductAll && measure !== undefined && payer === "vendor");
  if (deductible) value.deductible = true;
  const cap = /(?:违约金|扣款)[^。；]{0,8}(?:总额|累计|合计)?[^。；]{0,4}不(?:超过|高于)[^。；]{0,4}(合同(?:总价款|总价|总额|金额))的?\s*(\d{1,3}(?:\.\d+)?)\s*%/.exec(text);
  if (cap) value.cap = { rate: `${Number(cap[2])}%`, base: "contract-total" };
  if (termination) value.termination = termination;
  const refund = refundOf(text);
  if (refund) value.refund = refund;
  value.text = printed;
  const confidence = measure !== undefined && payer !== undefined ? "high" : "medium";
  return { value, confidence, payerUnknown: payer === undefined };
}

function liabilityCap(ctx: Parameters<Extractor>[0], paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    const m = /(甲方|乙方)?[^。；]{0,20}?赔偿责任(?:总额|累计)?不(?:超过|高于)(?:本合同约定的)?(合同(?:总价款|总价|总额|金额))(?:的\s*(\d{1,3}(?:\.\d+)?)\s*[%％])?/.exec(p.text);
    if (!m) continue;
    const who = m[1] ?? /(甲方|乙方)对(?:甲方|乙方)承担的赔偿责任/.exec(p.text)?.[1];
    const source = refOf(lineAt(p, m.index), m[0]);
    const value: Record<string, unknown> = {};
    const clause = ctx.clauseAt(p.line.no);
    if (clause !== undefined) value.clause = clause;
    if (who === undefined) out.toConfirm.push({ path: ["liabilityCap", "payer"], reason: "未能确定赔偿责任上限适用于哪一方", source });
    else value.payer = who === "甲方" ? "client" : "vendor";
    value.rate = m[3] === undefined ? "100%" : `${Number(m[3])}%`;
    value.base = "contract-total";
    value.text = withoutNumber(p.text);
    out.found.push({ path: ["liabilityCap"], value, source, confidence: who === undefined ? "medium" : "high" });
    if (clause === undefined) out.toConfirm.push({ path: ["liabilityCap", "clause"], reason: "未能确定赔偿责任上限的条款编号", source });
    return;
  }
}

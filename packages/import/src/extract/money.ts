/**
 * The contract's price: fees.total (figure and capitals as printed, checked against each other),
 * whether it includes tax and at what rate, whether it is an estimate and what settles it, how
 * it is priced (a fixed sum or by the month) and the budget.
 */
import { formatYuan } from "@qiyue/contract-model";
import { CAPITAL_CHARS, type FoundCapitals, findFigures, type PrintedSum, printedSum, readCapitals } from "./text/amounts.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { findPercents } from "./text/percent.js";
import { type Extraction, type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

/** The words a contract names its total price with, followed by the figure. */
const TOTAL_KEYS =
  "合同总价款|合同总价|合同总金额|合同总额|总价款|签约合同价|含税总价|合同价款|合同金额|合同价格|中标金额|成交金额|服务费(?:用)?(?:预计)?总额|(?:服务|合同)总费用|预计总额|总金额|总价|总额";
/** A note in brackets after the words: "合同总金额（含税）：…". */
const NOTE = "(?:\\s*[（(][^（()）]{1,8}[)）])?";
const TOTAL = new RegExp(`(${TOTAL_KEYS})${NOTE}\\s*(?:为|是)?\\s*[:：]?\\s*(?:人民币)?${NOTE}\\s*[:：]?\\s*(?=[¥￥\\d])`, "g");

interface TotalHit {
  p: Paragraph;
  key: string;
  figureIndex: number;
  /** Capitals printed before the figure ("合同金额为人民币壹佰贰拾万元整（¥1,200,000.00）"). */
  capitalsFirst?: FoundCapitals;
}

/** "合同金额为人民币壹佰贰拾万元整（¥1,200,000.00）": the capitals first, the figure in brackets after them. */
const CAPITALS_FIRST = new RegExp(
  `(${TOTAL_KEYS})${NOTE}\\s*(?:为|是)?\\s*[:：]?\\s*(?:人民币)?\\s*(?:[（(]?大写[)）]?)?\\s*[:：]?\\s*([${CAPITAL_CHARS}]+)\\s*[（(]\\s*(?:小写\\s*[:：]?\\s*)?(?:人民币)?\\s*`,
  "g",
);

function totalHits(paragraphs: Paragraph[]): TotalHit[] {
  const hits: TotalHit[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(TOTAL)) {
      const at = m.index + m[0].length;
      // "支付合同总额的50%" is a share, not the total
      if (/(?:支付|预付)(?:本)?$/.test(p.text.slice(Math.max(0, m.index - 3), m.index))) continue;
      const figure = findFigures(p.text).find((f) => f.index === at);
      if (figure) hits.push({ p, key: m[1]!, figureIndex: at });
    }
    for (const m of p.text.matchAll(CAPITALS_FIRST)) {
      const at = m.index + m[0].length;
      if (/(?:支付|预付)(?:本)?$/.test(p.text.slice(Math.max(0, m.index - 3), m.index))) continue;
      const figure = findFigures(p.text).find((f) => f.index === at);
      const printed = m[2]!;
      if (figure) hits.push({ p, key: m[1]!, figureIndex: at, capitalsFirst: { text: printed, index: m[0].indexOf(printed) + m.index, ...readCapitals(printed) } });
    }
  }
  return hits.sort((a, b) => a.p.line.no - b.p.line.no || a.figureIndex - b.figureIndex);
}

function sentenceAround(text: string, index: number): string {
  const s = sentencesOf(text).filter((x) => x.index <= index).at(-1);
  return withoutNumber(s?.text ?? text);
}

export const extractMoney: Extractor = (ctx) => {
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const out: Extraction = { found, toConfirm };
  const paragraphs = paragraphsOf(ctx.source);
  const hits = totalHits(paragraphs);
  const first = hits[0];

  if (first === undefined) {
    toConfirm.push({ path: ["fees", "total", "amount"], reason: "未找到合同总价款（“合同总价款为……元”之类的写法）" });
  } else {
    const { p } = first;
    const figure = findFigures(p.text).find((f) => f.index === first.figureIndex)!;
    const line = lineAt(p, figure.index);
    const src = refOf(line, figure.text);
    const sum: PrintedSum = first.capitalsFirst
      ? { figure, capitals: first.capitalsFirst, agree: first.capitalsFirst.fen === figure.fen }
      : printedSum(p.text, figure);
    const clause = ctx.clauseAt(p.line.no);
    if (clause !== undefined) found.push({ path: ["fees", "clause"], value: clause, source: src, confidence: "high" });

    const others = hits.slice(1).map((h) => ({ h, f: findFigures(h.p.text).find((f) => f.index === h.figureIndex)! }));
    const differing = others.find((o) => o.f.fen !== figure.fen);
    if (differing) {
      toConfirm.push({
        path: ["fees", "total", "amount"],
        reason: `合同总价款前后写法不一致：第 ${p.line.no} 行为 ${formatYuan(figure.fen)} 元，第 ${differing.h.p.line.no} 行为 ${formatYuan(differing.f.fen)} 元`,
        source: src,
      });
    } else if (sum.agree === false) {
      toConfirm.push({
        path: ["fees", "total", "amount"],
        reason: `大写与小写金额不一致：小写 ${formatYuan(figure.fen)} 元，大写“${sum.capitals!.text}”${sum.capitals!.fen === undefined ? "无法读出" : `为 ${formatYuan(sum.capitals!.fen)} 元`}`,
        source: src,
      });
    } else {
      // a figure a scan printed with stray spaces ("353, 300. 00") is read, but only its capitals make it sure
      const sure = sum.agree === true || (!figure.spaced && sum.capitals === undefined);
      found.push({ path: ["fees", "total", "amount"], value: figure.value, source: src, confidence: sure ? "high" : "medium" });
    }
    if (sum.capitals) {
      found.push({
        path: ["fees", "total", "capitals"],
        value: sum.capitals.text,
        source: refOf(lineAt(p, sum.capitals.index), sum.capitals.text),
        confidence: sum.capitals.standard && sum.agree ? "high" : "medium",
      });
    }
    found.push({ path: ["fees", "total", "text"], value: sentenceAround(p.text, figure.index), source: src, confidence: "high" });

    const before = p.text.slice(0, figure.index);
    const sentence = sentenceAround(p.text, figure.index);
    if (/预计|暂定|预估|暂估/.test(before.slice(-30))) {
      found.push({ path: ["fees", "estimated"], value: true, source: src, confidence: "high" });
    }
    const taxWords = sentencesOf(p.text)
      .filter((s) => s.index <= figure.index + 80)
      .map((s) => s.text)
      .join("");
    if (/不含税|未含税|不包含[^。]*税/.test(taxWords)) {
      found.push({ path: ["fees", "taxIncluded"], value: false, source: src, confidence: "high" });
    } else if (/含税|包含全部相关税费|含增值税|包含[^。]{0,12}税费?/.test(taxWords) || /含税/.test(first.key)) {
      found.push({ path: ["fees", "taxIncluded"], value: true, source: src, confidence: "high" });
    }
    const basis = /最终(?:支付|结算)?(?:金额)?[^，,。；;]{0,20}?以[^，,。；;]{1,30}?为准/.exec(sentence);
    if (basis) found.push({ path: ["fees", "finalBasis"], value: basis[0], source: src, confidence: "high" });
  }

  findTaxRate(paragraphs, out);
  findPricing(paragraphs, out, first?.p);
  findBudget(paragraphs, out);
  if (!found.some((f) => f.path[1] === "finalBasis")) findSettlement(paragraphs, out);
  return out;
};

function findTaxRate(paragraphs: Paragraph[], out: Extraction): void {
  const rates: { value: string; p: Paragraph; index: number }[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(/(?:增值税)?税率(?:为|是)?\s*[:：]?\s*/g)) {
      const pct = findPercents(p.text.slice(m.index + m[0].length, m.index + m[0].length + 12))[0];
      if (pct && pct.index === 0) rates.push({ value: pct.value, p, index: m.index });
    }
  }
  const first = rates[0];
  if (first === undefined) return;
  const src = refOf(lineAt(first.p, first.index), "税率");
  if (rates.some((r) => r.value !== first.value)) {
    out.toConfirm.push({ path: ["fees", "taxRate"], reason: `合同写了不止一个税率：${[...new Set(rates.map((r) => r.value))].join("、")}`, source: src });
  } else {
    out.found.push({ path: ["fees", "taxRate"], value: first.value, source: src, confidence: "high" });
  }
}

function findPricing(paragraphs: Paragraph[], out: Extraction, total: Paragraph | undefined): void {
  for (const p of paragraphs) {
    const m = /(?:服务费|费用)[^。；]{0,6}按月(?:计算|计费|结算)|按月计费|每月(?:服务费|费用)为/.exec(p.text);
    if (!m) continue;
    const formula = /应付(?:款项)?(?:的)?(?:金额)?\s*[=＝][^，,。；;]+/.exec(p.text);
    const value = formula ? { kind: "monthly", formula: formula[0] } : { kind: "monthly" };
    out.found.push({ path: ["fees", "pricing"], value, source: refOf(lineAt(p, m.index), m[0]), confidence: "high" });
    return;
  }
  // a total and no monthly wording: a fixed price
  if (total) out.found.push({ path: ["fees", "pricing"], value: { kind: "fixed" }, source: refOf(total.line), confidence: "medium" });
}

function findBudget(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(/预算(?:批复)?(?:金额|资金)?\s*(?:为|是)?\s*[:：]?\s*(?:人民币)?\s*/g)) {
      const at = m.index + m[0].length;
      const f = findFigures(p.text).find((x) => x.index === at);
      if (f) {
        out.found.push({ path: ["fees", "budget"], value: f.value, source: refOf(lineAt(p, at), f.text), confidence: f.spaced ? "medium" : "high" });
        return;
      }
    }
  }
}

/**
 * What settles the final sum when the total's own sentence does not say: "结算据实审减", or the
 * installment that pays "依据审计金额" (the words of that sentence).
 */
function findSettlement(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    const m = /(?:项目)?结算(?:金额)?据实(?:审减|结算)/.exec(p.text);
    if (m) {
      out.found.push({ path: ["fees", "finalBasis"], value: m[0], source: refOf(lineAt(p, m.index), m[0]), confidence: "medium" });
      return;
    }
  }
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      const m = /依据(?:审计|评审|结算)(?:金额|结果|报告)|以[^，,。；;]{0,20}(?:审计|评审)[^，,。；;]{0,16}为准/.exec(s.text);
      if (!m || !/支付|付款|结算/.test(s.text) || /违约金/.test(s.text)) continue;
      const value = withoutNumber(s.text).replace(/^第[一二三四五六七八九十\d]+(?:次|期|笔)(?:付款|支付)?[:：]\s*/, "");
      out.found.push({ path: ["fees", "finalBasis"], value, source: refOf(lineAt(p, s.index + m.index), m[0]), confidence: "medium" });
      return;
    }
  }
}

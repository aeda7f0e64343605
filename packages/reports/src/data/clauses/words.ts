import { type Fen, formatCapitals, formatClause, formatPercent, formatYuan, type PenaltyBase, type Ppm, PPM_100_PERCENT } from "@qiyue/contract-model";

/** An amount as the generated text writes it: 人民币1,979,100.00元（大写：壹佰玖拾柒万玖仟壹佰元整）. */
export function yuanWords(fen: Fen): string {
  return `人民币${formatYuan(fen)}元（大写：${formatCapitals(fen)}）`;
}

/** Punctuation a clause of the model may end with, which a sentence of ours replaces. */
const TRAILING = /[\s；;，,、。.：:]+$/u;

/** The model's words without the punctuation they end with (so they can be joined or ended anew). */
export function bare(text: string): string {
  return text.trim().replace(TRAILING, "");
}

/** The model's words as one sentence ending in 。, with blank lines inside it reduced to line breaks. */
export function sentence(text: string): string {
  const body = bare(text).replace(/\n\s*\n/g, "\n");
  return body === "" ? "" : `${body}。`;
}

/** N个工作日 / N日. */
export function daysWords(days: number, unit: "working" | "natural"): string {
  return unit === "working" ? `${days}个工作日` : `${days}日`;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** 0 → 零, 1 → 一, 12 → 十二, 23 → 二十三 (0 to 99): article, installment and copy numbers. */
export function cnNumber(n: number): string {
  if (n === 0) return DIGITS[0];
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? "" : tens === 1 ? "十" : `${DIGITS[tens]}十`;
  return ones === 0 ? head : `${head}${DIGITS[ones]}`;
}

/** 第六条. */
export function articleName(number: number): string {
  return `第${cnNumber(number)}条`;
}

/** A generated paragraph's number as a reference in the house form: `6.2` → 第6.2条. */
export function cite(ref: string): string {
  return formatClause(ref);
}

/** What a share is of, as the generated text names it. */
export const BASE_WORDS: Record<PenaltyBase, string> = {
  "contract-total": "合同总价款",
  "overdue-amount": "逾期应付款",
  "monthly-fee": "当月服务费",
  "paid-amount": "已支付金额",
  "unserved-amount": "未提供服务期间的价款",
};

/** 合同总价款的1%. */
export function shareWords(rate: Ppm, base: PenaltyBase): string {
  return `${BASE_WORDS[base]}的${formatPercent(rate)}`;
}

/** `rate` of `amount` when it comes out in whole 分 (never rounded: a rounded sum is not what the contract says). */
export function exactShare(amount: Fen, rate: Ppm): Fen | undefined {
  const product = BigInt(amount) * BigInt(rate);
  const whole = BigInt(PPM_100_PERCENT);
  return product % whole === 0n ? Number(product / whole) : undefined;
}

/**
 * A condition in the schedule's words as the running text writes it: no spaces around figures
 * between Chinese characters (“签订合同 2 个月后” → 签订合同2个月后), alternatives joined by 或.
 */
export function runningText(words: string): string {
  return words
    .replace(/\s+\/\s+/g, "或")
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=\d)/gu, "")
    .replace(/(?<=\d)\s+(?=[\u3000-\u9fff\uff00-\uffef])/gu, "");
}

/**
 * Small whole numbers as contracts print them: Arabic digits (half or full width), everyday
 * Chinese numerals (一二三…十, 两, 〇) and the financial forms (壹贰叁…拾). For counts such as
 * 份数 and years, not for money (money goes through @qiyue/contract-model's capitals parser).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The characters a Chinese numeral of this kind may use (for building patterns). */
export const CHINESE_NUMERAL_CHARS = "零〇一壹二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟";

/** A pattern matching one whole number: Arabic digits or Chinese numerals. */
export const NUMBER_PATTERN = `(?:[0-9０-９]+|[${CHINESE_NUMERAL_CHARS}]+)`;

/** Reads a whole number below 10 000; undefined when the text is not one number. */
export function parseSmallNumber(text: string): number | undefined {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === "") return undefined;
  if (/^[0-9]+$/.test(t)) return Number(t);
  // digit by digit, as in years (二〇二五)
  if (t.length > 1 && [...t].every((c) => c in DIGITS && c !== "两")) return Number([...t].map((c) => DIGITS[c]).join(""));
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 100_000;
  for (const c of t) {
    const d = DIGITS[c];
    const u = UNITS[c];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0) return undefined;
      digit = d === 0 ? undefined : d;
      continue;
    }
    if (u === undefined || u >= lastUnit) return undefined;
    total += (digit ?? (u === 10 && total === 0 ? 1 : Number.NaN)) * u;
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastUnit = u;
  }
  return total + (digit ?? 0);
}

/**
 * Shares as contracts print them: "50%", "0.3%", "10 ％", "百分之二十", and ranges such as
 * "10-30%" or "10%至30%". Values are written the way the contract model reads them ("50%").
 */
import { parseSmallNumber } from "./numerals.js";

export interface FoundPercent {
  /** "50%", "0.3%". */
  value: string;
  text: string;
  index: number;
}

export interface FoundPercentRange {
  min: string;
  max: string;
  text: string;
  index: number;
}

const ARABIC = /(\d{1,3}(?:\.\d{1,4})?)\s*[%％]/g;
const WORDS = /百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?/g;
const PER_MILLE = /(千|万)分之([零〇一二两三四五六七八九十]+|\d{1,3})/g;
const RANGE = /(\d{1,3}(?:\.\d{1,4})?)\s*[%％]?\s*(?:-|－|–|—|~|～|至|到)\s*(\d{1,3}(?:\.\d{1,4})?)\s*[%％]/g;

const DIGIT: Record<string, string> = { 零: "0", 〇: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** Every share printed in `text`, in order (the two ends of a range count as two). */
export function findPercents(text: string): FoundPercent[] {
  const found: FoundPercent[] = [];
  for (const m of text.matchAll(ARABIC)) {
    if (/[\d.]/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    found.push({ value: `${Number(m[1])}%`, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(WORDS)) {
    const whole = parseSmallNumber(m[1]!);
    if (whole === undefined || whole > 1000) continue;
    const frac = m[2] === undefined ? "" : `.${[...m[2]].map((c) => DIGIT[c] ?? "").join("")}`;
    found.push({ value: `${whole}${frac}%`, text: m[0], index: m.index });
  }
  for (const m of text.matchAll(PER_MILLE)) {
    const n = parseSmallNumber(m[2]!);
    if (n === undefined) continue;
    // 千分之三 = 0.3%, 万分之五 = 0.05%: moved by string, never through a float
    const places = m[1] === "千" ? 1 : 2;
    const digits = String(n).padStart(places + 1, "0");
    const value = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, "");
    found.push({ value: `${value}%`, text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first share range ("10-30%", "10%至30%") in `text`. */
export function findPercentRange(text: string): FoundPercentRange | undefined {
  for (const m of text.matchAll(RANGE)) {
    const [min, max] = [Number(m[1]), Number(m[2])];
    if (min < max) return { min: `${min}%`, max: `${max}%`, text: m[0], index: m.index };
  }
  return undefined;
}

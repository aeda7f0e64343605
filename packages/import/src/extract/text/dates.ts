import { isIsoDate } from "@qiyue/contract-model";
import { parseSmallNumber } from "./numerals.js";

/** A calendar date found in a line: the ISO form, the words as printed and where they start. */
export interface FoundDate {
  iso: string;
  text: string;
  index: number;
}

const CN_DIGIT = "[〇零○一二三四五六七八九]";
const CN_SMALL = "[一二三四五六七八九十]{1,3}";

/** Every way a full date is printed: 2025年9月1日, 2025 年 2 月 01 日, 2025.3.19, 2025-03-01, 2025/3/1, 二〇二五年三月一日. */
const PATTERNS: readonly RegExp[] = [
  /(?<![\d.])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
  /(?<![\d.,])(\d{4})\s*([.．\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d.])/g,
  new RegExp(`(${CN_DIGIT}{4})\\s*年\\s*(${CN_SMALL})\\s*月\\s*(${CN_SMALL})\\s*[日号]`, "g"),
];

function iso(y: number | undefined, m: number | undefined, d: number | undefined): string | undefined {
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isIsoDate(s) ? s : undefined;
}

/** All full dates printed in a text, in order; impossible dates (2月30日) are left out. */
export function findDates(printed: string): FoundDate[] {
  // full-width digits and dots read as ASCII (one character each, so indexes stay)
  const text = printed.replace(/[０-９．／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const found: FoundDate[] = [];
  for (const [k, re] of PATTERNS.entries()) {
    for (const m of text.matchAll(re)) {
      const parts = k === 1 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
      const [y, mo, d] = parts.map((p) => (p === undefined ? undefined : parseSmallNumber(p.replace(/○/g, "〇"))));
      const value = iso(y, mo, d);
      if (value !== undefined && !found.some((f) => f.index === m.index))
        found.push({ iso: value, text: printed.slice(m.index, m.index + m[0].length), index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The date when the text is one date and nothing else (spaces and brackets aside). */
export function parseDate(text: string): FoundDate | undefined {
  const t = text.trim();
  const all = findDates(t);
  const only = all[0];
  if (all.length !== 1 || only === undefined) return undefined;
  const rest = (t.slice(0, only.index) + t.slice(only.index + only.text.length)).replace(/[\s()（）]/g, "");
  return rest === "" ? only : undefined;
}

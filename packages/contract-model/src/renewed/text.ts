/**
 * The contract's own words carried into a renewal: cleaned of what scanning left in them (spaces
 * inside figures, half-width punctuation in Chinese text), with the dates of the old term moved
 * into the new one and a sum replaced where the renewal changes it.
 */
import { compareDates, endOfMonth, isValidIsoDate } from "../calendar/index.js";
import { type Fen, parseYuan } from "../money/index.js";
import { chineseDate } from "../schedule/index.js";
import { chineseMonth, type DateSpan, type Moved, moveDate, moveMonth } from "./shift.js";

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
/** Chinese characters and full-width punctuation. */
const WIDE = `${HAN}\\u3000-\\u303f\\uff01-\\uff5e“”‘’`;

/** "353, 300. 00" → "353,300.00": a figure split by scanning, joined again. */
function joinFigures(text: string): string {
  return text
    .replace(/\d{1,3}(?:\s*[,，]\s*\d{3})+(?:\s*[.．]\s*\d{1,2})?(?!\d)/g, (m) => m.replace(/\s+/g, "").replace(/，/g, ",").replace(/．/g, "."))
    .replace(/(\d)(?:\s+[.．]\s*|[.．]\s+)(\d{1,2})(?=\s*元)/g, "$1.$2");
}

/** Half-width , ; : ( ) in Chinese text → ，；：（）, and no spaces around full-width punctuation. */
function widenPunctuation(text: string): string {
  const beside = (ch: string) => `(?<=[${WIDE}]\\s*)${ch}|${ch}(?=\\s*[${WIDE}])`;
  return text
    .replace(new RegExp(`\\(([^()\\n]*[${HAN}][^()\\n]*)\\)`, "g"), "（$1）")
    .replace(new RegExp(beside(","), "g"), "，")
    .replace(new RegExp(beside(";"), "g"), "；")
    .replace(new RegExp(`(?<=[${HAN}])\\s*:|:(?=\\s*[${HAN}])`, "g"), "：")
    .replace(/[ \t\u3000]*([，；：（）。、])[ \t\u3000]*/g, (_, p: string) => p);
}

/** The text without scanning artefacts: figures joined, Chinese punctuation full-width. */
export function cleanScannedText(text: string): string {
  return widenPunctuation(joinFigures(text));
}

/** "1、乙方……" → "乙方……": the list number a clause had in the original, which a renewal numbers anew. */
export function withoutListNumber(text: string): string {
  return text.replace(/^\s*(?:\d{1,2}\s*[、.．]|[（(]\d{1,2}[)）])\s*(?=\D)/, "");
}

/** Called for a date the renewal cannot move: returns what the text prints in its place. */
export type OpenDate = (reason: string) => string;

/** A date of the text that moved with the term. */
export interface MovedDate {
  before: string;
  after: string;
}

const DATE_IN_TEXT = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|(底|末))?/g;
const two = (n: string) => n.padStart(2, "0");

/**
 * Moves the dates the text writes (2026年6月30日, 2026 年 6 月底, 2024年12月) from the old term
 * into the new one; a date after the old term's start that cannot be moved is replaced by what
 * `open` returns. Dates before the old term (a law's date, a reference year) are left alone.
 */
export function moveDatesInText(text: string, previous: DateSpan, next: DateSpan, open: OpenDate): { text: string; moved: MovedDate[] } {
  const moved: MovedDate[] = [];
  const out = text.replace(DATE_IN_TEXT, (match, y: string, m: string, d: string | undefined, end: string | undefined) => {
    const month = `${y}-${two(m)}`;
    const day = d === undefined ? `${month}-01` : `${month}-${two(d)}`;
    if (!isValidIsoDate(day)) return match;
    if (compareDates(d === undefined ? endOfMonth(month) : day, previous.start) < 0) return match;
    const r: Moved = d === undefined ? moveMonth(month, previous, next) : moveDate(day, previous, next);
    if (!r.ok) return open(r.reason);
    const after = d === undefined ? `${chineseMonth(r.value)}${end ?? ""}` : chineseDate(r.value);
    moved.push({ before: match.trim(), after });
    return after;
  });
  return { text: out, moved };
}

const FIGURE = /([¥￥]\s*)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s*元)?/g;
const CAPITALS_AFTER = /^\s*[（(]\s*(?:人民币)?(?:大写)?(?:人民币)?\s*[:：]?\s*(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正一二三四五六七八九十百千]+\s*[)）]/;

/**
 * Replaces every printing of `amount` (as figures with 元 or ¥, and the capitals in brackets right
 * after it) by `replacement`. Returns undefined when the text does not print the amount.
 */
export function replaceAmountInText(text: string, amount: Fen, replacement: string): string | undefined {
  let found = false;
  let out = "";
  let from = 0;
  for (const m of text.matchAll(FIGURE)) {
    const [whole, currency, integer, decimals, yuan] = m;
    if (currency === undefined && yuan === undefined) continue;
    const value = parseYuan(`${integer!.replace(/,/g, "")}${decimals === undefined ? "" : `.${decimals}`}`);
    if (!value.ok || value.value !== amount) continue;
    const at = m.index;
    const capitals = CAPITALS_AFTER.exec(text.slice(at + whole.length));
    out += text.slice(from, at) + replacement;
    from = at + whole.length + (capitals?.[0].length ?? 0);
    found = true;
  }
  return found ? out + text.slice(from) : undefined;
}

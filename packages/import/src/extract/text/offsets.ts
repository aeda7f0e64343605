/**
 * Periods in days as contracts print them: "15个工作日内", "30日内", "10个自然日", "五日".
 * 工作日 is a working day; 自然日 / 日历日 and a bare 日 or 天 are calendar days (the reading the
 * contract models take: "合同签订后30日内" is thirty natural days).
 */
import { NUMBER_PATTERN, parseSmallNumber } from "./numerals.js";

export interface FoundDays {
  days: number;
  unit: "working" | "natural";
  /** The unit was named outright (工作日, 自然日, 日历日), not read from a bare 日 / 天. */
  explicit: boolean;
  text: string;
  index: number;
}

const DAYS = new RegExp(`(${NUMBER_PATTERN})\\s*个?\\s*(工作日|自然日|日历日|日|天)(?![期常报])`, "g");

/** Every period in days printed in `text`, in order. Dates ("3月18日") are not periods. */
export function findDays(text: string): FoundDays[] {
  const found: FoundDays[] = [];
  for (const m of text.matchAll(DAYS)) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/月\s*$/.test(before) || /[\d.]$/.test(before)) continue;
    const days = parseSmallNumber(m[1]!);
    if (days === undefined) continue;
    const word = m[2]!;
    found.push({
      days,
      unit: word === "工作日" ? "working" : "natural",
      explicit: word !== "日" && word !== "天",
      text: m[0],
      index: m.index,
    });
  }
  return found;
}

/** A period after an event: "后 30 个工作日", "后30日内", "之日起10个自然日内"; the first in `text`. */
export function findOffsetAfter(text: string): FoundDays | undefined {
  const re = new RegExp(`(?:后的?|之日起|起)\\s*(?:${NUMBER_PATTERN})\\s*个?\\s*(?:工作日|自然日|日历日|日|天)内?`, "g");
  for (const m of text.matchAll(re)) {
    const days = findDays(m[0])[0];
    if (days) return { ...days, text: m[0], index: m.index };
  }
  return undefined;
}

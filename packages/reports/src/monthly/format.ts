import type { CountChange } from "@qiyue/hotline";

/** 2026-05 → 2026年5月 */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 2026-05-03 → 5月3日 */
export function dayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** 2026年5月1日至5月31日 */
export function periodLabel(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${monthLabel(month)}1日至${Number(month.slice(5, 7))}月${days}日`;
}

/** numerator / denominator to one decimal, rounded half up, without floats. */
export function oneDecimal(numerator: number, denominator: number): string {
  if (denominator <= 0) return "—";
  const tenths = Math.floor((numerator * 20 + denominator) / (denominator * 2));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** numerator / denominator to two decimals, rounded half up, without floats (the report's percentages). */
export function twoDecimals(numerator: number, denominator: number): string {
  if (denominator <= 0) return "—";
  const hundredths = Math.floor((numerator * 200 + denominator) / (denominator * 2));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/**
 * A change against an earlier period as a clause of the overview:
 * “较上月（2026年4月，480 件）增加 20 件，增长 4.17%”.
 */
export function changeWords(what: "上月" | "去年同月", label: string, change: CountChange): string {
  const before = `较${what}（${label}，${change.previous} 件）`;
  if (change.delta === 0) return `${before}持平`;
  const more = change.delta > 0;
  const rate = change.rate === "—" ? "" : `，${more ? "增长" : "下降"} ${change.rate.replace(/^[+-]/, "")}`;
  return `${before}${more ? "增加" : "减少"} ${Math.abs(change.delta)} 件${rate}`;
}

import { render, spell } from "./spelling.js";

/**
 * Writes `fen` in the one canonical form of Chinese capitals: every 零 written, including the
 * optional ones, 整 after 元 only, no "人民币" prefix. ¥107,000.53 → 壹拾万零柒仟元零伍角叁分.
 * Throws a RangeError for a negative, non-integer or unsafe amount.
 */
export function formatCapitals(fen: number): string {
  const spelling = spell(fen);
  return render(spelling, () => true) + (spelling.ending === "元" ? "整" : "");
}

import { type AssessmentFigures, UNSPECIFIED } from "@qiyue/hotline";

export type UnitFigures = AssessmentFigures & { readonly unit: string };

/** a/b compared with c/d, exactly (decimal integer strings). */
function compareFractions(a: { numerator: string; denominator: string }, b: { numerator: string; denominator: string }): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left > right ? 1 : left < right ? -1 : 0;
}

/**
 * Units by 综合成绩, highest first, compared exactly; equal scores share a rank (1, 2, 2, 4),
 * ordered among themselves by counted orders then name. Units without a score this month
 * follow, unranked, and so do the orders whose unit was left blank (they are not a unit).
 */
export function rankUnits(units: readonly UnitFigures[]): { unit: UnitFigures; rank: number | null }[] {
  const byName = (a: UnitFigures, b: UnitFigures) => b.counted - a.counted || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
  const rankable = (u: UnitFigures) => u.composite.exact !== null && u.unit !== UNSPECIFIED;
  const scored = units.filter(rankable);
  const unscored = units.filter((u) => !rankable(u)).sort(byName);
  scored.sort((a, b) => compareFractions(b.composite.exact!, a.composite.exact!) || byName(a, b));
  const out: { unit: UnitFigures; rank: number | null }[] = [];
  scored.forEach((unit, i) => {
    const previous = out[i - 1];
    const tied = previous !== undefined && compareFractions(previous.unit.composite.exact!, unit.composite.exact!) === 0;
    out.push({ unit, rank: tied ? previous.rank : i + 1 });
  });
  for (const unit of unscored) out.push({ unit, rank: null });
  return out;
}

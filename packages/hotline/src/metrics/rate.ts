import { divideRounded, formatFraction, unitsToDecimal } from "./decimal.js";

/** Shown instead of a rate whose denominator is zero. */
export const NO_RATE = "—";

/** A rate kept exact: the numerator may be weighted (e.g. 基本满意 = 0.9). */
export interface RateFigure {
  /** Exact decimal numerator ("87", or "86.9" when weighted). */
  readonly numerator: string;
  readonly denominator: number;
  /** Parts per million, rounded half up; null when the denominator is 0. */
  readonly ppm: number | null;
  /** Percentage with the configured decimals ("93.25%"), or "—". */
  readonly percent: string;
}

/**
 * `numeratorUnits` counts in units of 10^-`places` (0 for a plain count), so a
 * weighted numerator stays an integer.
 */
export function rateFigure(numeratorUnits: number, places: number, denominator: number, decimals: number): RateFigure {
  const numerator = unitsToDecimal(numeratorUnits, places);
  if (denominator === 0) return { numerator, denominator, ppm: null, percent: NO_RATE };
  const n = BigInt(numeratorUnits);
  const d = BigInt(denominator) * 10n ** BigInt(places);
  return {
    numerator,
    denominator,
    ppm: Number(divideRounded(n * 1_000_000n, d)),
    percent: formatFraction(n * 100n, d, decimals) + "%",
  };
}

/** Formats a ppm target or figure as a percentage ("100.00%"). */
export function ppmPercent(ppm: number, decimals: number): string {
  return formatFraction(BigInt(ppm), 10_000n, decimals) + "%";
}

/** A composite score out of 100 with its exact value as a fraction. */
export interface ScoreFigure {
  /** Points with the configured decimals ("91.23"), or "—" when a component has no denominator. */
  readonly value: string;
  /** The exact score as numerator / denominator (decimal integer strings); null with "—". */
  readonly exact: { readonly numerator: string; readonly denominator: string } | null;
}

export interface WeightedComponent {
  /** Weight in units of 10^-4. */
  readonly weight: number;
  /** Numerator in units of 10^-places. */
  readonly numeratorUnits: number;
  readonly places: number;
  readonly denominator: number;
}

/** 100 × Σ weight × rate, exactly; "—" when any component's denominator is 0. */
export function weightedScore(components: readonly WeightedComponent[], decimals: number): ScoreFigure {
  if (components.some((c) => c.denominator === 0)) return { value: NO_RATE, exact: null };
  // score = 100 × Σ (w / 10^4) × (n / 10^p) / d
  let numerator = 0n;
  let denominator = 1n;
  for (const c of components) {
    const cn = 100n * BigInt(c.weight) * BigInt(c.numeratorUnits);
    const cd = 10_000n * 10n ** BigInt(c.places) * BigInt(c.denominator);
    numerator = numerator * cd + cn * denominator;
    denominator *= cd;
  }
  const g = gcd(numerator, denominator);
  numerator /= g;
  denominator /= g;
  return {
    value: formatFraction(numerator, denominator, decimals),
    exact: { numerator: numerator.toString(), denominator: denominator.toString() },
  };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

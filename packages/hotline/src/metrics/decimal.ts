/**
 * Exact decimal arithmetic for rates: integers in, fixed-decimal strings out, rounded
 * half up. Nothing here goes through a float.
 */

/**
 * Parses a decimal given as a number or string ("0.35", 0.9, "1") into integer units
 * of 10^-places. Returns undefined when it has more decimals than `places` or is not a
 * plain non-negative decimal.
 */
export function parseDecimalUnits(value: number | string, places: number): number | undefined {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  if (text === undefined) return undefined;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) return undefined;
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > places) return undefined;
  return Number(m[1]) * 10 ** places + Number(fraction.padEnd(places, "0") || "0");
}

function numberText(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  // Shortest round-trip text is what the author wrote in YAML (0.1 → "0.1").
  const text = String(n);
  return /e/i.test(text) ? undefined : text;
}

/** Integer units of 10^-places as a decimal string without trailing zeros ("86.9"). */
export function unitsToDecimal(units: number | bigint, places: number): string {
  const big = BigInt(units);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const base = 10n ** BigInt(places);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(places, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : "." + fraction}`;
}

/** numerator / denominator rounded half up (away from zero) to an integer; denominator > 0. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** numerator / denominator as a fixed-decimal string, rounded half up; denominator > 0. */
export function formatFraction(numerator: bigint, denominator: bigint, decimals: number): string {
  const scaled = divideRounded(numerator * 10n ** BigInt(decimals), denominator);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? "." + fraction : ""}`;
}

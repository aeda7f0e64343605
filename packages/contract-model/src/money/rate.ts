/**
 * Shares and rates are exact: an integer number of parts per million (ppm), so that
 * 0.3 % is 3000 and 10 % is 100000. Never a float.
 */
import { assertFen, type Fen, type ParseResult } from "./fen.js";

export type Ppm = number;
export const PPM_100_PERCENT: Ppm = 1_000_000;

const PERCENT = /^(\d{1,3})(?:\.(\d{1,4}))?\s*[%％]$/;

/** "50%", "0.3%", "10 %" → ppm. Numbers are refused: 0.5 could mean 0.5 % or 50 %. */
export function parsePercent(input: string): ParseResult<Ppm> {
  const m = PERCENT.exec(input.trim());
  if (!m) return { ok: false, reason: `“${input}”不是有效的百分比（应写作如 "50%" 或 "0.3%"，最多四位小数）` };
  const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? "").padEnd(4, "0"));
  if (ppm > 10 * PPM_100_PERCENT) return { ok: false, reason: `百分比 ${input} 过大` };
  return { ok: true, value: ppm };
}

/** 3000 → "0.3%", 500000 → "50%". */
export function formatPercent(ppm: Ppm): string {
  const whole = Math.floor(ppm / 10_000);
  const frac = String(ppm % 10_000).padStart(4, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}

/** Integer division of a non-negative bigint, rounding half up. */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** amount × rate, rounded half up to the 分. */
export function applyRate(amount: Fen, rate: Ppm): Fen {
  assertFen(amount);
  return Number(divHalfUp(BigInt(amount) * BigInt(rate), BigInt(PPM_100_PERCENT)));
}

/** amount × rate × count, rounded once at the end. */
export function applyRateTimes(amount: Fen, rate: Ppm, count: number): Fen {
  assertFen(amount);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  return Number(divHalfUp(BigInt(amount) * BigInt(rate) * BigInt(count), BigInt(PPM_100_PERCENT)));
}

/** The share that `part` is of `whole`, in ppm, rounded half up; undefined when whole is 0. */
export function shareOf(part: Fen, whole: Fen): Ppm | undefined {
  if (whole === 0) return undefined;
  return Number(divHalfUp(BigInt(part) * BigInt(PPM_100_PERCENT), BigInt(whole)));
}

/**
 * Exact amounts while a penalty is being computed: a fraction of 分, multiplied out in full and
 * rounded once at the end, half up. Never a float.
 */
import { divHalfUp, type Fen } from "../money/index.js";

/** num / den 分, both non-negative, den > 0. */
export interface Exact {
  num: bigint;
  den: bigint;
}

export const exactFen = (fen: Fen): Exact => ({ num: BigInt(fen), den: 1n });

export function times(x: Exact, factor: bigint, divisor = 1n): Exact {
  return { num: x.num * factor, den: x.den * divisor };
}

/** Rounded half up to the 分. */
export function roundFen(x: Exact): Fen {
  return Number(divHalfUp(x.num, x.den));
}

/** Rounded down to the 分: for a limit, which must never be rounded up. */
export function floorFen(x: Exact): Fen {
  return Number(x.num / x.den);
}

export function isWholeFen(x: Exact): boolean {
  return x.num % x.den === 0n;
}

/**
 * The amount in yuan with every decimal it has, at least two: "48,782.865", "3,252,191.00".
 * A fraction without a finite decimal is shown to four places with "约".
 */
export function formatExactYuan(x: Exact): string {
  const den = x.den * 100n; // yuan
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n && x.num % rest !== 0n) {
    const tenThousandths = divHalfUp(x.num * 10_000n, den);
    return `约 ${withDecimals(tenThousandths, 4)}`;
  }
  const places = Math.max(twos, fives, 2);
  const scaled = (x.num * 10n ** BigInt(places)) / den;
  return withDecimals(scaled, places).replace(/(\.\d\d\d*?)0+$/, "$1");
}

function withDecimals(scaled: bigint, places: number): string {
  const unit = 10n ** BigInt(places);
  const whole = scaled / unit;
  const frac = (scaled % unit).toString().padStart(places, "0");
  return `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

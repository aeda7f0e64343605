import { formatFraction } from "./decimal.js";
import { NO_RATE } from "./rate.js";
import type { CountRow } from "./tally.js";

/** Change of a count against an earlier period (环比 / 同比). */
export interface CountChange {
  readonly current: number;
  readonly previous: number;
  readonly delta: number;
  /** Relative change with sign, e.g. "+12.50%"; "—" when the earlier count is 0. */
  readonly rate: string;
}

export function countChange(current: number, previous: number, decimals: number): CountChange {
  const delta = current - previous;
  if (previous === 0) return { current, previous, delta, rate: NO_RATE };
  const text = formatFraction(BigInt(delta) * 100n, BigInt(previous), decimals);
  return { current, previous, delta, rate: (delta > 0 ? "+" : "") + text + "%" };
}

/** Row-by-row change of two count tables, keys of both included. */
export function tableChange(
  current: readonly CountRow[],
  previous: readonly CountRow[],
  decimals: number,
): (CountChange & { readonly key: string })[] {
  const before = new Map(previous.map((r) => [r.key, r.count]));
  const keys = [...current.map((r) => r.key), ...previous.map((r) => r.key).filter((k) => !current.some((r) => r.key === k))];
  const now = new Map(current.map((r) => [r.key, r.count]));
  return keys.map((key) => ({ key, ...countChange(now.get(key) ?? 0, before.get(key) ?? 0, decimals) }));
}

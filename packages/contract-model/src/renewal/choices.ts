/**
 * The decisions a renewal may need from the user, read from the words of the command line:
 * the installments' shares (`--schedule 50/20/30`) and the new term's length (`--term 12m`).
 * The same readers serve `qiyue renew` and `qiyue render renewal-draft`.
 */
import { formatPercent, PPM_100_PERCENT, type Ppm, parsePercent } from "../money/index.js";
import { RenewalRequestError } from "./plan.js";

/** The most months a term may be asked for (100 years). */
const MAX_TERM_MONTHS = 1200;

/**
 * "50/20/30" (or "50%/20%/30%") → the shares in ppm. Each share is positive and they add up to
 * exactly 100 %; anything else throws a RenewalRequestError that says what is wrong.
 */
export function parseScheduleShares(text: string): Ppm[] {
  const parts = text.split(/[/／]/).map((p) => p.trim());
  if (parts.length < 1 || parts.some((p) => p === "")) {
    throw new RenewalRequestError("RENEWAL_SCHEDULE_INVALID", `--schedule 应写成各期比例，用“/”分隔，如 50/20/30，收到“${text}”`);
  }
  const shares = parts.map((part) => {
    const r = parsePercent(/[%％]$/.test(part) ? part : `${part}%`);
    if (!r.ok || r.value <= 0) {
      throw new RenewalRequestError("RENEWAL_SCHEDULE_INVALID", `--schedule 中的“${part}”不是大于零的百分比（收到“${text}”）`);
    }
    return r.value;
  });
  const sum = shares.reduce((s, v) => s + v, 0);
  if (sum !== PPM_100_PERCENT) {
    throw new RenewalRequestError("RENEWAL_SCHEDULE_INVALID", `--schedule 各期比例合计须为 100%，“${text}”合计为 ${formatPercent(sum)}`);
  }
  return shares;
}

/** "12m", "12个月", "1y", "1年" → whole months; anything else throws a RenewalRequestError. */
export function parseTermMonths(text: string): number {
  const m = /^\s*(\d+)\s*(m|个月|月|y|年)\s*$/i.exec(text);
  const months = m === null ? Number.NaN : Number(m[1]) * (/^(y|年)$/i.test(m[2]!) ? 12 : 1);
  if (!Number.isSafeInteger(months) || months < 1 || months > MAX_TERM_MONTHS) {
    throw new RenewalRequestError("RENEWAL_TERM_INVALID", `--term 应写成整月或整年，如 12m（12 个月）或 1y（1 年），收到“${text}”`);
  }
  return months;
}

/** "50%、20%、30%": the shares as a contract writes them. */
export function describeShares(shares: readonly Ppm[]): string {
  return shares.map(formatPercent).join("、");
}

/**
 * Planning a renewal: the next term continues the current one, its amount is asked for either as
 * an increase over the current amount or outright, and every cap is measured against the
 * ORIGINAL contract, never compounded over earlier renewals.
 */
import { addNaturalDays } from "../calendar/index.js";
import { formatCapitals } from "../capitals/index.js";
import { UserError } from "../errors/index.js";
import { applyRate, type Fen, MAX_FEN, PPM_100_PERCENT, type Ppm } from "../money/index.js";
import type { Contract } from "../schema/contract.js";
import type { RenewalPolicy } from "../schema/renewal.js";
import { CHECKS, type CheckInput, change, type RenewalCheck, type Span } from "./checks.js";
import { STATUTORY_RENEWAL_POLICY } from "./policy.js";
import type { PolicyOrigin } from "./sources.js";
import { termEndAfter, termLength } from "./term.js";

export interface RenewalRequest {
  /** An increase over the CURRENT term's amount, in ppm (10 % = 100000). */
  increase?: Ppm;
  /** The new amount outright, in 分. */
  amount?: Fen;
  /** Whole years of the new term (`--years N`): the same as `months: 12 × N`. */
  years?: number;
  /** Whole months of the new term (`--term 12m`). Without it or `years`, the new term is as long as the current one. */
  months?: number;
}

/** The length of the new term, and whether it was asked for (else it is the current term's). */
export interface RenewalTermLength {
  months: number;
  days: number;
  /** Asked for with `--term` or `--years`; false when the current term's length is kept. */
  chosen: boolean;
}

export interface RenewalPlan {
  /** Every check holds. */
  ok: boolean;
  checks: RenewalCheck[];
  policy: RenewalPolicy;
  /** The contract states its own renewal rules (false: the default caps apply, or the caller's). */
  policyStated: boolean;
  /** 1 for the first renewal. */
  renewalNumber: number;
  /** Renewals still possible after this one. */
  renewalsLeft: number;
  original: Span;
  /** The current term. */
  previous: Span;
  next: Span & { capitals: string };
  /** The length of the next term: the current term's unless another was asked for. */
  term: RenewalTermLength;
  /** (next − original) / original, rounded half up. */
  increaseOverOriginal: Ppm;
  increaseOverPrevious: Ppm;
  /** From the original start to the next end, in years (whole-year arithmetic on dates). */
  totalYears: number;
}

/** A renewal request that cannot be planned: both or neither amount, a bad term length. */
export class RenewalRequestError extends UserError {
  override readonly name = "RenewalRequestError";
}

/** The caps that apply to a contract and where they come from. */
export function renewalPolicyOf(contract: Contract, given?: RenewalPolicy): { policy: RenewalPolicy; origin: PolicyOrigin } {
  if (given) return { policy: given, origin: { kind: "given" } };
  const renewal = contract.renewal;
  if (!renewal) return { policy: STATUTORY_RENEWAL_POLICY, origin: { kind: "default" } };
  if (!renewal.stated) return { policy: renewal.policy, origin: { kind: "default" } };
  return { policy: renewal.policy, origin: { kind: "contract", ...(renewal.clause !== undefined ? { clause: renewal.clause } : {}) } };
}

/**
 * Plans the next term: it starts the day after the current one ends and is as long as the current
 * one unless `months` or `years` asks otherwise; every cap is checked against the ORIGINAL contract.
 */
export function planRenewal(contract: Contract, request: RenewalRequest, policy?: RenewalPolicy): RenewalPlan {
  const { policy: caps, origin } = renewalPolicyOf(contract, policy);
  const history = contract.renewal?.history;
  const previous: Span = { amount: contract.fees.total.amount, start: contract.term.start, end: contract.term.end };
  const original: Span = history ? { ...history.original } : { ...previous };
  const renewalNumber = (history?.renewals.length ?? 0) + 1;
  const start = addNaturalDays(previous.end, 1);
  const term = nextTermLength(previous, request);
  const amount = nextAmount(previous.amount, request);
  const next = { amount, start, end: termEndAfter(start, term), capitals: formatCapitals(amount) };
  const input: CheckInput = { policy: caps, origin, renewalNumber, original, previous, next, budget: contract.fees.budget };
  const checks = CHECKS.map((check) => check(input));
  return {
    ok: checks.every((c) => c.ok),
    checks,
    policy: caps,
    policyStated: origin.kind === "contract",
    renewalNumber,
    renewalsLeft: caps.allowed ? Math.max(0, caps.maxRenewals - renewalNumber) : 0,
    original,
    previous,
    next,
    term,
    increaseOverOriginal: change(original.amount, amount).ppm,
    increaseOverPrevious: change(previous.amount, amount).ppm,
    totalYears: termLength(original.start, next.end).years,
  };
}

/** The current term's length, or the months or years asked for (never both). */
function nextTermLength(previous: Span, { years, months }: RenewalRequest): RenewalTermLength {
  if (years !== undefined && months !== undefined) {
    throw new RenewalRequestError("RENEWAL_TERM_AMBIGUOUS", "续签服务期限只能用一种方式给出：按年（--years）或按月（--term）");
  }
  if (years !== undefined && (!Number.isSafeInteger(years) || years < 1 || years > 100)) {
    throw new RenewalRequestError("RENEWAL_YEARS_INVALID", `续签年限须为正整数（年），收到 ${years}`);
  }
  const asked = years !== undefined ? years * 12 : months;
  if (asked === undefined) {
    const { months: m, days } = termLength(previous.start, previous.end);
    return { months: m, days, chosen: false };
  }
  if (!Number.isSafeInteger(asked) || asked < 1 || asked > 1200) {
    throw new RenewalRequestError("RENEWAL_TERM_INVALID", `续签服务期限须为正整数个月，收到 ${asked}`);
  }
  return { months: asked, days: 0, chosen: true };
}

function nextAmount(current: Fen, { increase, amount }: RenewalRequest): Fen {
  if ((increase === undefined) === (amount === undefined)) {
    throw new RenewalRequestError("RENEWAL_AMOUNT_AMBIGUOUS", "续签金额须给出且只给出一种：按本期金额的增幅，或新的合同金额");
  }
  if (amount !== undefined) {
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_FEN) {
      throw new RenewalRequestError("RENEWAL_AMOUNT_INVALID", `续签金额须为非负的整数分，收到 ${amount}`);
    }
    return amount;
  }
  const rate = increase as Ppm;
  if (!Number.isSafeInteger(rate) || rate < -PPM_100_PERCENT) {
    throw new RenewalRequestError("RENEWAL_INCREASE_INVALID", `增幅须为不低于 −100% 的整数 ppm，收到 ${rate}`);
  }
  const delta = applyRate(current, Math.abs(rate));
  const next = rate < 0 ? current - delta : current + delta;
  if (!Number.isSafeInteger(next) || next > MAX_FEN) throw new RenewalRequestError("RENEWAL_AMOUNT_INVALID", "续签金额超出可处理的范围");
  return next;
}

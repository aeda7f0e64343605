/**
 * What a renewal changes, as a contract manager reads it in the table 原合同 / 本合同, and what it
 * cannot carry over by itself (an open point, which the document prints in place of the figure).
 */
import { formatCapitals } from "../capitals/index.js";
import { type Fen, formatYuan } from "../money/index.js";
import type { RenewalPlan } from "../renewal/plan.js";
import type { Contract } from "../schema/contract.js";
import type { DateSpan } from "./shift.js";

/** One line of the table of changes. */
export interface RenewalChange {
  /** What changed: 服务期限, 合同金额, 第 2 期付款, 第 2 期付款时间, 验收期限, 违约金 … */
  item: string;
  /** The clause of the original contract it comes from, as printed. */
  clause?: string;
  /** As the original contract has it. */
  before: string;
  /** As the renewal has it, or what the document prints for an open point. */
  after: string;
}

/**
 * Records a point the renewal leaves open (the contract does not say how it carries over) and
 * returns what the document prints in its place.
 */
export type MarkOpen = (what: string, reason: string, clause?: string) => string;

/** The open-point text when the caller keeps no list of its own: 【待确认：reason】. */
export const markInText: MarkOpen = (_what, reason) => `【待确认：${reason}】`;

/** What every step of building the renewed contract works from, and where it records changes. */
export interface RenewContext {
  contract: Contract;
  plan: RenewalPlan;
  previous: DateSpan;
  next: DateSpan;
  mark: MarkOpen;
  changes: RenewalChange[];
}

/** Adds a line to the table of changes, unless nothing changed. */
export function record(ctx: RenewContext, change: RenewalChange): void {
  if (change.before !== change.after) ctx.changes.push(change);
}

/** 1,979,100.00 元（壹佰玖拾柒万玖仟壹佰元整）. */
export function yuanWithCapitals(fen: Fen): string {
  return `${formatYuan(fen)} 元（${formatCapitals(fen)}）`;
}

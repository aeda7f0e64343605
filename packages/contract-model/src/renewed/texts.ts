/**
 * The contract's words that a renewal prints again (scope, penalties, the final-amount basis):
 * scanning artefacts removed and the old term's dates moved, each move in the table of changes.
 */
import type { Contract } from "../schema/contract.js";
import { type RenewContext, record } from "./change.js";
import { cleanScannedText, moveDatesInText, withoutListNumber } from "./text.js";

/** `text` cleaned and without its old list number, its dates of the old term moved (or marked open as `what`). */
export function renewText(ctx: RenewContext, text: string, what: string, clause: string | undefined): string {
  const open = (reason: string) => ctx.mark(what, reason, clause);
  const { text: out, moved } = moveDatesInText(withoutListNumber(cleanScannedText(text)), ctx.previous, ctx.next, open);
  for (const m of moved) record(ctx, { item: what, ...(clause !== undefined ? { clause } : {}), before: m.before, after: m.after });
  return out;
}

/** The scope with its summary and items as the renewal prints them. */
export function renewScope(ctx: RenewContext): Contract["scope"] {
  const scope = ctx.contract.scope;
  const what = "服务内容所写日期";
  const summary = scope.summary === undefined ? {} : { summary: renewText(ctx, scope.summary, what, scope.clause) };
  const items = scope.items.map((item) => ({ ...item, text: renewText(ctx, item.text, what, item.clause ?? scope.clause) }));
  return { ...scope, ...summary, items };
}

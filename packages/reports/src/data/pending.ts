import { z } from "zod";

/**
 * Something the contract leaves open, which a document must not compute: the document prints
 * 【待确认：reason】 in its place, and the command warns with the same words and the clause
 * (and, with `--strict`, exits 1).
 */
export const PendingItem = z.strictObject({
  /** What is open, as the document names it (应付日期, 第2期金额, …). */
  what: z.string(),
  /** Why it cannot be computed, in a contract manager's words. */
  reason: z.string(),
  /** The clause it comes from, as printed (第三条(二)), when known. */
  clause: z.string().optional(),
});
export type PendingItem = z.infer<typeof PendingItem>;

/** The text a document prints in place of an open figure or date. */
export function pendingText(reason: string): string {
  return `【待确认：${reason}】`;
}

/** The open points of one document, collected while its data is built. */
export class PendingList {
  readonly items: PendingItem[] = [];

  /** Records an open point and returns what the document prints in its place. */
  mark(what: string, reason: string, clause?: string): string {
    if (!this.items.some((i) => i.what === what && i.reason === reason && i.clause === clause)) {
      this.items.push({ what, reason, ...(clause !== undefined ? { clause } : {}) });
    }
    return pendingText(reason);
  }
}

/** One open point as a warning line: `应付日期：合同未约定付款期限（第三条(二)）`. */
export function formatPending(item: PendingItem): string {
  return `${item.what}：${item.reason}${item.clause === undefined ? "" : `（${item.clause}）`}`;
}

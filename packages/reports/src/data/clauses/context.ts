import type { Contract, Schedule } from "@qiyue/contract-model";
import type { PendingList } from "../pending.js";
import type { InstallmentClauseView } from "./view.js";
import { articleName } from "./words.js";

/** The articles a generated contract may have, in the order such contracts give them. */
export const ARTICLE_KEYS = [
  "scope",
  "staffing",
  "service-levels",
  "term",
  "fees",
  "payments",
  "delivery",
  "client-rights",
  "penalties",
  "confidentiality",
  "renewal",
  "dispute",
  "other",
] as const;
export type ArticleKey = (typeof ARTICLE_KEYS)[number];

/** A paragraph as a clause family writes it, before it is numbered. */
export type Paragraph = { text: string; penalty?: number } | { installment: InstallmentClauseView };

/** What every clause family reads: the contract, its schedule, where the articles stand, what is open. */
export interface ClauseContext {
  contract: Contract;
  schedule: Schedule;
  /** Records what the contract leaves open and returns the 【待确认：…】 printed in its place. */
  pending: PendingList;
  /** The number of each article the text has. */
  numbers: ReadonlyMap<ArticleKey, number>;
  /** The numbers of the generated penalty paragraphs (`9.3`) by the model's penalty index. */
  penaltyRefs: ReadonlyMap<number, string>;
}

/** 第六条, or undefined when the text has no such article. */
export function articleOf(ctx: ClauseContext, key: ArticleKey): string | undefined {
  const n = ctx.numbers.get(key);
  return n === undefined ? undefined : articleName(n);
}

/** Records an open point of article `key` and returns what is printed for it. */
export function markOpen(ctx: ClauseContext, key: ArticleKey, what: string, reason: string): string {
  return ctx.pending.mark(what, reason, articleOf(ctx, key));
}

/** Plain-text paragraphs. */
export function texts(...lines: (string | undefined | false)[]): Paragraph[] {
  return lines.filter((l): l is string => typeof l === "string" && l !== "").map((text) => ({ text }));
}

import { formatYuan } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { exactShare, shareWords } from "./words.js";

const SIDES = { client: "甲方", vendor: "乙方" } as const;

/** 责任上限: the most one side is liable for in all. */
export function liabilityParagraphs(ctx: ClauseContext): Paragraph[] {
  const cap = ctx.contract.liabilityCap;
  if (cap === undefined) return [];
  const fen = cap.base === "contract-total" ? exactShare(ctx.contract.fees.total.amount, cap.rate) : undefined;
  const sum = fen === undefined ? "" : `（即人民币${formatYuan(fen)}元）`;
  return texts(`任何情况下，${SIDES[cap.payer]}承担的违约金和赔偿责任累计不超过${shareWords(cap.rate, cap.base)}${sum}。`);
}

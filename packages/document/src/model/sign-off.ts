import { isLeadIn, plainText } from "./text.js";
import type { Block, Run, TableBlock } from "./types.js";

/** A column header that asks for a hand-written signature: 签字, 签名, 签章 (“签字”, “负责人签名”). */
const SIGN_COLUMN = /签字|签名|签章/;

/**
 * Whether a table is filled in and signed by hand, as the client's approval table (审批环节 |
 * 审核意见 | 签字 | 日期) or an acceptance panel (序号 | 姓名 | 单位 | 职务 | 签字) is: a header
 * names a column to sign in, and that column is blank in every row of the body. Like the seals,
 * such a table must not stand on a page without the text it signs.
 */
export function isSignOffTable(block: TableBlock): boolean {
  const header = block.header[block.header.length - 1];
  if (header === undefined || block.body.length === 0) return false;
  return header.some(
    (cell, column) => SIGN_COLUMN.test(plainText(cell.runs)) && block.body.every((row) => plainText(row[column]?.runs ?? []).trim() === ""),
  );
}

/**
 * The end marker of a contract's text: “（以下无正文）”, “(本文以下无正文)”, “（以下无正文，为签章页）”.
 * Only the signatures follow it, so it stands on their page and counts as no text of its own.
 */
export function isEndMarker(runs: readonly Run[]): boolean {
  return /^[（(](?:本文|本页)?以下无正文(?:[，,；;][^（()）]{0,10})?[)）]$/u.test(plainText(runs).replace(/[\s\u3000]+/gu, ""));
}

/** Whether a block is signed or sealed by hand: a signature block, or a table to sign (see `isSignOffTable`). */
export function isSignOffBlock(block: Block): boolean {
  return block.type === "signatures" || (block.type === "table" && isSignOffTable(block));
}

/**
 * Which of `blocks` belong to the signing part of a document, in place of text: the blocks signed
 * or sealed by hand, the end marker, and the headings and lead-ins (“以下由甲方按付款审批程序逐级
 * 填写：”) right above a block signed by hand. A page holding nothing else has no text to sign:
 * both backends keep these with the last lines of the text before them.
 */
export function signOffParts(blocks: readonly Block[]): boolean[] {
  const parts = blocks.map((b) => isSignOffBlock(b) || (b.type === "paragraph" && isEndMarker(b.runs)));
  blocks.forEach((block, i) => {
    if (!isSignOffBlock(block)) return;
    for (let j = i - 1; j >= 0 && !parts[j]; j--) {
      const above = blocks[j]!;
      if (above.type === "heading" || (above.type === "paragraph" && isLeadIn(above.runs))) parts[j] = true;
      else break;
    }
  });
  return parts;
}

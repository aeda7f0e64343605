import { type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { bare, cnNumber } from "./words.js";

/** 其他: when the contract takes effect, the supplements, the attachments, the copies. */
export function otherParagraphs(ctx: ClauseContext): Paragraph[] {
  const { signing, copies, attachments } = ctx.contract;
  const effective =
    signing.effective === undefined
      ? "本合同自双方法定代表人或授权代表签字并加盖公章或合同专用章之日起生效。"
      : `本合同${bare(signing.effective).replace(/^本(合同|协议)(书)?/, "")}。`;
  const supplements = "本合同未尽事宜，由双方协商解决，可以签订补充协议；补充协议与本合同具有同等法律效力。";
  const annexes =
    attachments.length === 0
      ? undefined
      : `本合同附件是本合同不可分割的组成部分，与本合同具有同等法律效力。本合同附件：${attachments
          .map((a, i) => `${a.number === undefined ? `附件${cnNumber(i + 1)}` : a.number.replace(/\s+/g, "")}　${a.title}`)
          .join("；")}。`;
  const count =
    copies === undefined
      ? `本合同的份数：${markOpen(ctx, "other", "合同份数", "合同数据未约定合同份数")}。`
      : `本合同一式${cnNumber(copies.total)}份，甲方执${cnNumber(copies.client)}份，乙方执${cnNumber(copies.vendor)}份，具有同等法律效力。`;
  return texts(effective, supplements, annexes, count);
}

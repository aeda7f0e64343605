import { type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { sentence } from "./words.js";

/** 争议解决: the court the parties agreed on, or the contract's words when it names none. */
export function disputeParagraphs(ctx: ClauseContext): Paragraph[] {
  const dispute = ctx.contract.dispute;
  if (dispute?.court !== undefined) {
    return texts(`因履行本合同发生的争议，双方应友好协商解决；协商不成的，任何一方均可向${dispute.court}提起诉讼。`);
  }
  if (dispute !== undefined && dispute.text.trim() !== "") return texts(sentence(dispute.text));
  return texts(`因履行本合同发生的争议，双方应友好协商解决；协商不成的，${markOpen(ctx, "dispute", "争议解决", "合同数据未约定争议解决方式和管辖法院")}。`);
}

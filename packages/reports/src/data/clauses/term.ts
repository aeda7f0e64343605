import { chineseDate, describeTermLength, termLength } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { daysWords } from "./words.js";

const AFTER = { signed: "本合同签订后", effective: "本合同生效后", start: "服务期开始后" } as const;

/** 服务期限: the term, and when the work must be complete. */
export function termParagraphs(ctx: ClauseContext): Paragraph[] {
  const { term, completion } = ctx.contract;
  const length = describeTermLength(termLength(term.start, term.end)).replace(/\s+/g, "");
  const period = `本合同服务期限自${chineseDate(term.start)}起至${chineseDate(term.end)}止，共${length}。`;
  const deadlines = (completion?.alternatives ?? []).flatMap((a) => {
    if (a.date !== undefined) return [`${chineseDate(a.date)}前`];
    if (a.days !== undefined) return [`${AFTER[a.after ?? "signed"]}${daysWords(a.days, a.unit ?? "natural")}内`];
    return [];
  });
  const complete = deadlines.length === 0 ? undefined : `乙方应于${deadlines.join("或")}完成本合同约定的全部服务内容。`;
  return texts(period, complete);
}

import { chineseDate } from "@qiyue/contract-model";
import { articleOf, type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { daysWords } from "./words.js";

/** 验收: what the service is measured against, by when, how fast the client answers, the grades. */
export function acceptanceParagraphs(ctx: ClauseContext): Paragraph[] {
  const acceptance = ctx.contract.acceptance;
  if (acceptance === undefined) return [];
  const basis = (
    [
      ["scope", "服务内容"],
      ["staffing", "人员配置"],
      ["service-levels", "服务标准"],
    ] as const
  ).flatMap(([key, name]) => {
    const article = articleOf(ctx, key);
    return article === undefined ? [] : [`${article}（${name}）`];
  });
  const by = acceptance.by === undefined ? "" : `乙方应于${chineseDate(acceptance.by)}前提交验收材料，`;
  const measure = `${by}甲方依据本合同${basis.join("、")}的约定组织验收，验收合格的出具书面验收文件。`;
  const review =
    acceptance.reviewDays === undefined
      ? undefined
      : `甲方应在乙方提交成果后${daysWords(acceptance.reviewDays.days, acceptance.reviewDays.unit)}内签字确认或提出修改意见。`;
  let grades: string | undefined;
  if (acceptance.grading !== undefined) {
    grades =
      acceptance.grading.levels.length > 0
        ? `验收结论分为${acceptance.grading.levels.join("、")}。`
        : `验收合格的，确定验收等级：${markOpen(ctx, "delivery", "验收等级", "合同约定确定验收等级，未列明等级")}。`;
  }
  return texts(measure, review, grades);
}

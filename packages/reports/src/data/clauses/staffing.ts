import type { ClauseContext, Paragraph } from "./context.js";
import { texts } from "./context.js";
import { bare, sentence } from "./words.js";

/** 人员配置: the team's size, each role with its head-count and duties, the requirements on staff. */
export function staffingParagraphs(ctx: ClauseContext): Paragraph[] {
  const staffing = ctx.contract.scope.staffing;
  if (staffing === undefined) return [];
  const { total, minimum } = staffing;
  let size: string | undefined;
  if (total !== undefined && minimum !== undefined && minimum !== total) size = `乙方应为本项目配备服务人员共${total}名，且不少于${minimum}名。`;
  else if (total !== undefined) size = `乙方应为本项目配备服务人员共${total}名。`;
  else if (minimum !== undefined) size = `乙方应为本项目配备不少于${minimum}名服务人员。`;
  const roles = staffing.roles.map(
    (r) => `${r.role}${r.count}名${r.isNew === true ? "（新增岗位）" : ""}${r.duties === undefined ? "。" : `，${sentence(r.duties)}`}`,
  );
  const requirements = staffing.requirements.length === 0 ? undefined : `人员要求：${staffing.requirements.map(bare).join("；")}。`;
  const replacement = staffing.replacementNotice === undefined ? undefined : sentence(staffing.replacementNotice);
  return texts(size, ...roles, requirements, replacement);
}

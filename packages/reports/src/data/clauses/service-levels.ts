import { formatPercent, SERVICE_LEVEL_METRIC_NAMES, type ServiceLevel } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { cite, sentence } from "./words.js";

const NAMES: Readonly<Record<string, string>> = SERVICE_LEVEL_METRIC_NAMES;

/** One level as a requirement: 签收率达到100%; 派单时限：30分钟内; 不得出现0分工单. */
function requirement(level: ServiceLevel): string {
  const name = NAMES[level.metric];
  if (name !== undefined && level.target !== undefined) return `${name}达到${formatPercent(level.target)}。`;
  if (level.metric === "dispatch-within-minutes" && level.minutes !== undefined) return `接到工单后${level.minutes}分钟内完成派单。`;
  if (level.metric === "zero-score-orders" && level.maxCount !== undefined) {
    return level.maxCount === 0 ? "不得出现0分工单。" : `0分工单不超过${level.maxCount}件。`;
  }
  return sentence(level.text);
}

/** The generated penalty paragraphs a level's penalty clause points to. */
function penaltyRefs(ctx: ClauseContext, clause: string | undefined): string[] {
  if (clause === undefined) return [];
  return ctx.contract.penalties.flatMap((p, i) => (p.clause === clause && ctx.penaltyRefs.has(i) ? [ctx.penaltyRefs.get(i)!] : []));
}

/** 服务标准: each measured level, and the penalty clause that applies when one is missed. */
export function serviceLevelParagraphs(ctx: ClauseContext): Paragraph[] {
  const levels = ctx.contract.serviceLevels;
  if (levels.length === 0) return [];
  const refs = levels.map((l) => penaltyRefs(ctx, l.penaltyClause).map(cite).join("、"));
  const same = refs.every((r) => r === refs[0]);
  const lines = levels.map((l, i) => (same || refs[i] === "" ? requirement(l) : `${requirement(l).replace(/。$/, "")}；未达到的，按本合同${refs[i]}承担违约责任。`));
  const closing = same && refs[0] !== "" ? `乙方未达到上述服务标准的，按本合同${refs[0]}承担违约责任。` : undefined;
  return texts("乙方提供的服务应达到以下标准：", ...lines, closing);
}

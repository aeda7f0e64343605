import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { cite, daysWords, sentence } from "./words.js";

/** 保密: who is bound, what is confidential, for how long, leaks, return of material, marking, the agreement, the penalty. */
export function confidentialityParagraphs(ctx: ClauseContext): Paragraph[] {
  const c = ctx.contract.confidentiality;
  if (c === undefined) return [];
  const bound =
    c.bound === "vendor"
      ? "乙方对在履行本合同过程中知悉的甲方保密信息负有保密义务，未经甲方书面同意，不得向任何第三方披露，也不得用于本合同以外的目的。"
      : `${c.bound === "client" ? "甲方" : "双方"}对在履行本合同过程中知悉的对方保密信息负有保密义务，未经对方书面同意，不得向任何第三方披露，也不得用于本合同以外的目的。`;
  const scope = c.scope === undefined ? undefined : `保密信息的范围：${sentence(c.scope)}`;
  let duration: string | undefined;
  if (c.duration.kind === "years-after-end") duration = `保密义务在本合同终止后${c.duration.years}年内持续有效。`;
  else if (c.duration.kind === "perpetual") duration = "保密义务不因本合同的终止、解除或期满而失效。";
  const leak: string[] = [];
  if (c.leakNoticeHours !== undefined) leak.push(`在${c.leakNoticeHours}小时内通知甲方`);
  if (c.writtenReport !== undefined) leak.push(`在${daysWords(c.writtenReport.days, c.writtenReport.unit)}内向甲方提交书面报告`);
  const leaks = leak.length === 0 ? undefined : `发生保密信息遗失、泄露的，乙方应${leak.join("，并")}，同时采取必要措施防止或减轻损失。`;
  const returns = c.returnOrDestroy ? "本合同履行完毕或终止后，乙方应按甲方要求返还或销毁载有保密信息的全部资料，不得留存原件或复制件。" : undefined;
  const marking = c.marking.length === 0 ? undefined : `保密信息的复制件应注明属于甲方，并标注${c.marking.map((m) => `“${m}”`).join("、")}字样。`;
  const agreement =
    c.agreement === undefined
      ? undefined
      : `双方另行签订保密协议${c.agreement.attachment === undefined ? "" : `（${c.agreement.attachment.replace(/\s+/g, "")}）`}${
          c.agreement.termMonths === undefined ? "" : `，协议期限为${c.agreement.termMonths}个月`
        }，保密协议与本合同具有同等法律效力。`;
  const refs = c.penaltyClause === undefined ? [] : ctx.contract.penalties.flatMap((p, i) => (p.clause === c.penaltyClause && ctx.penaltyRefs.has(i) ? [cite(ctx.penaltyRefs.get(i)!)] : []));
  const penalty = refs.length === 0 ? undefined : `违反保密义务的，按本合同${refs.join("、")}承担违约责任。`;
  return texts(bound, scope, duration, leaks, returns, marking, agreement, penalty);
}

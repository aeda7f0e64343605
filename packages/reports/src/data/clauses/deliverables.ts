import { chineseDate, type Deliverable, FREQUENCY_NAMES } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { daysWords } from "./words.js";

const PERIOD: Partial<Record<Deliverable["frequency"], string>> = { daily: "日", weekly: "周", monthly: "月", quarterly: "季度", yearly: "年" };

/** When one deliverable is handed in, in words. */
function due(d: Deliverable): string {
  if (d.frequency === "on-request") return "按甲方要求提交";
  if (d.frequency === "once") return d.due?.date === undefined ? "服务期内提交" : `于${chineseDate(d.due.date)}前提交`;
  const every = `${FREQUENCY_NAMES[d.frequency]}提交一次`;
  const days = d.due?.days;
  if (days === undefined) return every;
  if (days === 0) return `${every}，于每${PERIOD[d.frequency]}最后一日提交`;
  return `${every}，于每${PERIOD[d.frequency]}结束后${daysWords(days, d.due?.unit ?? "natural")}内提交`;
}

/** 工作成果: each deliverable and when it is due. */
export function deliverableParagraphs(ctx: ClauseContext): Paragraph[] {
  const list = ctx.contract.deliverables;
  if (list.length === 0) return [];
  return texts("乙方应按以下要求向甲方提交工作成果：", ...list.map((d) => `${d.name}：${due(d)}。`));
}

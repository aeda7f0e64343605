import { present } from "../text.js";
import { type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { bare, sentence } from "./words.js";

/** An item's name before its words, unless the words already begin with it. */
function item(title: string | undefined, text: string): string {
  const label = title?.trim();
  const words = sentence(text);
  return label === undefined || label === "" || text.trimStart().startsWith(label) ? words : `${label}：${words}`;
}

/** A shift's hours: 白班8:30至18:00, 晚班17:30至次日9:00. */
function shift(s: { name: string; start: string; end: string; endsNextDay: boolean }): string {
  const time = (t: string) => t.replace(/^0(\d)/, "$1");
  return `${s.name}${time(s.start)}至${s.endsNextDay ? "次日" : ""}${time(s.end)}`;
}

/** 服务内容: what the vendor does, where and when, the workloads and the shifts. */
export function scopeParagraphs(ctx: ClauseContext): Paragraph[] {
  const { contract } = ctx;
  const { scope } = contract;
  const opening = `甲方委托乙方提供“${contract.projectName}”服务。${scope.summary === undefined ? "" : sentence(scope.summary)}`;
  const place = present(scope.place);
  const where = `服务地点：${place === undefined ? markOpen(ctx, "scope", "服务地点", "合同数据未录入服务地点") : bare(place)}${
    present(scope.hours) === undefined ? "" : `；服务时间：${bare(scope.hours!)}`
  }。`;
  const items = scope.items.map((i) => item(i.title, i.text));
  if (items.length === 0 && scope.summary === undefined) items.push(`服务事项：${markOpen(ctx, "scope", "服务事项", "合同数据未录入服务事项")}。`);
  const workloads =
    scope.workloads.length === 0
      ? undefined
      : `乙方全年完成的工作量不少于：${scope.workloads.map((w) => `${w.category}${w.minimumPerYear.toLocaleString("en-US")}件`).join("、")}。`;
  const reference = scope.workloadReference === undefined ? undefined : sentence(scope.workloadReference);
  const shifts = scope.shifts.length === 0 ? undefined : `班次安排：${scope.shifts.map(shift).join("；")}。`;
  return texts(opening, where, ...items, workloads, reference, shifts);
}

/** 甲方的权利: the client's rights over the service, in the contract's words. */
export function clientRightsParagraphs(ctx: ClauseContext): Paragraph[] {
  return texts(...ctx.contract.scope.clientRights.map((r) => sentence(r.text)));
}

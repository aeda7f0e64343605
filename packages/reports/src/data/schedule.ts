import {
  addNaturalDays,
  calendarNote,
  chineseDate,
  describeCondition,
  type DueDate,
  IsoDate,
  type Schedule,
  type ScheduleRow,
} from "@qiyue/contract-model";
import { z } from "zod";
import { defined } from "./text.js";
import { FenValue, PpmValue } from "@qiyue/templating";

/** One payment of the schedule as templates see it. */
export const ScheduleRowView = z.strictObject({
  /** 1-based position in the schedule: what “第 N 期” means. */
  number: z.number().int(),
  key: z.string(),
  label: z.string().optional(),
  clause: z.string().optional(),
  basis: z.string(),
  share: PpmValue.optional(),
  amount: FenValue,
  capitals: z.string(),
  trigger: z.string(),
  /** The due date when it can be computed, YYYY-MM-DD. */
  dueDate: IsoDate.optional(),
  /** The due date or why it is not known yet, in words; “（按<通知>计算）” after a date counted with a year supplied from a file. */
  dueText: z.string(),
  /**
   * The holiday arrangement(s) supplied from a file (`--calendar`, their `source`) that the due
   * date was counted with, “、”-joined; absent when the built-in calendar decided it.
   */
  calendarSource: z.string().optional(),
  /** Monthly billing: the service month this row pays, “2026年4月2日至2026年5月1日”. */
  month: z.string().optional(),
  finalPerAudit: z.boolean(),
  problem: z.string().optional(),
});
export type ScheduleRowView = z.infer<typeof ScheduleRowView>;

export function dueText(due: DueDate, trigger: string): string {
  switch (due.kind) {
    case "date":
      return `${chineseDate(due.date)}${calendarNote(due.calendarSources)}`;
    case "waiting":
      return due.on.length > 0
        ? `待“${due.on.map(describeCondition).join("”“")}”发生后按“${trigger}”确定`
        : `按“${trigger}”确定`;
    case "unknown-calendar":
      return `无法确定（${due.message}）`;
    case "recurring":
      return `按“${trigger}”确定`;
    case "no-deadline":
      return `合同未约定付款期限（付款条件已于${chineseDate(due.since)}成就）`;
  }
}

/** “2026-04-02 – 2026-05-02” (a month and the day it is billed) → 2026年4月2日至2026年5月1日. */
function monthText(month: string): string {
  const [start, billed] = month.split(" – ");
  if (start === undefined || billed === undefined) return month;
  return `${chineseDate(start)}至${chineseDate(addNaturalDays(billed, -1))}`;
}

const PROBLEMS: Record<string, string> = {
  "cumulative-below-paid": "合同写“支付至”的比例不高于此前已付比例，按字面本期金额为零",
  "remainder-negative": "此前各期之和已超过合同总价，剩余金额为负",
};

export function rowView(row: ScheduleRow, index: number): ScheduleRowView {
  return defined({
    number: index + 1,
    key: row.key,
    label: row.label,
    clause: row.clause,
    basis: row.basis,
    share: row.share,
    amount: row.amount,
    capitals: row.capitals,
    trigger: row.trigger,
    dueDate: row.due.kind === "date" ? row.due.date : undefined,
    dueText: dueText(row.due, row.trigger),
    calendarSource: row.due.kind === "date" && row.due.calendarSources ? row.due.calendarSources.join("、") : undefined,
    month: row.month === undefined ? undefined : monthText(row.month),
    finalPerAudit: row.finalPerAudit,
    problem: row.problem === undefined ? undefined : (PROBLEMS[row.problem] ?? row.problem),
  }) as ScheduleRowView;
}

export const ScheduleView = z.strictObject({
  total: FenValue,
  sum: FenValue,
  balanced: z.boolean(),
  /** Monthly billing: rows are months. */
  monthly: z.boolean(),
  rows: z.array(ScheduleRowView),
});
export type ScheduleView = z.infer<typeof ScheduleView>;

export function scheduleView(schedule: Schedule): ScheduleView {
  return {
    total: schedule.total,
    sum: schedule.sum,
    balanced: schedule.balanced,
    monthly: schedule.rows.some((r) => r.month !== undefined),
    rows: schedule.rows.map(rowView),
  };
}

import type { WorkingDayCalendar } from "@qiyue/contract-model";
import { userPath } from "./paths.js";

// Light on purpose: the command modules (commands/) take the usage line from here, and `qiyue
// --help` must not load the model; the model is imported when a calendar is read.

/**
 * `--calendar FILE`, repeatable, on every command that counts working days: a year's holidays
 * and make-up working days from the State Council notice, for a year the built-in calendar does
 * not cover yet (one file a year; see the README, "Working days in a year not yet built in").
 */
export const CALENDAR_OPTION = { calendar: { type: "string", multiple: true } } as const;

/** The line each command's usage gives `--calendar`. */
export const CALENDAR_USAGE =
  "  --calendar 节假日安排.yaml  内置日历尚未包含的年份：该年国务院通知的放假日与调休上班日（每个文件一年，可给出多个）；\n" +
  "                             按它算出的日期注明“（按<通知>计算）”";

/** The calendar of the files given with `--calendar` (taken against `cwd`): the built-in data alone when none is. */
export async function calendarOption(files: readonly string[] | undefined, cwd: string): Promise<WorkingDayCalendar> {
  const { BUILT_IN_CALENDAR, loadWorkingDayCalendar } = await import("@qiyue/contract-model");
  if (files === undefined || files.length === 0) return BUILT_IN_CALENDAR;
  return loadWorkingDayCalendar(files.map((file) => userPath(cwd, file)));
}

import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue calendar`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "calendar",
  summary: "把合同的全部期限（付款、成果、验收、期满、续签决定、保密期满）导出为 iCalendar 日历文件",
  usage: [
    "qiyue calendar <合同.yaml>... [--events <事件记录.yaml>]... [--calendar 节假日安排.yaml]... --ics <输出.ics>",
    "  多份合同时，事件记录须写明所属合同（contract: <id>，events: [...]）",
    "  DTSTAMP 取环境变量 SOURCE_DATE_EPOCH（秒）；未设置时取输入中最晚的日期，输出只取决于输入",
    "  尚无法确定日期的期限（等待事件、节假日安排未公布）列在标准输出，不写入日历",
    CALENDAR_USAGE,
    "  退出码：0 成功；2 文件或参数无法使用",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/calendar.js")).run(argv, io),
};

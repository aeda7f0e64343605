import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue validate`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "validate",
  summary: "检查合同的一致性：比例合计、金额与大写、日期先后、签署页、违约金、续签规则等",
  usage: [
    "qiyue validate <合同.yaml>... [--calendar 节假日安排.yaml]... [--json]",
    CALENDAR_USAGE,
    "  退出码：0 无错误；1 有错误；2 文件无法读取为合同（或 --calendar 文件有误）",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/validate.js")).run(argv, io),
};

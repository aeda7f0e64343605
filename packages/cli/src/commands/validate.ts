import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue validate`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "validate",
  summary: "检查合同的一致性：比例合计、金额与大写、日期先后、签署页、违约金、续签规则等",
  usage: [
    "qiyue validate <合同.yaml>... [--calendar 节假日安排.yaml]... [--json]",
    CALENDAR_USAGE,
    "  草稿中的 【待填写…】【待确认…】 逐一列出（“尚有 N 处待填写、M 处待确认”），每处算一个错误",
    "  退出码：0 无错误；1 有错误（含尚未填写、确认之处）；2 文件无法读取为合同（或 --calendar 文件有误）",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/validate.js")).run(argv, io),
};

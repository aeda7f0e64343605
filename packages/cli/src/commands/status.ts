import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue status`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "status",
  summary: "合同现状：各期付款、成果提交、已发生的违约金、服务期 / 续签 / 保密期限",
  usage: [
    "qiyue status <合同.yaml> --events <事件记录.yaml> [--as-of YYYY-MM-DD] [--calendar 节假日安排.yaml]... [--json]",
    "  --as-of  截至日期，默认为北京时间今天；晚于该日的事件不计入",
    CALENDAR_USAGE,
    "  退出码：0 成功；2 文件或参数无法使用",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/status.js")).run(argv, io),
};

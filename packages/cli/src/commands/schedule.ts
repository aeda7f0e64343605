import { CALENDAR_USAGE } from "../calendar-option.js";
import type { Command } from "../command.js";

/** `qiyue schedule`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "schedule",
  summary: "付款计划：每期比例、计算金额、大写、触发条件与期限，并与合同所印金额和大写核对",
  usage: ["qiyue schedule <合同.yaml> [--calendar 节假日安排.yaml]... [--json]", CALENDAR_USAGE].join("\n"),
  run: async (argv, io) => (await import("../run/schedule.js")).run(argv, io),
};

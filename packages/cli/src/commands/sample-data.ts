import type { Command } from "../command.js";

/** `qiyue sample-data`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "sample-data",
  summary: "生成逼真的 12345 工单导出样例（默认中文表头；同一种子生成相同字节），供演示、测试与性能测试使用",
  usage: "qiyue sample-data --month YYYY-MM --orders N --seed S [--encoding utf8|gbk] [--format csv|xlsx] [--district 地区] --out 文件",
  run: async (argv, io) => (await import("../run/sample-data.js")).run(argv, io),
};

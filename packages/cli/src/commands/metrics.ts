import type { Command } from "../command.js";

/** `qiyue metrics`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "metrics",
  summary: "从 12345 工单导出文件计算当月指标：数量结构、三率与综合成绩、合同服务标准达成情况",
  usage: [
    "qiyue metrics --orders <工单.csv|xlsx>... [--month YYYY-MM] [--previous <文件>...] [--contract 合同.yaml]",
    "              [--mapping 列名映射.yaml] [--metrics-config 口径.yaml|beijing-0.1-0.5-0.4|beijing-0.3-0.35-0.35] [--lenient] [--json]",
    "  CSV（UTF-8 或 GBK，自动识别）或 XLSX；逐行流式读取，文件大小不受内存限制",
    "  有问题的行默认报错退出（退出码 2，给出文件、行、列和值）；--lenient 跳过并按原因计数",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/metrics.js")).run(argv, io),
};

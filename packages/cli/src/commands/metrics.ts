import type { Command } from "../command.js";
import { MAPPING_FILE_HELP } from "./mapping.js";

/** `qiyue metrics`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "metrics",
  summary: "从 12345 工单导出文件计算当月指标：数量结构、三率与综合成绩、合同服务标准达成情况",
  usage: [
    "qiyue metrics --orders <工单.csv|xlsx>... [--month YYYY-MM] [--previous <文件>...] [--contract 合同.yaml]",
    "              [--mapping 列名映射.yaml] [--metrics-config 口径.yaml|beijing-0.1-0.5-0.4|beijing-0.3-0.35-0.35] [--lenient] [--strict] [--json]",
    "  CSV（UTF-8 或 GBK，自动识别）或 XLSX；逐行流式读取，只读一遍，文件大小不受内存限制；--month 默认取受理工单最多的月份",
    "  有问题的行默认报错退出（退出码 2，给出文件、行、列和值）：引号不成对而无法拆分的行、列数与表头不符的行、无法识别的取值、",
    "    重复的工单编号；表头中同一列名出现两次也报错。--lenient 跳过这些行，按原因计数并逐行列出（读入工单数 = 数据行数 − 跳过行数）",
    "  指标所需的列（如满意度、主办单位、来源渠道）缺失，或在计入该指标的工单中超过 5% 为空时，在标准错误上警告并列入“数据说明”；",
    "    --strict 时此情况退出码为 1",
    "  --contract 按合同逐项计量服务标准，与月报同一口径",
    "  --mapping：导出文件的表头或写法与常见的不同时使用；qiyue mapping init 导出文件 生成初稿",
    MAPPING_FILE_HELP,
    "  退出码：0 成功；1 --strict 下有指标缺少数据；2 参数、文件或数据有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/metrics.js")).run(argv, io),
};

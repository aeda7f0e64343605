import type { Command } from "../command.js";

/** `qiyue penalty`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "penalty",
  summary: "计算一条违约金：写出基数、公式、上限与解除权，精确到分",
  usage: [
    "qiyue penalty <合同.yaml> --clause <条款> (--days N | --occurrences N) [--month YYYY-MM] [--amount 金额] [--rate 比例] [--json]",
    "  --days         迟延天数（按日计的条款）",
    "  --occurrences  发生次数（按次计的条款）",
    "  --month        月份，以当月服务费为基数时必填（按月计费的合同）",
    "  --amount       基数金额（元），如逾期应付款",
    "  --rate         比例区间条款选定的比例，如 20%",
    "  退出码：0 成功；2 条款不存在、缺少参数或文件无法使用",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/penalty.js")).run(argv, io),
};

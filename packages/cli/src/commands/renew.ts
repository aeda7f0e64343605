import type { Command } from "../command.js";

/** `qiyue renew`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "renew",
  summary: "续签：检查续签次数、总服务期限、金额增幅（以原合同金额为基数）和预算，全部通过后写出续签合同 YAML",
  usage: [
    "qiyue renew <合同.yaml> (--increase 10% | --amount 1943150) [--term 12m | --years 1] [--schedule 50/20/30] --out <续签.yaml> [--json]",
    "  --increase  按本期金额的增幅，须带百分号；--amount  新的合同金额（元）；两者给出且只给出一个",
    "  --term      续签服务期，如 12m（12 个月）、1y（1 年）；--years N 即 --term Ny；都不给出时与本期服务期等长，",
    "              新服务期自本期结束次日起算；原合同按日期约定的付款时间和期限随服务期顺延，顺延不了的标为【待确认】",
    "  --schedule  甲乙双方约定的各期付款比例（合计 100）；原合同的付款方式照搬会出现为零或无法确定的一期时必须给出，",
    "              否则不写出文件并说明原因",
    "  --out       续签合同写到哪个文件（所在目录须已存在；不能是输入文件本身）",
    "  退出码：0 全部通过并已写出；1 有上限未通过，或付款方式须用 --schedule 约定，未写出任何文件；2 参数或文件有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/renew.js")).run(argv, io),
};

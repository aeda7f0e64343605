import type { Command } from "../command.js";

/** `qiyue renew`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "renew",
  summary: "续签：检查续签次数、总服务期限、金额增幅（以原合同金额为基数）和预算，全部通过后写出续签合同 YAML",
  usage: [
    "qiyue renew <合同.yaml> (--increase 10% | --amount 1943150) [--years 1] --out <续签.yaml> [--json]",
    "  --increase  按本期金额的增幅，须带百分号；--amount  新的合同金额（元）；两者给出且只给出一个",
    "  --years     续签年限，默认 1 年；新服务期自本期结束次日起算",
    "  --out       续签合同写到哪个文件（所在目录须已存在；不能是输入文件本身）",
    "  退出码：0 全部通过并已写出；1 有上限未通过，未写出任何文件；2 参数或文件有误",
  ].join("\n"),
  run: async (argv, io) => (await import("../run/renew.js")).run(argv, io),
};

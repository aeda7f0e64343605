import type { Command } from "../command.js";

/** `qiyue amount`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "amount",
  summary: "金额与人民币大写互转；大写不合《正确填写票据和结算凭证的基本规定》时说明原因",
  usage: "qiyue amount <金额或大写>... [--json]\n  例：qiyue amount 1680.32 → 壹仟陆佰捌拾元零叁角贰分\n      qiyue amount 壹仟陆佰捌拾元叁角贰分 → 1680.32",
  run: async (argv, io) => (await import("../run/amount.js")).run(argv, io),
};

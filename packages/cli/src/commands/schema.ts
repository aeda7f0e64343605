import type { Command } from "../command.js";

/** `qiyue schema`: what it does and how it is called; the work is loaded only when it runs. */
export const command: Command = {
  name: "schema",
  summary: "输出合同 YAML 的 JSON Schema（编辑器据此补全和校验字段）",
  usage: "qiyue schema",
  run: async (argv, io) => (await import("../run/schema.js")).run(argv, io),
};

import { contractJsonSchema } from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";
import type { Command } from "../main.js";

/** The JSON Schema text exactly as committed under packages/contract-model/schema/. */
export function schemaText(): string {
  return `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
}

export const command: Command = {
  summary: "输出合同 YAML 的 JSON Schema（编辑器据此补全和校验字段）",
  usage: "qiyue schema",
  async run(argv: string[], io: Io) {
    const { positionals } = parseArgs(argv, {});
    if (positionals.length > 0) throw usageError("schema 不接受参数");
    io.stdout(schemaText());
    return 0;
  },
};

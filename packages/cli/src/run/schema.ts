import { contractJsonSchema } from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";

/** The JSON Schema text exactly as committed under packages/contract-model/schema/. */
export function schemaText(): string {
  return `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
}

/** Runs `qiyue schema` (see ../commands/schema.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length > 0) throw usageError("schema 不接受参数");
  io.stdout(schemaText());
  return 0;
}

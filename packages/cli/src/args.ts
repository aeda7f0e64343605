import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";
import { usageError } from "./exit.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What parseArgs returns for the options `O`. */
export type ParsedArgs<O extends Options> = ReturnType<typeof nodeParseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** node:util parseArgs with strict checking and Chinese messages. */
export function parseArgs<O extends Options>(argv: string[], options: O): ParsedArgs<O> {
  try {
    return nodeParseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw usageError(`未知选项 ${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(msg);
    if (missing) throw usageError(`选项 ${missing[1]} 需要一个值`);
    throw usageError(msg);
  }
}

import { fenToDecimal, formatCapitals, formatYuan, parseCapitals, parseYuan } from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { ExitCode, usageError } from "../exit.js";
import type { Io } from "../io.js";

export type AmountResult =
  | { ok: true; direction: "to-capitals"; fen: number; figure: string; capitals: string }
  | { ok: true; direction: "to-figure"; fen: number; figure: string; capitals: string }
  | { ok: false; input: string; reason: string };

/** Figures become capitals; capitals become figures. Pure: no argv, no output. */
export function convertAmount(input: string): AmountResult {
  const text = input.trim();
  if (/^[¥￥]?[\d,]+(\.\d+)?元?$/.test(text)) {
    const r = parseYuan(text);
    if (!r.ok) return { ok: false, input, reason: r.reason };
    return { ok: true, direction: "to-capitals", fen: r.value, figure: fenToDecimal(r.value), capitals: formatCapitals(r.value) };
  }
  const r = parseCapitals(text);
  if (!r.ok) return { ok: false, input, reason: r.reason };
  return { ok: true, direction: "to-figure", fen: r.fen, figure: fenToDecimal(r.fen), capitals: r.canonical };
}

/** Runs `qiyue amount` (see ../commands/amount.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, { json: { type: "boolean" } });
  if (positionals.length === 0) throw usageError("请给出金额或大写金额");
  const results = positionals.map(convertAmount);
  if (values.json) {
    io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (!r.ok) io.stderr(`“${r.input}”：${r.reason}\n`);
      else if (r.direction === "to-capitals") io.stdout(`${r.capitals}\n`);
      else io.stdout(`${r.figure}${positionals.length > 1 ? `\t${formatYuan(r.fen)}` : ""}\n`);
    }
  }
  return results.every((r) => r.ok) ? ExitCode.ok : ExitCode.failed;
}

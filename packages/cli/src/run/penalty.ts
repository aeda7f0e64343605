import { computePenalty, formatYuan, loadContract, type PenaltyCalculation, type PenaltyInput, parsePercent, parseYuan, requireComputable } from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";

function count(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw usageError(`${option} 应为非负整数，收到“${text}”`);
  return Number(text);
}

/** The penalty input from the command-line options. */
export function penaltyInput(values: { days?: string; occurrences?: string; month?: string; amount?: string; rate?: string }): PenaltyInput {
  const input: PenaltyInput = {};
  const days = count(values.days, "--days");
  const occurrences = count(values.occurrences, "--occurrences");
  if (days !== undefined && occurrences !== undefined) throw usageError("--days 与 --occurrences 只能给出一个");
  if (days !== undefined) input.days = days;
  if (occurrences !== undefined) input.occurrences = occurrences;
  if (values.month !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw usageError(`--month 应写作 YYYY-MM，收到“${values.month}”`);
    input.month = values.month;
  }
  if (values.amount !== undefined) {
    const r = parseYuan(values.amount);
    if (!r.ok) throw usageError(`--amount：${r.reason}`);
    input.amount = r.value;
  }
  if (values.rate !== undefined) {
    const r = parsePercent(values.rate);
    if (!r.ok) throw usageError(`--rate：${r.reason}`);
    input.rate = r.value;
  }
  return input;
}

export function formatPenalty(c: PenaltyCalculation): string {
  const result = c.computable
    ? `结果：${formatYuan(c.amount)} 元`
    : c.range
      ? `结果：${formatYuan(c.range.min)} 元至 ${formatYuan(c.range.max)} 元，须选定比例（--rate）`
      : "结果：本条没有可计算的金额";
  return `${c.steps.join("\n")}\n\n${result}\n`;
}

/** Runs `qiyue penalty` (see ../commands/penalty.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    clause: { type: "string" },
    days: { type: "string" },
    occurrences: { type: "string" },
    month: { type: "string" },
    amount: { type: "string" },
    rate: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw usageError("请给出一个合同文件");
  if (values.clause === undefined) throw usageError("请用 --clause 给出违约条款编号，如 --clause 8.3");
  const input = penaltyInput(values);
  const contract = requireComputable(await loadContract(positionals[0]!));
  const calculation = computePenalty(contract, values.clause, input);
  if (values.json) io.stdout(`${JSON.stringify({ file: positionals[0], input, ...calculation }, null, 2)}\n`);
  else io.stdout(formatPenalty(calculation));
  return 0;
}

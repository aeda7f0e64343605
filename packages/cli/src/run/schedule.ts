import {
  calendarNote,
  chineseDate,
  computeSchedule,
  type DueDate,
  describeCondition,
  formatClause,
  formatPercent,
  formatYuan,
  loadContract,
  type Schedule,
} from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { CALENDAR_OPTION, calendarOption } from "../calendar-option.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";

function dueText(d: DueDate): string {
  switch (d.kind) {
    case "date":
      return `${chineseDate(d.date)}${calendarNote(d.calendarSources)}`;
    case "waiting":
      return d.on.length ? `待：${d.on.map(describeCondition).join("、")}` : "待触发";
    case "unknown-calendar":
      return `无法计算（${d.message}）`;
    case "recurring":
      return "按月";
    case "no-deadline":
      return `合同未约定付款期限（付款条件已于${chineseDate(d.since)}成就）`;
  }
}

const CHECK = { match: "✓ 一致", "not-printed": "—", mismatch: "✗ 不符", invalid: "✗ 不合规" } as const;

export function formatSchedule(file: string, s: Schedule): string {
  const out: string[] = [`${file}`, `合同总价 ${formatYuan(s.total)} 元`, ""];
  for (const r of s.rows) {
    out.push(`第 ${r.key} 期${r.label ? `（${r.label}）` : ""}${r.clause ? ` ${formatClause(r.clause)}` : ""}`);
    out.push(`  比例：${r.basis}${r.share !== undefined && r.basis !== formatPercent(r.share) ? `（实为 ${formatPercent(r.share)}）` : ""}`);
    out.push(`  金额：${formatYuan(r.amount)} 元  ${r.capitals}${r.finalPerAudit ? "（以审计 / 评审金额为准）" : ""}`);
    out.push(`  条件：${r.trigger}`);
    out.push(`  应付日期：${dueText(r.due)}`);
    if (r.printed?.amount !== undefined) out.push(`  合同所印金额：${formatYuan(r.printed.amount)} 元 ${CHECK[r.amountCheck.status]}`);
    if (r.printed?.capitals !== undefined) {
      const c = r.capitalsCheck;
      out.push(`  合同所印大写：${r.printed.capitals} ${CHECK[c.status]}${c.status === "invalid" ? `：${c.reason}` : ""}`);
    }
    if (r.problem === "cumulative-below-paid") out.push("  ✗ “支付至”的比例不高于已付比例，按字面本期为零");
  }
  out.push("");
  out.push(`合计 ${formatYuan(s.sum)} 元${s.balanced ? "，与合同总价一致" : `，与合同总价相差 ${formatYuan(Math.abs(s.total - s.sum))} 元`}`);
  return `${out.join("\n")}\n`;
}

/** Runs `qiyue schedule` (see ../commands/schedule.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, { json: { type: "boolean" }, ...CALENDAR_OPTION });
  if (positionals.length !== 1) throw usageError("请给出一个合同文件");
  const file = positionals[0]!;
  const calendar = await calendarOption(values.calendar, io.cwd);
  const { contract } = await loadContract(file);
  const schedule = computeSchedule(contract, {}, calendar);
  if (values.json) io.stdout(`${JSON.stringify({ file, ...schedule }, null, 2)}\n`);
  else io.stdout(formatSchedule(file, schedule));
  return 0;
}

import {
  type Contract,
  calendarNote,
  chineseDate,
  citeClause,
  clauseName,
  contractStatus,
  DATE_RANGE,
  type DeliverableStatus,
  FREQUENCY_NAMES,
  formatYuan,
  type IncurredPenalty,
  isDateInRange,
  type InstallmentStatus,
  isValidIsoDate,
  loadContract,
  type Issue,
  loadEvents,
  requireComputable,
  type Status,
  type WorkingDayCalendar,
} from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { CALENDAR_OPTION, calendarOption } from "../calendar-option.js";
import { usageError } from "../exit.js";
import { formatWarning } from "../warnings.js";
import type { Io } from "../io.js";
import { shanghaiDate } from "../today.js";

/** Today's civil date in Beijing (Asia/Shanghai), whatever the process time zone. */

export interface StatusRequest {
  file: string;
  eventsFile: string;
  /** YYYY-MM-DD: the day of the status, decided once by the caller. */
  asOf: string;
  /** The calendar working days are counted with; the built-in data when absent. */
  calendar?: WorkingDayCalendar;
}

export interface StatusResult {
  contract: Contract;
  status: Status;
  /** Where the ledger contradicts itself or the schedule, at its lines (see LoadedEvents.warnings). */
  warnings: Issue[];
}

/** Loads the contract and its ledger (checked against each other) and computes the status on `asOf`. */
export async function statusOf({ file, eventsFile, asOf, calendar }: StatusRequest): Promise<StatusResult> {
  const contract = requireComputable(await loadContract(file));
  const { events, warnings } = await loadEvents(eventsFile, { contract });
  return { contract, status: contractStatus(contract, events, asOf, calendar), warnings };
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;
const indent = (lines: readonly string[], by = "      ") => lines.map((l) => `${by}${l}`);

function installmentLines(i: InstallmentStatus): string[] {
  const name = `第 ${i.key} 期${i.label && !i.month ? `（${i.label}）` : ""}`;
  const period = i.month ? `（${chineseDate(i.month.start)}至${chineseDate(i.month.end)}）` : "";
  const head = `${name}${period} ${yuan(i.amount)}`;
  const due = `应付日期：${i.dueText}`;
  const paid = i.payments.map(
    (p) => `${chineseDate(p.date)}收到 ${yuan(p.amount)}${p.deducted > 0 ? `，扣除违约金 ${yuan(p.deducted)}` : ""}`,
  );
  const lines: string[] = [];
  switch (i.state) {
    case "nothing-due":
      lines.push(`  —  ${head}：本期金额为零`);
      break;
    case "paid":
      lines.push(`  ✓  ${head}：已付清`);
      break;
    case "paid-late":
      lines.push(`  ✓  ${head}：已付清，逾期 ${i.paidLateDays} 天`);
      break;
    case "overdue":
      lines.push(`  ✗  ${head}：【逾期 ${i.overdueDays} 天】未付 ${yuan(i.outstanding)}`);
      break;
    case "due":
      lines.push(`  ·  ${head}：${i.daysLeft === 0 ? "今日到期" : `${i.daysLeft} 天后到期`}，未付 ${yuan(i.outstanding)}`);
      break;
    case "waiting":
      lines.push(`  …  ${head}：等待付款条件`);
      break;
    case "payable":
      lines.push(`  ·  ${head}：付款条件已成就，可申请付款，未付 ${yuan(i.outstanding)}（合同未约定付款期限，不计逾期）`);
      break;
    case "unknown-calendar":
      lines.push(`  ?  ${head}：应付日期无法计算`);
      break;
  }
  lines.push(`      ${due}`);
  if (i.invoice) lines.push(`      发票：${chineseDate(i.invoice.date)}开具${i.invoice.amount !== undefined ? ` ${yuan(i.invoice.amount)}` : ""}`);
  lines.push(...indent(paid));
  lines.push(...indent(i.notes));
  if (i.latePenalty) {
    lines.push(`      逾期付款违约金：${yuan(i.latePenalty.amount)}${i.latePenalty.ongoing ? "（仍在累计）" : ""}`);
    lines.push(...indent(i.latePenalty.steps, "        "));
  }
  return lines;
}

function deliverableLines(d: DeliverableStatus): string[] {
  const head = `${d.name}（${FREQUENCY_NAMES[d.frequency]}${d.clause ? `，${citeClause(d.clause)}` : ""}）`;
  if (d.frequency === "once") return [onceLine(head, d), `      期限规则：${d.rule}`];
  if (d.frequency === "on-request") {
    return [`  ·  ${head}：按甲方要求提交${d.submissions.length > 0 ? `，已记录提交 ${d.submissions.length} 次` : ""}`];
  }
  const c = d.counts;
  const bad = c.late + c.missing;
  const next = d.next
    ? d.next.due.kind === "date"
      ? `；下一期 ${d.next.key === "once" ? "" : d.next.key} 应于${chineseDate(d.next.due.date)}前提交${calendarNote(d.next.due.calendarSources)}`
      : `；下一期 ${d.next.key} 的期限无法计算（${d.next.due.message}）`
    : "";
  const lines: string[] = [];
  if (!d.tracked) {
    const due = c["not-recorded"];
    lines.push(`  ·  ${head}：事件记录中没有提交记录，未判断是否逾期${due > 0 ? `（已到期 ${due} 期）` : ""}${next}`);
  } else {
    const summary = [`按期 ${c["on-time"]} 期`, ...(c.late ? [`逾期提交 ${c.late} 期`] : []), ...(c.missing ? [`逾期未交 ${c.missing} 期`] : [])];
    lines.push(`  ${bad > 0 ? "✗" : "✓"}  ${head}：${summary.join("，")}${next}`);
  }
  lines.push(`      期限规则：${d.rule}`);
  const problems = d.periods.filter((p) => p.state === "late" || p.state === "missing" || p.state === "unknown-calendar");
  for (const p of problems.slice(0, 10)) {
    const period = p.key === "once" ? "" : `${p.key} 期 `;
    if (p.state === "unknown-calendar") lines.push(`      ?  ${period}期限无法计算：${p.due.kind === "unknown-calendar" ? p.due.message : ""}`);
    else if (p.due.kind === "date") {
      lines.push(
        p.state === "late"
          ? `      ✗  ${period}应于${chineseDate(p.due.date)}前提交${calendarNote(p.due.calendarSources)}，${chineseDate(p.submitted!)}提交，逾期 ${p.daysLate} 天`
          : `      ✗  ${period}应于${chineseDate(p.due.date)}前提交${calendarNote(p.due.calendarSources)}，【逾期 ${p.daysLate} 天】未提交`,
      );
    }
  }
  if (problems.length > 10) lines.push(`      …… 另有 ${problems.length - 10} 期`);
  return lines;
}

function onceLine(head: string, d: DeliverableStatus): string {
  const p = d.periods[0];
  if (!p) return `  ·  ${head}`;
  const due = p.due.kind === "date" ? `应于${chineseDate(p.due.date)}前提交${calendarNote(p.due.calendarSources)}` : `期限无法计算（${p.due.message}）`;
  switch (p.state) {
    case "on-time":
      return `  ✓  ${head}：${chineseDate(p.submitted!)}已提交`;
    case "late":
      return `  ✗  ${head}：${due}，${chineseDate(p.submitted!)}提交，逾期 ${p.daysLate} 天`;
    case "missing":
      return `  ✗  ${head}：${due}，【逾期 ${p.daysLate} 天】未提交`;
    default:
      return `  ·  ${head}：${due}${p.submitted ? `，${chineseDate(p.submitted)}已提交` : ""}`;
  }
}

function penaltyLines(p: IncurredPenalty): string[] {
  const opened = p.termination.some((t) => t.opened) ? " 【解除权已产生】" : "";
  const amount = p.computable ? yuan(p.amount) : p.calculation?.range ? `${yuan(p.calculation.range.min)}至 ${yuan(p.calculation.range.max)}（比例待定）` : "无法计算";
  const clause = p.clause ? clauseName({ clause: p.clause, title: p.title }) : "无适用条款";
  return [`  ✗  ${clause}：${p.what} → ${amount}${opened}`, ...indent(p.steps.slice(1))];
}

/** The status in Chinese sections: 付款, 成果, 违约金, 期限; overdue items marked ✗. */
export function formatStatus(s: Status): string {
  const out: string[] = [];
  out.push(`【${s.contract.shortName}】${s.contract.title}（${s.contract.id}）`);
  out.push(`截至${chineseDate(s.asOf)}，合同总价 ${yuan(s.contract.total)}`);
  if (s.laterEvents > 0) out.push(`（事件记录中有 ${s.laterEvents} 条晚于截至日，未计入）`);
  out.push("", "付款");
  for (const i of s.installments) out.push(...installmentLines(i));
  out.push("", "成果");
  if (s.deliverables.length === 0) out.push("  合同未列出成果");
  for (const d of s.deliverables) out.push(...deliverableLines(d));
  out.push("", "违约金");
  if (s.penalties.length === 0) out.push("  事件记录中没有引起违约金的事件");
  for (const p of s.penalties) out.push(...penaltyLines(p));
  for (const t of s.totals) out.push(`  ${t.text}`);
  const d = s.deductionsForNextPayment;
  if (d.total > 0 || d.alreadyDeducted > 0) {
    out.push("  下次请款可扣除的违约金：");
    out.push(...indent(d.lines, "    "));
  }
  out.push("", "期限");
  out.push(`  服务期：${s.term.text}`);
  if (s.acceptance) out.push(`  验收：${s.acceptance.text}`);
  out.push(`  续签：${s.renewal.text}`);
  if (s.confidentiality) out.push(`  保密：${s.confidentiality.text}`);
  return `${out.join("\n")}\n`;
}

/** `qiyue status`, with the clock read once, here, when --as-of is not given. */
export async function runStatus(argv: string[], io: Io, now: Date): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    events: { type: "string" },
    "as-of": { type: "string" },
    json: { type: "boolean" },
    ...CALENDAR_OPTION,
  });
  if (positionals.length !== 1) throw usageError("请给出一个合同文件");
  if (values.events === undefined) throw usageError("请用 --events 给出事件记录文件");
  const asOf = values["as-of"] ?? shanghaiDate(now);
  if (!isValidIsoDate(asOf)) throw usageError(`--as-of 应为 YYYY-MM-DD 格式的日期，收到“${asOf}”`);
  if (!isDateInRange(asOf)) throw usageError(`--as-of 应在 ${DATE_RANGE.first} 至 ${DATE_RANGE.last} 之间，收到“${asOf}”`);
  const file = positionals[0]!;
  const calendar = await calendarOption(values.calendar, io.cwd);
  const { status, warnings } = await statusOf({ file, eventsFile: values.events, asOf, calendar });
  for (const warning of warnings) io.stderr(`qiyue: ${formatWarning(warning)}\n`);
  if (values.json) io.stdout(`${JSON.stringify({ file, events: values.events, ...status, warnings }, null, 2)}\n`);
  else io.stdout(formatStatus(status));
  return 0;
}

/** Runs `qiyue status` on today's date (see ../commands/status.ts for its summary and usage). */
export function run(argv: string[], io: Io): Promise<number> {
  return runStatus(argv, io, new Date());
}

export { shanghaiDate };

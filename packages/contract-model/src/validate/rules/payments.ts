import { calendarCoverage, calendarKnowsYear } from "../../calendar/index.js";
import { formatClause } from "../../clauses/index.js";
import { formatPercent, formatYuan } from "../../money/index.js";
import { setsPaymentTime } from "../../schedule/deadline.js";
import { describeTrigger } from "../../schedule/describe.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";
import { capitalsFindings } from "./money.js";

const installmentPath = (i: number) => ["payments", "installments", i] as const;

export const scheduleBalance: Rule = ({ contract, schedule }) => {
  if (schedule.balanced) return [];
  const audited = contract.payments.installments.some((i) => i.finalPerAudit);
  const diff = schedule.total - schedule.sum;
  return [
    finding(
      "PAYMENT_SHARES_SUM",
      audited ? "warning" : "error",
      ["payments", "installments"],
      `各期付款合计 ${formatYuan(schedule.sum)} 元，与合同总价 ${formatYuan(schedule.total)} 元${diff > 0 ? "少" : "多"} ${formatYuan(Math.abs(diff))} 元`,
    ),
  ];
};

export const installmentWording: Rule = ({ contract, schedule }) => {
  const out: RuleFinding[] = [];
  const list = contract.payments.installments;
  list.forEach((inst, i) => {
    const row = schedule.rows.find((r) => r.key === String(inst.id));
    const b = inst.basis;
    if (row?.problem === "cumulative-below-paid" && b.kind === "cumulative-share") {
      const paidShare = row && schedule.total > 0 ? formatPercent(Math.round((row.amount === 0 ? paidBefore(schedule, inst.id) : 0) * 1e6 / schedule.total)) : "";
      out.push(
        finding(
          "PAYMENT_CUMULATIVE_BELOW_PAID",
          "error",
          [...installmentPath(i), "basis", "upTo"],
          `第 ${inst.id} 期写“支付至合同总额的 ${formatPercent(b.upTo)}”，但此前各期已支付 ${paidShare}：按字面本期应付为零或负数。原意可能是“支付合同总额的 ${formatPercent(b.upTo)}”或“支付至 ${formatPercent(b.upTo + sharePaid(schedule, inst.id))}”，需与对方书面确认`,
        ),
      );
    }
    if (row?.problem === "remainder-negative") {
      out.push(finding("PAYMENT_REMAINDER_NEGATIVE", "error", [...installmentPath(i), "basis"], `第 ${inst.id} 期“剩余金额”为负：前面各期已超过合同总价`));
    }
    if (row && inst.printed?.amount !== undefined && row.amountCheck.status === "mismatch") {
      out.push(
        finding(
          "PAYMENT_AMOUNT_MISMATCH",
          "error",
          [...installmentPath(i), "printed", "amount"],
          `第 ${inst.id} 期印的金额 ${formatYuan(inst.printed.amount)} 元，按${row.basis}计算应为 ${formatYuan(row.amount)} 元`,
        ),
      );
    }
    if (row && inst.printed?.capitals !== undefined) {
      const figure = inst.printed.amount ?? row.amount;
      out.push(...capitalsFindings(inst.printed.capitals, figure, [...installmentPath(i), "printed", "capitals"], `第 ${inst.id} 期金额`));
    }
    if (b.kind === "remainder" && inst.printed?.amount === undefined && row) {
      out.push(
        finding("PAYMENT_REMAINDER_UNSTATED", "info", installmentPath(i), `第 ${inst.id} 期为剩余金额，合同未写明数额；按计划为 ${formatYuan(row.amount)} 元`),
      );
    }
    for (const [k, c] of inst.trigger.entries()) {
      if (c.event === "other") {
        out.push(
          finding("PAYMENT_SOFT_CONDITION", "warning", [...installmentPath(i), "trigger", k], `第 ${inst.id} 期的付款条件“${c.text}”无法客观判断是否成就，容易引起争议`),
        );
      }
    }
  });
  const ids = list.map((i) => i.id);
  if (ids.some((id, k) => id !== k + 1)) {
    out.push(finding("PAYMENT_IDS", "warning", ["payments", "installments"], `各期编号应依次为 1、2、3……，实际为 ${ids.join("、")}`));
  }
  return out;
};

function sharePaid(schedule: { rows: { id: number; share: number | undefined }[] }, id: number): number {
  return schedule.rows.filter((r) => r.id < id).reduce((s, r) => s + (r.share ?? 0), 0);
}

function paidBefore(schedule: { rows: { id: number; amount: number }[] }, id: number): number {
  return schedule.rows.filter((r) => r.id < id).reduce((s, r) => s + r.amount, 0);
}

export const paymentDates: Rule = ({ contract, schedule, calendar }) => {
  const out: RuleFinding[] = [];
  const { lastYear } = calendarCoverage();
  contract.payments.installments.forEach((inst, i) => {
    for (const [k, c] of inst.trigger.entries()) {
      const d = c.event === "by-date" ? c.date : c.event === "in-month" ? `${c.month}-01` : undefined;
      if (d === undefined) continue;
      if (d < contract.term.start.slice(0, 8) + "01" && contract.signing.date && d < contract.signing.date) {
        out.push(finding("PAYMENT_DATE_BEFORE_SIGNING", "error", [...installmentPath(i), "trigger", k], `第 ${inst.id} 期的付款时间 ${d} 早于签订日期`));
      }
      if (d > contract.term.end) {
        out.push(finding("PAYMENT_DATE_AFTER_TERM", "warning", [...installmentPath(i), "trigger", k], `第 ${inst.id} 期的付款时间 ${d} 晚于服务期结束日 ${contract.term.end}`));
      }
    }
    if (inst.offset?.unit === "working") {
      const row = schedule.rows.find((r) => r.id === inst.id && r.due.kind === "unknown-calendar");
      const year = row?.due.kind === "unknown-calendar" ? row.due.year : latestPossibleYear(contract, inst.trigger);
      if (year !== undefined && year > lastYear && !calendarKnowsYear(calendar, year)) {
        out.push(
          finding(
            "DEADLINE_UNKNOWN_CALENDAR",
            "info",
            [...installmentPath(i), "offset"],
            `第 ${inst.id} 期按工作日计算的期限可能落在 ${year} 年，而该年的法定节假日安排尚未公布（现有日历数据到 ${lastYear} 年）；届时需按国务院公布的安排计算（公布后可用 --calendar 提供该年的安排）`,
          ),
        );
      }
    }
  });
  return out;
};

export const paymentDeadlines: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  if (contract.payments.payWithinAfterNotice) return out;
  contract.payments.installments.forEach((inst, i) => {
    if (setsPaymentTime(inst)) return;
    if (inst.trigger.some((c) => c.event !== "other")) {
      out.push(
        finding(
          "PAYMENT_NO_DEADLINE",
          "warning",
          installmentPath(i),
          `第 ${inst.id} 期只写了付款条件“${describeTrigger(inst.trigger, undefined)}”，没有约定条件成就后多少日内付款，逾期无从认定`,
        ),
      );
    }
  });
  return out;
};

export const excusedLatePayment: Rule = ({ contract }) => {
  const excuse = contract.payments.delayExcused;
  if (!excuse) return [];
  const out: RuleFinding[] = [];
  contract.penalties.forEach((p, i) => {
    if ((p.payer === "client" || p.payer === "either") && "base" in p && p.base === "overdue-amount") {
      out.push(
        finding(
          "LATE_PAYMENT_PENALTY_EXCUSED",
          "warning",
          ["penalties", i],
          `${formatClause(p.clause)}约定甲方逾期付款的违约金，但合同另有“${excuse.trim().slice(0, 40)}……”的免责约定；因财政拨款延迟的逾期实际上不承担违约金，两条需对照理解`,
        ),
      );
    }
  });
  return out;
};

/** The year in which a trigger made of events tied to the term (acceptance, audit, term end) would typically fall. */
function latestPossibleYear(contract: { term: { end: string } }, trigger: readonly { event: string }[]): number | undefined {
  if (trigger.some((c) => c.event === "month-billed")) return Number(contract.term.end.slice(0, 4));
  const late = trigger.some((c) => ["acceptance-passed", "audit-completed", "term-ended"].includes(c.event));
  return late ? Number(contract.term.end.slice(0, 4)) : undefined;
}

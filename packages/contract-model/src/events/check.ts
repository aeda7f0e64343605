/** Checks a ledger against its contract: the installments, deliverables and periods it names exist. */
import { compareDates } from "../calendar/index.js";
import { PERIOD_OF } from "../deliverables/due.js";
import { parsePeriod } from "../deliverables/periods.js";
import { computeSchedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { LedgerEvent } from "./schema.js";

export interface EventProblem {
  code: string;
  message: string;
  /** The event, or undefined for the file's `contract` key. */
  index: number | undefined;
  field?: string;
}

const PERIOD_EXAMPLE = { day: "2026-04-03", week: "2026-W15", month: "2026-04", quarter: "2026-Q2", year: "2026" } as const;
const PERIOD_NAME = { day: "日", week: "周", month: "月", quarter: "季度", year: "年" } as const;

export function checkEvents(loaded: { contract: string | undefined; events: readonly LedgerEvent[] }, contract: Contract): EventProblem[] {
  const out: EventProblem[] = [];
  if (loaded.contract !== undefined && loaded.contract !== contract.id) {
    out.push({
      code: "EVENTS_CONTRACT_MISMATCH",
      message: `事件记录属于合同“${loaded.contract}”，不是“${contract.id}”`,
      index: undefined,
    });
  }
  const keys = computeSchedule(contract).rows.map((r) => r.key);
  const deliverables = new Map(contract.deliverables.map((d) => [d.id, d]));
  loaded.events.forEach((e, index) => {
    if ((e.event === "payment-received" || e.event === "invoice-issued") && e.installment !== undefined) {
      if (!keys.includes(e.installment)) {
        const monthly = keys.some((k) => k.startsWith(`${e.installment}/`));
        out.push({
          code: "EVENT_INSTALLMENT_UNKNOWN",
          message: monthly
            ? `第 ${e.installment} 期按月付款，请写明第几个月，如 ${e.installment}/1（可用：${keys[0]} … ${keys[keys.length - 1]}）`
            : `合同中没有第 ${e.installment} 期付款（合同的期次：${keys.join("、")}）`,
          index,
          field: "installment",
        });
      }
    }
    if (e.event === "deliverable-submitted") {
      const d = deliverables.get(e.deliverable);
      if (!d) {
        out.push({
          code: "EVENT_DELIVERABLE_UNKNOWN",
          message: `合同中没有 id 为“${e.deliverable}”的成果（合同的成果：${[...deliverables.keys()].join("、") || "无"}）`,
          index,
          field: "deliverable",
        });
        return;
      }
      const kind = PERIOD_OF[d.frequency];
      if (kind === undefined) return;
      const period = e.period === undefined ? undefined : parsePeriod(e.period);
      if (!period) {
        out.push({
          code: "EVENT_PERIOD_MISSING",
          message: `“${d.name}”按${PERIOD_NAME[kind]}提交，请写明期间（period），如 ${PERIOD_EXAMPLE[kind]}`,
          index,
        });
      } else if (period.kind !== kind) {
        out.push({
          code: "EVENT_PERIOD_KIND",
          message: `“${d.name}”按${PERIOD_NAME[kind]}提交，期间应写作如 ${PERIOD_EXAMPLE[kind]}，收到“${period.key}”`,
          index,
          field: "period",
        });
      } else if (
        // a term that ends before it starts is the contract's mistake (requireComputable), not the ledger's
        compareDates(contract.term.start, contract.term.end) <= 0 &&
        (compareDates(period.end, contract.term.start) < 0 || compareDates(period.start, contract.term.end) > 0)
      ) {
        out.push({
          code: "EVENT_PERIOD_OUTSIDE_TERM",
          message: `期间 ${period.key}（${period.start} 至 ${period.end}）不在服务期 ${contract.term.start} 至 ${contract.term.end} 内`,
          index,
          field: "period",
        });
      }
    }
  });
  return out;
}

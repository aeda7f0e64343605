/**
 * A ledger that contradicts itself or its contract: an installment paid more than once or
 * beyond its amount, acceptance or termination before the contract was signed, a contract
 * signed or terminated twice. Each is a warning at the event's line (the events may still be
 * right, say a correction entered as a second payment), never a silent figure in a status.
 */
import { formatYuan } from "../money/index.js";
import { computeSchedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { EventProblem } from "./check.js";
import type { LedgerEvent } from "./schema.js";

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** Events that cannot come before the contract is signed. */
const AFTER_SIGNING: ReadonlySet<LedgerEvent["event"]> = new Set(["acceptance-passed", "audit-completed", "renewal-signed", "terminated", "payment-received"]);

const NAMES: Partial<Record<LedgerEvent["event"], string>> = {
  "acceptance-passed": "验收合格",
  "audit-completed": "结算评审完成",
  "renewal-signed": "签订续签合同",
  terminated: "合同解除",
  "payment-received": "收到付款",
};

/** The warnings of a ledger read alone; with its contract, the payments are checked against the schedule too. */
export function ledgerWarnings(events: readonly LedgerEvent[], contract?: Contract): EventProblem[] {
  const out: EventProblem[] = [];
  // events are taken in date order (the order written breaks ties)
  const order = events.map((e, index) => ({ e, index })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.index - b.index));
  const firstSigned = order.find(({ e }) => e.event === "signed");
  const signedOn = firstSigned?.e.date ?? contract?.signing.date;
  let terminated: LedgerEvent | undefined;
  for (const { e, index } of order) {
    if (e.event === "signed" && firstSigned !== undefined && index !== firstSigned.index) {
      out.push({ code: "EVENT_SIGNED_TWICE", message: `合同已于 ${firstSigned.e.date} 签订，此处又记录一次签订（重复记录？）`, index });
    }
    if (e.event === "terminated") {
      if (terminated !== undefined) {
        out.push({ code: "EVENT_TERMINATED_TWICE", message: `合同已于 ${terminated.date} 解除，此处又记录一次解除（重复记录？）`, index });
      } else terminated = e;
    }
    if (signedOn !== undefined && AFTER_SIGNING.has(e.event) && e.date < signedOn) {
      const where = firstSigned !== undefined ? "事件记录中的签订日" : "合同的签订日期";
      out.push({ code: "EVENT_BEFORE_SIGNING", message: `${NAMES[e.event] ?? e.event}（${e.date}）早于${where} ${signedOn}`, index, field: "date" });
    }
  }
  if (contract !== undefined) out.push(...paymentWarnings(order, contract));
  return out.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

function paymentWarnings(order: readonly { e: LedgerEvent; index: number }[], contract: Contract): EventProblem[] {
  const out: EventProblem[] = [];
  const rows = computeSchedule(contract).rows;
  const amounts = new Map(rows.map((r) => [r.key, r.amount]));
  // an audit that settles the total settles the last installment “as audited”
  const audited = [...order].reverse().find(({ e }) => e.event === "audit-completed" && e.amount !== undefined)?.e;
  if (audited?.event === "audit-completed" && audited.amount !== undefined) {
    const final = rows.find((r) => r.finalPerAudit);
    if (final !== undefined) amounts.set(final.key, audited.amount - rows.filter((r) => r !== final).reduce((sum, r) => sum + r.amount, 0));
  }
  const paid = new Map<string, { total: number; fullOn?: string }>();
  for (const { e, index } of order) {
    if (e.event !== "payment-received") continue;
    const due = amounts.get(e.installment);
    if (due === undefined) continue; // an unknown installment is an error (check.ts)
    const sofar = paid.get(e.installment) ?? { total: 0 };
    const covered = e.amount + (e.deducted ?? 0);
    const total = sofar.total + covered;
    if (sofar.fullOn !== undefined) {
      out.push({
        code: "EVENT_PAYMENT_REPEATED",
        message: `第 ${e.installment} 期（${yuan(due)}）已于 ${sofar.fullOn} 付清，此处又收到 ${yuan(e.amount)}（重复记录？）；累计 ${yuan(total)}`,
        index,
        field: "amount",
      });
    } else if (total > due) {
      out.push({
        code: "EVENT_PAYMENT_EXCEEDS",
        message: `第 ${e.installment} 期应付 ${yuan(due)}，${sofar.total > 0 ? `连同此前的 ${yuan(sofar.total)}，` : ""}累计收到 ${yuan(total)}，多出 ${yuan(total - due)}（金额写错？）`,
        index,
        field: "amount",
      });
    }
    paid.set(e.installment, { total, ...(sofar.fullOn !== undefined ? { fullOn: sofar.fullOn } : total >= due ? { fullOn: e.date } : {}) });
  }
  return out;
}

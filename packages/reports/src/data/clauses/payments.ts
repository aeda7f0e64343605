import { type Contract, formatPercent, type ScheduleRow } from "@qiyue/contract-model";
import { defined, present } from "../text.js";
import { type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { invoiceParagraphs } from "./invoice.js";
import type { InstallmentClauseView } from "./view.js";
import { cnNumber, daysWords, runningText, sentence, yuanWords } from "./words.js";

const AUDIT_NOTE = "最终支付金额以结算评审或审计金额为准";

const PROBLEMS: Record<string, string> = {
  "cumulative-below-paid": "合同约定“支付至”的比例不高于此前已付比例，本期金额须双方确定",
  "remainder-negative": "此前各期之和已超过合同总价款，剩余金额须双方确定",
};

function basisWords(contract: Contract, row: ScheduleRow): string | undefined {
  const basis = contract.payments.installments.find((i) => i.id === row.id)?.basis;
  switch (basis?.kind) {
    case "share":
      return `合同总价款的${formatPercent(basis.share)}`;
    case "cumulative-share":
      return `累计至合同总价款的${formatPercent(basis.upTo)}的款项`;
    case "remainder":
      return "合同总价款的剩余款项";
    case "monthly":
      return "上月服务费";
    default:
      return undefined;
  }
}

/** One installment of a schedule paid by installments; its amount open when the terms give none. */
function installment(ctx: ClauseContext, row: ScheduleRow, index: number, openBefore: boolean): InstallmentClauseView {
  const name = `第${cnNumber(index + 1)}期${row.label === undefined ? "" : `（${row.label}）`}`;
  const basis = basisWords(ctx.contract, row);
  let open: string | undefined;
  if (row.problem !== undefined) open = markOpen(ctx, "payments", `第${index + 1}期金额`, PROBLEMS[row.problem] ?? row.problem);
  else if (openBefore && basis?.includes("剩余") === true) open = markOpen(ctx, "payments", `第${index + 1}期金额`, "此前一期金额待确认，剩余款项随之确定");
  return defined({
    name,
    when: runningText(row.trigger),
    basis,
    monthly: false,
    sum: open === undefined ? { amount: row.amount, inWords: row.capitals } : undefined,
    open,
    note: row.finalPerAudit ? AUDIT_NOTE : undefined,
  }) as InstallmentClauseView;
}

/** Monthly billing: one entry per run of months of the same amount (第1个月至第11个月, 第12个月). */
function monthlyRuns(ctx: ClauseContext, rows: readonly ScheduleRow[]): InstallmentClauseView[] {
  const runs: { first: number; last: number; row: ScheduleRow }[] = [];
  rows.forEach((row, i) => {
    const run = runs[runs.length - 1];
    if (run !== undefined && run.row.amount === row.amount && run.row.id === row.id) run.last = i + 1;
    else runs.push({ first: i + 1, last: i + 1, row });
  });
  return runs.map(
    ({ first, last, row }) =>
      defined({
        name: first === last ? `第${first}个月` : `第${first}个月至第${last}个月`,
        when: runningText(row.trigger),
        basis: basisWords(ctx.contract, row),
        monthly: first !== last,
        sum: { amount: row.amount, inWords: row.capitals },
        note: row.finalPerAudit ? AUDIT_NOTE : undefined,
      }) as InstallmentClauseView,
  );
}

/** The payee's account, from the vendor's bank details; open when the model has none. */
function payee(ctx: ClauseContext): string {
  const { vendor } = ctx.contract.parties;
  const bank = vendor.bank;
  const [name, number] = [present(bank?.bank), present(bank?.accountNumber)];
  if (name === undefined || number === undefined) {
    return `乙方收款账户：${markOpen(ctx, "payments", "乙方收款账户", "合同数据未录入乙方开户银行和账号")}。`;
  }
  return `乙方收款账户：户名：${present(bank?.accountName) ?? vendor.name}；开户银行：${name}；账号：${number}。`;
}

/**
 * 付款方式: each installment with its condition, amount and capitals (from the schedule), their sum
 * against the total, the time after a payment notice, the payee's account, invoices and delays
 * the client is not liable for.
 */
export function paymentParagraphs(ctx: ClauseContext): Paragraph[] {
  const { contract, schedule } = ctx;
  const monthly = schedule.rows.some((r) => r.month !== undefined);
  const out: Paragraph[] = [];
  let entries: InstallmentClauseView[];
  if (monthly) {
    out.push({ text: "服务费按月支付，各月金额如下：" });
    entries = monthlyRuns(ctx, schedule.rows);
  } else {
    out.push({ text: `合同价款分${cnNumber(schedule.rows.length)}期支付：` });
    let openBefore = false;
    entries = schedule.rows.map((row, i) => {
      const entry = installment(ctx, row, i, openBefore);
      openBefore ||= entry.open !== undefined;
      return entry;
    });
  }
  out.push(...entries.map((installment) => ({ installment })));
  const open = entries.some((e) => e.open !== undefined);
  if (!open) {
    const sum = `以上${monthly ? "各月服务费" : "各期款项"}合计${yuanWords(schedule.sum)}`;
    out.push({
      text: schedule.balanced
        ? `${sum}，与合同总价款一致。`
        : `${sum}，与合同总价款${yuanWords(schedule.total)}${markOpen(ctx, "payments", "各期合计", "各期金额之和与合同总价款不一致")}。`,
    });
  }
  const { payments } = contract;
  const notice = payments.payWithinAfterNotice;
  out.push(
    ...texts(
      notice === undefined ? undefined : `甲方应在收到付款通知后${daysWords(notice.days, notice.unit)}内支付。`,
      payments.method === undefined ? undefined : `支付方式：${payments.method}。`,
      payee(ctx),
    ),
    ...invoiceParagraphs(ctx),
    ...texts(payments.delayExcused === undefined ? undefined : sentence(payments.delayExcused)),
  );
  return out;
}

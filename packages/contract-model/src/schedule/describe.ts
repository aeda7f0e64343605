import { formatPercent } from "../money/index.js";
import type { InstallmentBasis, Offset, TriggerCondition } from "../schema/fees.js";

/** A trigger condition in the words a contract uses. */
export function describeCondition(c: TriggerCondition): string {
  switch (c.event) {
    case "signed":
      return "合同签订";
    case "effective":
      return "合同生效";
    case "funds-received":
      return "财政资金拨付到甲方账户";
    case "months-after-signing":
      return `签订合同 ${c.months} 个月后`;
    case "months-after-start":
      return c.months === 6 ? "服务期满半年" : `服务期开始 ${c.months} 个月后`;
    case "by-date":
      return `${chineseDate(c.date)}前`;
    case "in-month":
      return `${Number(c.month.slice(0, 4))}年${Number(c.month.slice(5, 7))}月`;
    case "acceptance-passed":
      return "验收合格";
    case "audit-completed":
      return "结算评审 / 审计结束";
    case "term-ended":
      return "服务期满";
    case "month-billed":
      return "每月初申请上月费用";
    case "invoice-received":
      return "收到等额发票";
    case "payment-notice":
      return "收到付款通知书";
    case "other":
      return c.text;
  }
}

export function describeOffset(o: Offset | undefined): string {
  if (!o) return "";
  if (o.days === 0) return "当日";
  return `后 ${o.days} 个${o.unit === "working" ? "工作日" : "自然日"}内`;
}

export function describeTrigger(conditions: readonly TriggerCondition[], offset: Offset | undefined): string {
  const when = conditions.map(describeCondition).join("且");
  const off = describeOffset(offset);
  if (!off) return when;
  // "服务期开始 4 个月后" + "后 15 个工作日内": one 后, not two; "2026年6月30日前" takes 起 instead
  if (/后$/.test(when)) return `${when}${off.replace(/^后 /, "的 ")}`;
  if (/前$/.test(when)) return `${when.replace(/前$/, "起")}${off.replace(/^后 /, " ")}`;
  return `${when}${off}`;
}

export function describeBasis(b: InstallmentBasis): string {
  switch (b.kind) {
    case "share":
      return formatPercent(b.share);
    case "cumulative-share":
      return `支付至 ${formatPercent(b.upTo)}`;
    case "fixed":
      return "固定金额";
    case "remainder":
      return "剩余金额";
    case "monthly":
      return "按月";
  }
}

/** 2026-03-19 → 2026年3月19日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/**
 * What a payment waits for, in the words of the contracts, mapped to the contract model's
 * TriggerCondition events: 合同签订 → signed, 合同生效 → effective, 财政资金到位 → funds-received,
 * 服务满三个月 → months-after-start 3, 签订合同 3 个月后 → months-after-signing 3, 2025年9月底前 → by-date,
 * 2025年10月支付 → in-month, 验收合格 → acceptance-passed, 审计结束 → audit-completed,
 * 服务期满 → term-ended, 每月初申请上月费用 → month-billed, 收到发票 → invoice-received,
 * 收到付款通知书 → payment-notice; conditions such as 考核合格 → other, with the words.
 */
import { NUMBER_PATTERN, parseSmallNumber } from "./numerals.js";

export type Trigger =
  | { event: "signed" | "effective" | "funds-received" | "acceptance-passed" | "audit-completed" | "term-ended" }
  | { event: "month-billed" | "invoice-received" | "payment-notice" }
  | { event: "months-after-signing" | "months-after-start"; months: number }
  | { event: "by-date"; date: string }
  | { event: "in-month"; month: string }
  | { event: "other"; text: string };

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray) => Trigger | undefined;
}

const N = `(${NUMBER_PATTERN}|半)`;

function months(word: string | undefined, unit = "个月"): number | undefined {
  if (word === undefined) return undefined;
  const n = word === "半" ? 0.5 : parseSmallNumber(word);
  if (n === undefined) return undefined;
  const m = unit === "年" ? n * 12 : n;
  return Number.isInteger(m) && m > 0 ? m : undefined;
}

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const RULES: readonly Rule[] = [
  {
    re: new RegExp(`(?:签订|签署)(?:本)?(?:合同|协议)(?:书)?(?:后|之日起)?\\s*${N}\\s*(个月|年)|(?:合同|协议)(?:书)?(?:签订|签署)(?:后|之日起)\\s*${N}\\s*(个月|年)`, "g"),
    make: (m) => {
      const n = months(m[1] ?? m[3], m[2] ?? m[4]);
      return n === undefined ? undefined : { event: "months-after-signing", months: n };
    },
  },
  {
    re: /(?:(?:合同|协议)(?:书)?(?:正式)?(?:签订|签署|签字盖章)|(?:签订|签署)(?:本)?(?:合同|协议))(?!书?(?:后|之日起)?\s*(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个月|年))/g,
    make: () => ({ event: "signed" }),
  },
  { re: /(?:合同|协议)(?:书)?(?:正式)?生效/g, make: () => ({ event: "effective" }) },
  { re: /财政资金(?:拨付|到位|到账)|资金拨付到(?:甲方)?账户|财政拨款到位/g, make: () => ({ event: "funds-received" }) },
  {
    re: new RegExp(`服务(?:期)?(?:满|开始后|开始之日起)\\s*${N}\\s*(个月|年)`, "g"),
    make: (m) => {
      const n = months(m[1], m[2]);
      return n === undefined ? undefined : { event: "months-after-start", months: n };
    },
  },
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:底|末)(?:前|之前)?/g,
    make: (m) => {
      const [y, mo] = [Number(m[1]), Number(m[2])];
      return mo >= 1 && mo <= 12 ? { event: "by-date", date: lastDay(y, mo) } : undefined;
    },
  },
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前)/g,
    make: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { event: "by-date", date } : undefined;
    },
  },
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:份)?\s*(?:内)?\s*(?=支付|付款|付清)/g,
    make: (m) => {
      const mo = Number(m[2]);
      return mo >= 1 && mo <= 12 ? { event: "in-month", month: `${m[1]}-${String(mo).padStart(2, "0")}` } : undefined;
    },
  },
  { re: /验收(?:合格|通过)/g, make: () => ({ event: "acceptance-passed" }) },
  { re: /(?:结算)?评审(?:结束|完成|后)|审计(?:结束|完成|后)|结算审核(?:结束|完成|后)/g, make: () => ({ event: "audit-completed" }) },
  {
    re: /(?:合同|服务|项目)(?:期满|到期|期限届满|期届满)(?!\s*(?:半年|(?:\d+|[一二三四五六七八九十两]+)\s*个月))/g,
    make: () => ({ event: "term-ended" }),
  },
  { re: /每月[^。；]{0,8}(?:申请|结算)[^。；]{0,8}上月/g, make: () => ({ event: "month-billed" }) },
  { re: /收到[^，,。；;]{0,12}发票/g, make: () => ({ event: "invoice-received" }) },
  { re: /收到[^，,。；;]{0,12}付款通知/g, make: () => ({ event: "payment-notice" }) },
  { re: /双方合作无异议|考核(?:合格|通过)/g, make: (m) => ({ event: "other", text: m[0] }) },
];

export interface FoundTrigger {
  trigger: Trigger;
  index: number;
  text: string;
}

/** The conditions named in `text`, in the order printed, each event once. */
export function findTriggers(text: string): FoundTrigger[] {
  const found: FoundTrigger[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const end = m.index + m[0].length;
      if (taken.some(([a, b]) => m.index < b && end > a)) continue;
      const trigger = rule.make(m);
      if (trigger === undefined) continue;
      taken.push([m.index, end]);
      found.push({ trigger, index: m.index, text: m[0] });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = JSON.stringify(f.trigger);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

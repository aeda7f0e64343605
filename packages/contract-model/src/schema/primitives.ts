import { z } from "zod";
import { type ParseResult, parsePercent, parseYuan } from "../money/index.js";
import { namedEnum } from "./names.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/**
 * The years a contract's dates may fall in. A service contract of this kind dated outside them
 * is a typing mistake (9999-12-31, 0000-01-01), and date arithmetic over such a span would
 * run for minutes: such a date is refused where it is written.
 */
export const DATE_RANGE = { first: "1980-01-01", last: "2100-12-31" } as const;

/** A real date (see isIsoDate) inside DATE_RANGE. */
export function isDateInRange(s: string): boolean {
  return isIsoDate(s) && s >= DATE_RANGE.first && s <= DATE_RANGE.last;
}

const OUT_OF_RANGE = `日期超出可用范围：应在 ${DATE_RANGE.first} 至 ${DATE_RANGE.last} 之间`;

/** A calendar date as printed, written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: "日期应写作 YYYY-MM-DD，且为真实存在的日期", params: { code: "INVALID_DATE" }, abort: true })
  .refine(isDateInRange, { message: OUT_OF_RANGE, params: { code: "DATE_OUT_OF_RANGE" } })
  .meta({ description: `日期，格式 YYYY-MM-DD（${DATE_RANGE.first} 至 ${DATE_RANGE.last}）`, examples: ["2026-03-19"] });

/** A calendar month, written YYYY-MM. */
export const YearMonth = z
  .string()
  .refine((s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s), { message: "月份应写作 YYYY-MM", params: { code: "INVALID_MONTH" }, abort: true })
  .refine((s) => isDateInRange(`${s}-01`), {
    message: `月份超出可用范围：应在 ${DATE_RANGE.first.slice(0, 7)} 至 ${DATE_RANGE.last.slice(0, 7)} 之间`,
    params: { code: "DATE_OUT_OF_RANGE" },
  })
  .meta({ description: "月份，格式 YYYY-MM", examples: ["2024-12"] });

/** A zod transform from a parser's result: its reason becomes the issue, with a stable code. */
function parsed<T>(parse: (v: never) => ParseResult<T>, code: string) {
  return (v: unknown, ctx: z.core.$RefinementCtx): T => {
    const r = parse(v as never);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.reason, params: { code } });
      return z.NEVER;
    }
    return r.value;
  };
}

/** An amount of money in yuan as printed; becomes integer 分. */
export const Money = z
  .union([z.string(), z.number()])
  .transform(parsed(parseYuan, "INVALID_AMOUNT"))
  .meta({ description: "金额（元），如 1979100、975657.3 或 \"1,766,500.00\"；读入后以分为单位精确保存" });

/** A share such as "50%" or "0.3%"; becomes parts per million. */
export const Percent = z
  .string()
  .transform(parsed(parsePercent, "INVALID_PERCENT"))
  .meta({ description: "百分比，写作带 % 的字符串，如 \"50%\"、\"0.3%\"" });

/** A clause number exactly as printed: "8.3", "四.1", "二.2(1)". */
export const ClauseRef = z.string().min(1).meta({ description: "条款编号，照合同原文，如 \"8.3\"、\"四.1\"" });

/** Verbatim text from the contract. */
export const Verbatim = z.string().meta({ description: "合同原文（照录，含原有错误）" });

/** Which side of the contract: 甲方 (client) or 乙方 (vendor). */
export const Side = namedEnum(["client", "vendor"], { client: "甲方", vendor: "乙方" }).meta({ description: "client = 甲方，vendor = 乙方" });
export const SideOrBoth = namedEnum(["client", "vendor", "either"], { client: "甲方", vendor: "乙方", either: "任何一方" });

/** A figure the contract states, kept as printed beside what the tool computes. */
export const PrintedAmount = z.strictObject({
  amount: Money.optional(),
  capitals: z.string().optional().meta({ description: "大写金额，照合同原文" }),
  text: Verbatim.optional(),
});

export const DayUnit = namedEnum(["working", "natural"], { working: "工作日", natural: "自然日" }).meta({ description: "working = 工作日（法定日历），natural = 自然日" });

/**
 * The events ledger: what happened on a contract, one entry per event, each with its date.
 * Strict objects throughout, so a misspelt field is an error, never silently ignored.
 */
import { z } from "zod";
import { isPeriodKey } from "../deliverables/periods.js";
import { IsoDate, Money, Side, YearMonth } from "../schema/primitives.js";

const note = z.string().optional().meta({ description: "备注" });
const common = { date: IsoDate.meta({ description: "事件发生的日期，YYYY-MM-DD" }), note };

/** An installment as the schedule keys it: 2, or "1/3" for month 3 of a monthly installment. */
export const InstallmentKey = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\d+(\/\d+)?$/, { message: "期次应写作数字（如 2）或“期/月”（如 1/3，按月付款的第 3 个月）" }),
  ])
  .transform((v) => String(v))
  .meta({ description: "第几期；按月付款写作“期/月”，如 1/3" });

/** A reporting period: 2026-04-03 (day), 2026-W15 (ISO week), 2026-04 (month), 2026-Q2, 2026. */
export const PeriodKey = z
  .string()
  .refine(isPeriodKey, {
    message: "期间应写作 2026-04-03（日）、2026-W15（周）、2026-04（月）、2026-Q2（季）或 2026（年）",
    params: { code: "INVALID_PERIOD" },
  });

const event = <T extends string>(name: T, description: string) => z.literal(name).meta({ description });

export const LedgerEvent = z.discriminatedUnion("event", [
  z.strictObject({ ...common, event: event("signed", "合同签订") }),
  z.strictObject({ ...common, event: event("funds-received", "财政资金拨付到甲方账户") }),
  z.strictObject({
    ...common,
    event: event("invoice-issued", "乙方开具发票（甲方收到）"),
    installment: InstallmentKey.optional(),
    amount: Money.optional(),
  }),
  z.strictObject({
    ...common,
    event: event("payment-received", "乙方收到付款"),
    installment: InstallmentKey,
    amount: Money.meta({ description: "实际到账金额" }),
    deducted: Money.optional().meta({ description: "本次付款中扣除的违约金" }),
  }),
  z.strictObject({ ...common, event: event("acceptance-passed", "验收合格") }),
  z.strictObject({
    ...common,
    event: event("audit-completed", "结算评审 / 审计完成"),
    amount: Money.optional().meta({ description: "审定的合同金额" }),
  }),
  z.strictObject({
    ...common,
    event: event("deliverable-submitted", "乙方提交成果"),
    deliverable: z.string().min(1).meta({ description: "成果 id（合同 deliverables 中的 id）" }),
    period: PeriodKey.optional(),
  }),
  z.strictObject({ ...common, event: event("meeting-missed", "乙方未按时参加工作会议") }),
  z.strictObject({
    ...common,
    event: event("manager-changed", "乙方更换项目负责人"),
    notified: z.boolean().meta({ description: "是否事先书面通知甲方" }),
  }),
  z.strictObject({
    ...common,
    event: event("sla-breach", "未达到服务标准"),
    metric: z.string().min(1).meta({ description: "服务指标（serviceLevels 中的 id 或指标名）" }),
    month: YearMonth,
    count: z.number().int().positive().default(1),
  }),
  z.strictObject({ ...common, event: event("renewal-signed", "签订续签合同") }),
  z.strictObject({ ...common, event: event("terminated", "合同解除"), by: Side.optional() }),
  z.strictObject({ ...common, event: event("note", "备注"), text: z.string().min(1) }),
]);

/** An events file: a list, or a map naming the contract it belongs to. */
export const EventsDocument = z.strictObject({
  contract: z.string().optional().meta({ description: "合同 id" }),
  events: z.array(LedgerEvent).default([]),
});

export type LedgerEvent = z.infer<typeof LedgerEvent>;
export type EventName = LedgerEvent["event"];
export type EventOf<N extends EventName> = Extract<LedgerEvent, { event: N }>;

/** Every event name with the fields it takes, from the schema itself. */
export const EVENT_FIELDS: ReadonlyMap<string, readonly string[]> = new Map(
  LedgerEvent.options.map((o) => {
    const own = Object.keys(o.shape).filter((k) => k !== "date" && k !== "event" && k !== "note");
    return [o.shape.event.value, ["date", "event", ...own, "note"]] as const;
  }),
);

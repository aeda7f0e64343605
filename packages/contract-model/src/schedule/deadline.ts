import type { Installment, TriggerCondition } from "../schema/fees.js";

/** Conditions that are themselves a time: a date, a month, N months after signing or the start, the monthly billing. */
const TIMED = new Set<TriggerCondition["event"]>(["by-date", "in-month", "months-after-signing", "months-after-start", "month-billed"]);

/**
 * Whether an installment's own terms set a time for the payment, not only conditions for it: an
 * offset after its conditions ("…后 30 个工作日内"), or a condition that is itself a time
 * ("2024年12月支付", "签署合同 2 个月后"). "验收通过后支付" alone sets none: the payment may be asked
 * for once the condition is met, but there is no day after which it is late. (A contract-wide
 * "within N days of the payment notice", `payments.payWithinAfterNotice`, is a separate rule.)
 */
export function setsPaymentTime(installment: { readonly trigger: readonly Installment["trigger"][number][]; readonly offset?: Installment["offset"] }): boolean {
  return installment.offset !== undefined || installment.trigger.some((c) => TIMED.has(c.event));
}

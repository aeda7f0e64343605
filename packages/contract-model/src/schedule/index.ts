export { installmentAmounts, splitMonthly, type InstallmentAmount } from "./amounts.js";
export { describeBasis, describeCondition, describeOffset, describeTrigger, chineseDate } from "./describe.js";
export { applyOffset, conditionDate, dueDate, type DueDate, type KnownEvents } from "./due.js";
export { setsPaymentTime } from "./deadline.js";
export {
  billingMonths,
  checkAmount,
  checkCapitals,
  computeSchedule,
  type AmountCheck,
  type CapitalsCheck,
  type Schedule,
  type ScheduleRow,
} from "./schedule.js";

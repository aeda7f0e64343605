export { type InstallmentAmount, installmentAmounts, splitMonthly } from "./amounts.js";
export { setsPaymentTime } from "./deadline.js";
export { chineseDate, describeBasis, describeCondition, describeOffset, describeTrigger } from "./describe.js";
export { applyOffset, conditionDate, type DueDate, dueDate, type KnownEvents } from "./due.js";
export {
  type AmountCheck,
  billingMonths,
  type CapitalsCheck,
  checkAmount,
  checkCapitals,
  computeSchedule,
  type Schedule,
  type ScheduleRow,
} from "./schedule.js";

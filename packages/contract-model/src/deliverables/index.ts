export { type Period, type PeriodKind, isPeriodKey, parsePeriod, periodKeyOf, periodsBetween } from "./periods.js";
export { type DeliverableDue, type DeliverablePeriod, FREQUENCY_NAMES, PERIOD_OF, deliverablePeriods, dueRule } from "./due.js";

export { type DeliverableDue, type DeliverablePeriod, deliverablePeriods, dueRule, FREQUENCY_NAMES, PERIOD_OF } from "./due.js";
export { isPeriodKey, type Period, type PeriodKind, parsePeriod, periodKeyOf, periodsBetween } from "./periods.js";

export { addMonths, addNaturalDays, compareDates, daysBetween, endOfMonth, isValidIsoDate } from "./dates.js";
export { calendarCoverage } from "./holidays.js";
export {
  addWorkingDays,
  isWorkingDay,
  type UnknownCalendar,
  type WorkingDayCount,
  type WorkingDayDate,
  workingDaysBetween,
} from "./working-days.js";

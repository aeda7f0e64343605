export {
  type ArrangedYear,
  type ArrangementProblem,
  checkArrangement,
  EARLIEST_DAY_OF_PREVIOUS_YEAR,
  type EntryName,
  HolidayArrangement,
  LONGEST_RANGE_DAYS,
} from "./arrangement.js";
export {
  BUILT_IN_CALENDAR,
  calendarBasis,
  calendarKnowsYear,
  calendarNote,
  type WorkingDayCalendar,
  workingDayCalendar,
} from "./calendar.js";
export { addMonths, addNaturalDays, compareDates, daysBetween, endOfMonth, isValidIsoDate } from "./dates.js";
export { calendarCoverage } from "./holidays.js";
export { CalendarLoadError, type LoadedArrangement, loadHolidayArrangement, loadWorkingDayCalendar, parseHolidayArrangement } from "./load.js";
export {
  addWorkingDays,
  type CountedWith,
  isWorkingDay,
  type UnknownCalendar,
  type WorkingDayCount,
  type WorkingDayDate,
  workingDaysBetween,
} from "./working-days.js";

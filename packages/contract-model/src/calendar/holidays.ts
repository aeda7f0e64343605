/**
 * The State Council holiday arrangements (法定节假日与调休), as carried by the `chinese-days`
 * package. The package answers "working day" for any weekday of a year it has no data for;
 * this module only answers for the years it really covers.
 */

import data from "chinese-days/dist/chinese-days.json" with { type: "json" };

/** Days off that would otherwise be working days, and weekend days that are working days (调休). */
const holidays: Readonly<Record<string, string>> = data.holidays;
const workdays: Readonly<Record<string, string>> = data.workdays;

/**
 * A year is covered when the package holds its arrangement, i.e. a holiday outside December
 * (December entries of a year may belong to the next year's New Year arrangement).
 */
const coveredYears: ReadonlySet<number> = new Set(
  Object.keys(holidays)
    .filter((date) => date.slice(5, 7) !== "12")
    .map((date) => Number(date.slice(0, 4))),
);

const firstYear = Math.min(...coveredYears);
const lastYear = Math.max(...coveredYears);

/** The first and last year whose statutory holiday arrangement is known. */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  return { firstYear, lastYear };
}

export function isYearCovered(year: number): boolean {
  return coveredYears.has(year);
}

/** "holiday" or "make-up working day" from the arrangement, "none" for an ordinary day. */
export function arrangedStatus(isoDate: string): "holiday" | "workday" | "none" {
  if (Object.hasOwn(holidays, isoDate)) return "holiday";
  if (Object.hasOwn(workdays, isoDate)) return "workday";
  return "none";
}

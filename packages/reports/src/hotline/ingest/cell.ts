import { dateToLocalDateTime, excelSerialToLocalDateTime, parseLocalDateTime } from "../orders/local-time.js";

/** A cell as a source delivers it: CSV gives strings, spreadsheets may give numbers and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Trimmed text of a cell ("" when empty). */
export function cellText(value: Cell): string {
  if (typeof value === "string") return value.trim();
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  return dateToLocalDateTime(value) ?? "";
}

/**
 * A time cell: null when empty, undefined when unreadable. Numbers are Excel serial
 * days (a spreadsheet date read without its number format).
 */
export function cellTime(value: Cell, endOfDay: boolean): string | null | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    return parseLocalDateTime(text, endOfDay) ?? undefined;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return excelSerialToLocalDateTime(value) ?? undefined;
  if (value instanceof Date) {
    const text = dateToLocalDateTime(value);
    if (text === null) return undefined;
    // A date-only cell (midnight) of a due column means the end of that day.
    return endOfDay && text.endsWith(" 00:00:00") ? text.slice(0, 10) + " 23:59:59" : text;
  }
  return undefined;
}

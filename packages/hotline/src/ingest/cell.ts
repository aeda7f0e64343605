import { dateToLocalDateTime, excelSerialToLocalDateTime, parseLocalDateTime } from "../orders/local-time.js";

/** A cell as a source delivers it: CSV gives strings, spreadsheets may give numbers and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Whether a UTF-16 unit is one that String.prototype.trim removes. */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.trim()`, without the call when neither end is a space (the usual case). */
function trim(text: string): string {
  const n = text.length;
  if (n === 0 || (!isTrimmed(text.charCodeAt(0)) && !isTrimmed(text.charCodeAt(n - 1)))) return text;
  return text.trim();
}

/** Trimmed text of a cell ("" when empty). */
export function cellText(value: Cell): string {
  if (typeof value === "string") return trim(value);
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
    const text = trim(value);
    if (text === "") return null;
    return parseLocalDateTime(text, endOfDay) ?? undefined;
  }
  if (value === null || value === undefined) return null;
  const text =
    typeof value === "number"
      ? excelSerialToLocalDateTime(value)
      : value instanceof Date
        ? dateToLocalDateTime(value)
        : null;
  if (text === null) return undefined;
  // A spreadsheet date without a time (midnight) in a due column means the end of that day.
  return endOfDay && text.endsWith(" 00:00:00") ? text.slice(0, 10) + " 23:59:59" : text;
}

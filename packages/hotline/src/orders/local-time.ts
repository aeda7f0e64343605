/**
 * Beijing wall-clock times kept as strings. Beijing has had no daylight saving time
 * since 1991, so wall-clock arithmetic equals elapsed time; the process time zone is
 * never consulted (every conversion goes through UTC getters and Date.UTC).
 */

/** Canonical form written by ingestion: `YYYY-MM-DD HH:mm:ss`. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

const LOOSE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:(?:\s+|T|(?<=日))(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[秒分]?)?\s*$/;

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 1900 &&
    y <= 2999 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    (d <= 28 || d <= daysInMonth(y, mo)) &&
    h <= 23 &&
    mi <= 59 &&
    s <= 59
  );
}

function format(y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  return `${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/** True for `YYYY-MM-DD HH:mm[:ss]` naming a real calendar instant. */
export function isLocalDateTime(text: string): boolean {
  const m = LOCAL_DATE_TIME.exec(text);
  if (m === null) return false;
  return validParts(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] === undefined ? 0 : +m[6]);
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;

/** The decimal number in `text[from, from + count)`, or -1 when a character is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Normalises the date-time spellings found in hotline exports (`2026-03-05 08:07:09`,
 * `2026/3/5 8:07`, `2026-03-05T08:07:09`, `2026年3月5日 8时7分`, a bare date) to
 * `YYYY-MM-DD HH:mm:ss`. A bare date means the start of the day, or its last second
 * when `endOfDay` is set (used for due dates). Returns null when unparseable.
 */
export function parseLocalDateTime(text: string, endOfDay = false): string | null {
  // Fast path: already canonical (one pass over the digits, no allocation).
  if (text.length === 19 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 32) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    const h = digits(text, 11, 2);
    const mi = digits(text, 14, 2);
    const s = digits(text, 17, 2);
    if (
      text.charCodeAt(13) === 58 &&
      text.charCodeAt(16) === 58 &&
      (y | mo | d | h | mi | s) >= 0 &&
      validParts(y, mo, d, h, mi, s)
    ) {
      return text;
    }
  }
  const m = LOOSE.exec(text);
  if (m === null) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const dateOnly = m[4] === undefined;
  const h = dateOnly ? (endOfDay ? 23 : 0) : +m[4]!;
  const mi = dateOnly ? (endOfDay ? 59 : 0) : +m[5]!;
  const s = dateOnly ? (endOfDay ? 59 : 0) : m[6] === undefined ? 0 : +m[6];
  if (!validParts(y, mo, d, h, mi, s)) return null;
  return format(y, mo, d, h, mi, s);
}

/** Seconds from 1970-01-01 00:00:00 wall clock; `HH:mm` counts as `HH:mm:00`. */
export function localDateTimeToSeconds(text: string): number {
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const mo = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  const h = digit(text, 11) * 10 + digit(text, 12);
  const mi = digit(text, 14) * 10 + digit(text, 15);
  const s = text.length >= 19 ? digit(text, 17) * 10 + digit(text, 18) : 0;
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/** Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link localDateTimeToSeconds}. */
export function secondsToLocalDateTime(seconds: number): string {
  // Civil-from-days (H. Hinnant), avoiding a Date object per call on hot paths.
  const days = Math.floor(seconds / 86400);
  let rest = seconds - days * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const mi = Math.floor(rest / 60);
  const s = rest - mi * 60;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return format(y, mo, d, h, mi, s);
}

/**
 * A JS Date produced by a spreadsheet reader for a cell without time zone: its UTC
 * fields are the wall-clock fields (exceljs converts serials this way).
 */
export function dateToLocalDateTime(date: Date): string | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  return secondsToLocalDateTime(Math.round(ms / 1000));
}

/** Excel serial day number (1900 date system) to wall-clock time, rounded to the second. */
export function excelSerialToLocalDateTime(serial: number): string | null {
  // Serial 25569 is 1970-01-01; serials below 61 are distorted by Excel's 1900 leap-year bug.
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  return secondsToLocalDateTime(Math.round((serial - 25569) * 86400));
}

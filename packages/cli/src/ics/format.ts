/**
 * RFC 5545 content lines: TEXT escaping, folding at 75 octets without splitting a UTF-8
 * character, CRLF line ends, all-day dates and UTC timestamps.
 */

const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line so that no line is longer than 75 octets (CRLF not counted); each
 * continuation starts with one space (RFC 5545 §3.1). Splits only between characters.
 */
export function foldLine(line: string, limit = 75): string[] {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out;
}

/** Joins content lines into an iCalendar text: folded, each ended by CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.flatMap((l) => foldLine(l)).map((l) => `${l}\r\n`).join("");
}

/** 2026-05-11 → 20260511 */
export function icsDate(iso: string): string {
  return iso.replace(/-/g, "");
}

/** Seconds since the epoch → 20260101T000000Z */
export function icsUtc(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

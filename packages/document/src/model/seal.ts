import { minimumWidthPt, textEms } from "./column-widths.js";
import { widestUnbreakable } from "./line-breaking.js";
import { plainText } from "./text.js";
import type { KeyValue, Party } from "./types.js";

/** Words that ask for a seal: 盖章, or the seal named (公章, 合同专用章). */
const SEAL_WORDS = /盖章|公章|专用章/;

/**
 * The text of a signature row that says what the row is for: its label, or its value when the
 * row has no label (a line printed on its own, such as “(盖章)”).
 */
function rowCaption(row: KeyValue): string {
  const label = plainText(row.label);
  return label.trim() === "" ? plainText(row.value) : label;
}

/** The row a party's seal placeholder goes under: the one that asks for a seal (盖章, 公章, 专用章), else the first. */
export function sealRow(party: Party): number {
  return Math.max(
    0,
    party.rows.findIndex((row) => SEAL_WORDS.test(rowCaption(row))),
  );
}

/** A signature row printed as its value alone: it has no label (a date or “(盖章)” on a line of its own). */
export function isValueOnly(row: KeyValue): boolean {
  return plainText(row.label).trim() === "";
}

/**
 * The largest share of a signature column its labels take: a longer label wraps, so that the
 * value beside it (a name, an account number) keeps the room it needs.
 */
export const LABEL_SHARE = 0.5;

/**
 * The space above each signature row, in ems of its text: room to sign or write on the line,
 * while a signature page of a dozen rows a side (a 技术合同's table) still fits on one page
 * under its heading.
 */
export const ROW_SPACE_EM = 0.6;

/**
 * The width in ems a signature label's column needs: a short label on one line; a longer one with a bracketed part
 * (申请单位（盖章）, 签收人（签字）) goes on two lines, broken before the bracket, so it needs only
 * its longer part; plus the colon and an em of room. The value beside it, often a long unit
 * name, keeps the rest of the column.
 */
/** A label this wide (in ems, with its colon and room) stays on one line. */
const SHORT_LABEL_EMS = 8;

export function labelEms(label: string): number {
  const whole = textEms(label) + 2;
  if (whole <= SHORT_LABEL_EMS) return whole;
  const at = label.search(/[（(]/);
  const parts = at > 0 ? [label.slice(0, at), label.slice(at)] : [label];
  return Math.max(...parts.map(textEms)) + 2;
}

/**
 * The width in points of a signature column's labels: as wide as its widest label needs
 * (`labelEms`), at most `LABEL_SHARE` of the column, and narrower still when a value (an account
 * or phone number) needs the room to stay on one line.
 */
export function labelWidthPt(rows: readonly KeyValue[], columnPt: number, sizePt: number): number {
  const labelled = rows.filter((r) => !isValueOnly(r));
  const widest = Math.max(2, ...labelled.map((r) => labelEms(plainText(r.label))));
  const value = Math.max(0, ...labelled.map((r) => widestUnbreakable(plainText(r.value), textEms)));
  const room = columnPt - minimumWidthPt(value, sizePt);
  return Math.max(3 * sizePt, Math.min(columnPt * LABEL_SHARE, widest * sizePt, room));
}

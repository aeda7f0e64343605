import { minimumWidthPt, textEms } from "./column-widths.js";
import { widestUnbreakable } from "./line-breaking.js";
import { plainText } from "./text.js";
import type { KeyValue, Party, Run, SignaturesBlock } from "./types.js";

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
 * The width in points of a signature column's labels: each label on one line when that leaves
 * the values beside them their room, and at least `WRITING_EMS` to write on; else as wide as its
 * widest label needs (`labelEms`), at most `LABEL_SHARE` of the column, and narrower still when
 * a value (an account or phone number) needs the room to stay on one line.
 */
export function labelWidthPt(rows: readonly KeyValue[], columnPt: number, sizePt: number): number {
  const labelled = rows.filter((r) => !isValueOnly(r));
  const value = Math.max(0, ...labelled.map((r) => widestUnbreakable(plainText(r.value), textEms)));
  const room = columnPt - minimumWidthPt(value, sizePt);
  // every label on one line, when the values beside them still have their room and room to write
  const whole = Math.max(2, ...labelled.map((r) => textEms(plainText(r.label)) + 2)) * sizePt;
  if (whole <= Math.min(room, columnPt - WRITING_EMS * sizePt)) return Math.max(3 * sizePt, whole);
  const widest = Math.max(2, ...labelled.map((r) => labelEms(plainText(r.label))));
  return Math.max(3 * sizePt, Math.min(columnPt * LABEL_SHARE, widest * sizePt, room));
}

/** The room in ems a line to sign or write a date on keeps beside a label set on one line. */
const WRITING_EMS = 8;

/** The lines a text of `ems` takes in a width of `widthPt`, estimated from its characters (no font is read). */
function estimatedLines(ems: number, widthPt: number, sizePt: number): number {
  return Math.max(1, Math.ceil((ems * sizePt) / Math.max(sizePt, widthPt) - 1e-9));
}

/** Each row's lines, estimated: the label's (on one line, or broken before its bracket) or the value's, whichever is more. */
function estimatedRows(rows: readonly KeyValue[], columnPt: number, sizePt: number): number[] {
  const label = labelWidthPt(rows, columnPt, sizePt);
  return rows.map((row) => {
    if (isValueOnly(row)) return estimatedLines(textEms(plainText(row.value)), columnPt, sizePt);
    const text = plainText(row.label);
    const labelLines = (textEms(text) + 1) * sizePt <= label ? 1 : Math.max(2, estimatedLines(labelEms(text) - 1, label, sizePt));
    return Math.max(labelLines, estimatedLines(textEms(plainText(row.value)), columnPt - label, sizePt));
  });
}

/**
 * How the parties of a signature block are set side by side, the same in both formats: `grid`,
 * their rows lined up (each as tall as the tallest of that row, the seals level), when every
 * party has as many rows above and below its seal and lining them up makes the block no taller;
 * else `free`, each party's rows one under another in its own column. A taller block could move
 * the signing part to a page of its own.
 */
export function signatureLayout(block: SignaturesBlock, columnPt: number, sizePt: number): "grid" | "free" {
  if (block.parties.length < 2) return "free";
  const parts = block.parties.map((party) => {
    const split = sealRow(party) + 1;
    return [estimatedRows(party.rows.slice(0, split), columnPt, sizePt), estimatedRows(party.rows.slice(split), columnPt, sizePt)] as const;
  });
  const [above, below] = parts[0]!;
  if (!parts.every(([a, b]) => a.length === above.length && b.length === below.length)) return "free";
  const sum = (lines: readonly number[]) => lines.reduce((a, b) => a + b, 0);
  const free = Math.max(...parts.map(([a, b]) => sum(a) + sum(b)));
  const lined = [...above.keys()].reduce((h, i) => h + Math.max(...parts.map(([a]) => a[i]!)), 0) + [...below.keys()].reduce((h, i) => h + Math.max(...parts.map(([, b]) => b[i]!)), 0);
  return lined <= free ? "grid" : "free";
}

/** A date to fill in by hand: room for the year, then 年, 月 and 日 with room between them. */
const FILL_IN_DATE = /^([\u3000 ]+)(年[\u3000 ]+月[\u3000 ]+日)$/u;

/**
 * A signature row's value as its line holds it: a date to fill in by hand (　　　　年　　月　　日)
 * wider than the line gives up as much of the room before 年 as it must, so that it never wraps
 * (年　　月 | 日); the label's column beside it leaves room to write the year. Anything else as it is.
 */
export function fitFillInDate(value: readonly Run[], widthPt: number, sizePt: number): readonly Run[] {
  if (value.length !== 1) return value;
  const match = FILL_IN_DATE.exec(value[0]!.text);
  if (match === null || textEms(value[0]!.text) * sizePt <= widthPt) return value;
  const room = Math.max(0, Math.floor(widthPt / sizePt - textEms(match[2]!)));
  return [{ ...value[0]!, text: `${"\u3000".repeat(room)}${match[2]}` }];
}

/** A party's columns in a signature table's grid: their widths, and how many the label spans above and below the seal. */
export interface PartyColumns {
  widths: number[];
  labelSpan: { above: number; below: number };
}

/**
 * A party's columns when the parties are set as one table (`signatureLayout` "grid"): its labels
 * above and below the seal may differ in width, so a party has up to three columns, the label
 * spanning the first one or two. Widths in the unit `unit` gives (points, or twips for a DOCX),
 * so that they add up exactly in it.
 */
export function partyColumns(abovePt: number, belowPt: number | undefined, columnPt: number, unit: (pt: number) => number = (pt) => pt): PartyColumns {
  const stops = [...new Set([unit(abovePt), ...(belowPt === undefined ? [] : [unit(belowPt)]), unit(columnPt)])].sort((a, b) => a - b);
  const span = (pt: number) => stops.indexOf(unit(pt)) + 1;
  return {
    widths: stops.map((stop, i) => stop - (i === 0 ? 0 : stops[i - 1]!)),
    labelSpan: { above: span(abovePt), below: belowPt === undefined ? 1 : span(belowPt) },
  };
}

/**
 * The structure of an amount in Chinese capitals (人民币大写), following the People's Bank of
 * China rules (《正确填写票据和结算凭证的基本规定》). An amount is spelled as fixed text and
 * 零 slots; a slot is required, or optional where the rules let the writer leave it out.
 */

export const CAPITAL_DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;

/** The largest amount handled, in 分: every safe integer. 10^14 分 is 壹万亿元整. */
export const MAX_CAPITALS_FEN = Number.MAX_SAFE_INTEGER;

export type Piece = { kind: "text"; text: string } | { kind: "zero"; optional: boolean };

/** The last unit written: 元 needs 整 (or 正) after it, 角 may have it, 分 never does. */
export type Ending = "元" | "角" | "分";

export interface Spelling {
  pieces: Piece[];
  ending: Ending;
}

const SMALL_UNITS = ["", "拾", "佰", "仟"] as const;

/** Positions (powers of ten of the yuan figure) that end a section: 元位, 万位, 亿位, 万亿位. */
const SECTION_ENDS = new Set([0, 4, 8, 12]);

export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`金额必须是非负整数分，收到 ${fen}`);
  }
}

function unitOf(position: number): string {
  if (position === -1) return "角";
  if (position === -2) return "分";
  return SMALL_UNITS[position % 4]!;
}

/** The section mark written after the digits of the section ending at `position`, if any. */
function sectionMark(yuan: number, position: number): string {
  if (position === 0) return yuan > 0 ? "元" : "";
  if (position === 8) return Math.floor(yuan / 1e8) > 0 ? "亿" : "";
  const section = Math.floor(yuan / 10 ** position) % 10_000;
  return section > 0 ? "万" : "";
}

/**
 * Spells `fen` with every 零 slot marked. A run of zeros between two nonzero digits is one
 * slot; it is optional when the run ends on 元位, 万位 or 亿位 and the next digit is nonzero
 * (¥1,680.32 → 捌拾元[零]叁角, ¥107,000.53 → 壹拾万[零]柒仟); otherwise it is required.
 */
export function spell(fen: number): Spelling {
  assertFen(fen);
  if (fen === 0) return { pieces: [{ kind: "text", text: "零元" }], ending: "元" };
  const yuan = Math.floor(fen / 100);
  const digits: number[] = []; // digits[k] is the digit at position k - 2 (分 is position -2)
  for (let rest = fen; rest > 0; rest = Math.floor(rest / 10)) digits.push(rest % 10);
  const pieces: Piece[] = [];
  let started = false;
  let inZeroRun = false;
  for (let position = digits.length - 3; position >= -2; position--) {
    const digit = digits[position + 2] ?? 0;
    if (digit === 0) {
      inZeroRun = started;
    } else {
      if (inZeroRun) pieces.push({ kind: "zero", optional: SECTION_ENDS.has(position + 1) });
      inZeroRun = false;
      started = true;
      pieces.push({ kind: "text", text: CAPITAL_DIGITS[digit]! + unitOf(position) });
    }
    if (position >= 0 && SECTION_ENDS.has(position)) {
      const mark = sectionMark(yuan, position);
      if (mark) pieces.push({ kind: "text", text: mark });
    }
  }
  const ending: Ending = fen % 10 !== 0 ? "分" : Math.floor(fen / 10) % 10 !== 0 ? "角" : "元";
  return { pieces, ending };
}

/** Renders a spelling, writing the optional 零 slots for which `writeOptional` says so. */
export function render(spelling: Spelling, writeOptional: (slot: number) => boolean): string {
  let out = "";
  let slot = 0;
  for (const piece of spelling.pieces) {
    if (piece.kind === "text") out += piece.text;
    else if (!piece.optional || writeOptional(slot++)) out += "零";
  }
  return out;
}

export function optionalSlots(spelling: Spelling): number {
  return spelling.pieces.filter((p) => p.kind === "zero" && p.optional).length;
}

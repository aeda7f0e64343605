/**
 * Chinese line-breaking rules shared by both formats, beyond what UAX #14 (the Unicode line
 * breaker both backends start from) already gives: closing punctuation never starts a line and
 * opening punctuation never ends one (避头尾, UAX #14's CL/OP/QU/NS classes), and in addition
 * no line breaks inside
 * - a date written as 2026年3月19日 (or 2026年3月, 3月19日, 2026 年 3 月 19 日), and a date to
 *   fill in by hand (年　　月　　日);
 * - a number with its separators and sign: 1,943,299.05, ¥1,626,095.5, 020000331921, 2026-03-19,
 *   010-12345678, 08:30, 7*24, and a target with its comparison sign: ≥ 100.00%;
 * - a percentage or per-mille with its sign: 100.00%, 0.3 %, 5‰;
 * - a clause reference such as 第8.2条, 第4.2.2条 or 第二条（一）, each part of a longer one
 *   (第一条 | 第2款 | 第（1）项);
 * - an amount in Chinese capitals: 壹佰玖拾柒万玖仟壹佰元整 (a finance office reads it as one
   figure, and checks it against the figures beside it).
 * UAX #14 allows a break between a digit and an ideograph, and so between 年 and 3, or between
 * 第 and 8; these spans take those opportunities away. The PDF backend skips break
 * opportunities inside them; the DOCX backend joins their characters with WORD JOINER (U+2060),
 * Unicode's "no break here", which has no width, and sets each span in a run of its own (see
 * `unbreakablePieces` and docx/runs: LibreOffice honours the joiner only outside Chinese text).
 */

const DATE = String.raw`\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}\s?年|年[\s\u3000]+月[\s\u3000]+日`;
const NUMBER = String.raw`(?:[≥≤＞＜><]\s?)?[¥￥$]?\d(?:[\d,.:/*×-]*\d)?(?:\s?[%％‰])?`;
const CN_NUMERAL = "[一二三四五六七八九十百零〇两]+";
/**
 * A clause reference part by part, as the house form prints it (see formatClause in the contract
 * model) and as contracts print it: an article with the subsection under it (第8.2条, 第二条（一）),
 * a paragraph or an item (第2款, 第（1）项, 第7目). A long reference (第一条第2款第（1）项) may break
 * between its parts, never inside one.
 */
const CLAUSE = [
  String.raw`第\s?(?:\d+(?:\.\d+)*|${CN_NUMERAL})\s?条(?:[（(]${CN_NUMERAL}[)）])?`,
  String.raw`第\s?(?:\d+(?:\.\d+)*|${CN_NUMERAL})\s?[款项目]`,
  String.raw`第[（(](?:\d+|${CN_NUMERAL})[)）]项`,
].join("|");
const CAPITALS = "[零壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[元圆](?:[零壹贰叁肆伍陆柒捌玖][角分])*(?:[零壹贰叁肆伍陆柒捌玖]分)?[整正]?";

const CAPITAL_START = /^[零壹贰叁肆伍陆柒捌玖]/u;
/** An amount in capitals up to this many characters is never broken; a longer one only after 万 or 亿. */
const CAPITALS_WHOLE = 8;

const UNBREAKABLE = new RegExp(`${DATE}|${CLAUSE}|${CAPITALS}|${NUMBER}`, "gu");

/** The spans of `text` a line must not break inside, as [start, end) offsets in UTF-16 units. */
export function unbreakableSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(UNBREAKABLE)) {
    if (m[0].length <= 1) continue;
    if (!CAPITAL_START.test(m[0]) || m[0].length <= CAPITALS_WHOLE) {
      out.push([m.index, m.index + m[0].length]);
      continue;
    }
    // a long amount in capitals may break after its 万 or 亿, as it is read aloud, and nowhere else
    let from = m.index;
    for (const group of m[0].match(/[^万亿]*[万亿]|[^万亿]+$/gu) ?? []) {
      if (group.length > 1) out.push([from, from + group.length]);
      from += group.length;
    }
  }
  return out;
}

/**
 * Offsets at which a line may not break (a break "at i" falls between text[i - 1] and text[i]):
 * every offset strictly inside an unbreakable span.
 */
export function noBreakOffsets(text: string): Set<number> {
  const out = new Set<number>();
  for (const [start, end] of unbreakableSpans(text)) {
    for (let i = start + 1; i < end; i++) out.add(i);
  }
  return out;
}

/** WORD JOINER: no line break on either side, no width. */
export const WORD_JOINER = "\u2060";

/**
 * The text with a WORD JOINER between the characters of every unbreakable span, for a format
 * whose reader breaks the lines (DOCX). Only where UAX #14 would allow a break: between two
 * digits no joiner is needed, and none is written.
 */
export function joinUnbreakable(text: string): string {
  return unbreakablePieces(text)
    .map((piece) => piece.text)
    .join("");
}

/**
 * The text in pieces: the unbreakable spans that need joining (their characters joined with
 * WORD JOINER, see `joinUnbreakable`) marked `whole`, and the text between them. A DOCX sets each whole piece in
 * a run of its own, which lets it tell LibreOffice to keep the piece on one line (see docx/runs).
 */
export function unbreakablePieces(text: string): { text: string; whole: boolean }[] {
  const spans = unbreakableSpans(text);
  if (spans.length === 0) return [{ text, whole: false }];
  const out: { text: string; whole: boolean }[] = [];
  let last = 0;
  for (const [start, end] of spans) {
    if (start > last) {
      const previous = out[out.length - 1];
      if (previous !== undefined && !previous.whole) previous.text += text.slice(last, start);
      else out.push({ text: text.slice(last, start), whole: false });
    }
    const chars = Array.from(text.slice(start, end));
    let joined = "";
    chars.forEach((ch, i) => {
      const next = chars[i + 1];
      // a space inside a span (2024 年 12 月) is a NO-BREAK SPACE: LibreOffice breaks at a space
      // even between joiners
      joined += ch === " " ? NO_BREAK_SPACE : ch;
      if (next !== undefined && needsJoiner(ch, next)) joined += WORD_JOINER;
    });
    // a number of digits, points and separators alone needs no joiner, and no run of its own
    const whole = joined.includes(WORD_JOINER);
    const previous = out[out.length - 1];
    if (!whole && previous !== undefined && !previous.whole) previous.text += joined;
    else out.push({ text: joined, whole });
    last = end;
  }
  if (last < text.length) {
    const previous = out[out.length - 1];
    if (previous !== undefined && !previous.whole) previous.text += text.slice(last);
    else out.push({ text: text.slice(last), whole: false });
  }
  return out;
}

/** The last two characters of a text when both are ideographs. */
const LAST_TWO_IDEOGRAPHS = /(\p{Script=Han})(\p{Script=Han})$/u;

/**
 * The text with a WORD JOINER between its last two characters when both are ideographs, for a
 * table cell in a format whose reader breaks the lines (DOCX): a cell too narrow for its text
 * then breaks one character earlier (综合 | 成绩) rather than leave one alone on its last line
 * (综合成 | 绩), as the PDF does (see `isOrphanLine`).
 */
export function joinLastTwo(text: string): string {
  return text.replace(LAST_TWO_IDEOGRAPHS, `$1${WORD_JOINER}$2`);
}

/** ZERO WIDTH SPACE: a line may break here; no width. */
export const ZERO_WIDTH_SPACE = "\u200b";

/** Chinese punctuation that ends a clause or an item, followed by a digit or a Latin letter. */
const PUNCTUATION_BEFORE_LATIN = /([、，；：。！？])(?=[0-9A-Za-z])/gu;

/**
 * The text with a ZERO WIDTH SPACE after Chinese punctuation that a digit or a Latin letter
 * follows, for a format whose reader breaks the lines (DOCX). UAX #14 allows a break there, and
 * the PDF takes it; LibreOffice's Chinese line breaking does not, and so broke a list of order
 * numbers (2026040600001、2026041000003、…) inside the numbers instead, wherever the line ran
 * out. The space gives it, and Word, the break the PDF takes.
 */
export function breakAfterPunctuation(text: string): string {
  return text.replace(PUNCTUATION_BEFORE_LATIN, `$1${ZERO_WIDTH_SPACE}`);
}

const NO_BREAK_SPACE = "\u00a0";

const DIGIT_OR_POINT = /[\d,.]/u;

/**
 * Whether a reader's line breaker could break between two characters of a span: anywhere but
 * between digits and their decimal points and thousands separators (UAX #14 never breaks a
 * number there). After a hyphen or a slash it could (10- | 30%, 2026- | 03-19).
 */
function needsJoiner(a: string, b: string): boolean {
  return !(DIGIT_OR_POINT.test(a) && DIGIT_OR_POINT.test(b));
}

const CJK = /\p{Script=Han}/u;

/**
 * Whether the last line of a broken paragraph holds a single ideograph (with or without
 * punctuation after it): a "孤字" that Chinese typesetting avoids by taking one more character
 * down from the line before.
 */
export function isOrphanLine(line: string): boolean {
  const visible = line.replace(/[\s\p{P}]/gu, "");
  return Array.from(visible).length === 1 && CJK.test(visible);
}

/** The widest unbreakable span of `text` in ems (0 when it has none). */
export function widestUnbreakable(text: string, ems: (text: string) => number): number {
  let widest = 0;
  for (const [start, end] of unbreakableSpans(text)) widest = Math.max(widest, ems(text.slice(start, end)));
  return widest;
}

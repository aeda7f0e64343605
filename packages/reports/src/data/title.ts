/**
 * A document title in lines that break only between words. Chinese has no spaces to break at, so
 * a title too long for one line would be broken by the page wherever the line is full, often in
 * the middle of a word (服务项/目). Here the title is split where a reader would split it: before
 * the document's own name (续签合同), or else at a space or a quotation mark of the project name,
 * never between a year and its 年.
 */

/** Characters a title line holds: 20 at 二号 (22 pt) in the 156 mm text block, less a margin for the estimate. */
export const TITLE_LINE_CHARACTERS = 19;

/** Width of `text` in full-width characters: Latin letters, digits and spaces are narrower. */
export function titleWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) width += 0.3;
    else if (/[0-9A-Za-z]/.test(ch)) width += 0.55;
    else if (ch.codePointAt(0)! < 0x2000) width += 0.5;
    else width += 1;
  }
  return width;
}

/** Where a name may be split: after a space (not before 年, 月, 日), after a closing quote, before an opening one. */
function breakPoints(name: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < name.length; i++) {
    const [before, after] = [name[i - 1]!, name[i]!];
    const afterSpace = /\s/.test(before) && !/[\s年月日号]/.test(after);
    if (afterSpace || /[”’》）」』]/.test(before) || /[“‘《（「『]/.test(after)) points.push(i);
  }
  return points;
}

/**
 * `name` + `suffix` as one line when it fits, else `name` and `suffix` on two, else `name` split at
 * the word boundary that gives the most even two lines that both fit (the suffix ending the
 * second). Without such a boundary, the name and the suffix on two lines.
 */
export function titleLines(name: string, suffix: string, max = TITLE_LINE_CHARACTERS): string[] {
  const whole = `${name}${suffix}`;
  if (titleWidth(whole) <= max) return [whole];
  if (titleWidth(name) <= max) return [name, suffix];
  let best: { lines: string[]; widest: number } | undefined;
  for (const at of breakPoints(name)) {
    const lines = [name.slice(0, at).trim(), `${name.slice(at).trim()}${suffix}`];
    const widest = Math.max(...lines.map(titleWidth));
    if (widest <= max && (best === undefined || widest < best.widest)) best = { lines, widest };
  }
  return best?.lines ?? [name, suffix];
}

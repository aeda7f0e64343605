import { textEms } from "./column-widths.js";
import type { Run } from "./types.js";

/**
 * A title too long for one line, broken where a reader would break it. Chinese has no spaces,
 * so a renderer breaks a long title wherever the line is full, often inside a word
 * ("…服务项/目合同书"). Here the break is chosen: before the document's own name (合同书, 协议,
 * 续签合同, 工作月报…), at a space, after a closing or before an opening quotation mark, or, failing
 * those, after a word that ends a name part (项目, 服务, 中心, 区…) — never between a year and its
 * 年. Of the places where both lines fit, the most even split wins.
 */

/** The names documents end in, longest first: a title breaks before them. */
const DOCUMENT_NAMES = ["续签合同", "合同书", "协议书", "工作月报", "验收单", "申请书", "合同", "协议", "月报", "报告"];
/** Words a part of a name ends in: a title may break after them. */
const PART_ENDS = ["项目", "服务", "工作", "中心", "办事处", "街道", "政府", "区", "市", "镇"];

/** Words that continue the one before them (服务 + 项目, 工作 + 项目): no break between. */
const CONTINUATIONS = ["项目", "中心", "工作", "服务"];

interface Candidate {
  at: number;
  /** Lower is better: a document name or punctuation before a word end. */
  rank: number;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text.slice(0, i);
    const after = text.slice(i);
    if (/^\s*[年月日号]/.test(after) || /\d$/.test(before.trimEnd()) && /^\s*\d/.test(after)) continue;
    if (DOCUMENT_NAMES.some((name) => after.trimStart() === name || (after.startsWith(name) && after.length <= name.length + 4))) out.push({ at: i, rank: 0 });
    else if (/\s$/.test(before) && !/^\s/.test(after)) out.push({ at: i, rank: 1 });
    else if (/[”’》）」』]$/.test(before) || /^[“‘《（「『]/.test(after)) out.push({ at: i, rank: 1 });
    else if (PART_ENDS.some((word) => before.endsWith(word)) && !CONTINUATIONS.some((word) => after.startsWith(word))) out.push({ at: i, rank: 2 });
  }
  return out;
}

/**
 * The offset to break a one-line title at so that both lines fit in `maxEms` ems, or undefined
 * when it fits on one line, already has its lines, or no chosen place gives two lines that fit
 * (the renderer then breaks it as it can).
 */
export function titleBreak(text: string, maxEms: number): number | undefined {
  if (text.includes("\n") || textEms(text) <= maxEms) return undefined;
  let best: { at: number; rank: number; widest: number } | undefined;
  for (const { at, rank } of candidates(text)) {
    const widest = Math.max(textEms(text.slice(0, at).trim()), textEms(text.slice(at).trim()));
    if (widest > maxEms) continue;
    if (best === undefined || rank < best.rank || (rank === best.rank && widest < best.widest)) best = { at, rank, widest };
  }
  return best?.at;
}

/** The title's runs with a line break at `titleBreak`, spaces at the break dropped. */
export function breakTitle(runs: readonly Run[], maxEms: number): Run[] {
  const text = runs.map((r) => r.text).join("");
  const at = titleBreak(text, maxEms);
  if (at === undefined) return [...runs];
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const end = offset + run.text.length;
    if (at > offset && at <= end) {
      const head = run.text.slice(0, at - offset).trimEnd();
      const tail = run.text.slice(at - offset).trimStart();
      out.push({ ...run, text: `${head}\n${tail}` });
    } else if (at === offset && out.length > 0) {
      out.push({ ...run, text: `\n${run.text.trimStart()}` });
    } else {
      out.push(run);
    }
    offset = end;
  }
  return out;
}

/** The ems a title line holds: the text block at the title's size, less half an em for the estimate. */
export function titleEms(widthPt: number, sizePt: number): number {
  return widthPt / sizePt - 0.5;
}

/**
 * The service term (term.start / term.end: "2025年5月6日至2026年5月5日", "自2025年1月1日起至2025年12月31日止")
 * and the completion deadline ("于2026年5月5日前完成全部服务内容", "生效后 10 日内或 2025 年 9 月 30 日前完成").
 * A term given only as a length ("自合同签订之日起12个月") is not computed: its dates depend on a day
 * the text does not fix, so they are left to confirm.
 */
import { findDates } from "./text/dates.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { findDays } from "./text/offsets.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { type Extraction, type Extractor, refOf } from "./types.js";

/** Words naming the service term, strongest first. */
const TERM_WORDS: readonly RegExp[] = [
  /服务期限|服务期|履行期|实施时间|实施期限|项目期限|合同期限|服务时间|合同期/,
  /有效期限|有效期/,
];

interface Range {
  start: string;
  end: string;
  p: Paragraph;
  index: number;
  rank: number;
}

const BETWEEN = /^\s*(?:日)?\s*(?:起)?\s*(?:至|到|—|－|–|-|~|～)+\s*$/;

/** Date ranges ("A至B", "A—B") in a paragraph. */
function rangesIn(p: Paragraph): { start: string; end: string; index: number; endIndex: number }[] {
  const dates = findDates(p.text);
  const out: { start: string; end: string; index: number; endIndex: number }[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (BETWEEN.test(p.text.slice(a.index + a.text.length, b.index)) && a.iso < b.iso) {
      out.push({ start: a.iso, end: b.iso, index: a.index, endIndex: b.index + b.text.length });
    }
  }
  return out;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  // the day before the same day N months later
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export const extractTerm: Extractor = (ctx) => {
  const out: Extraction = { found: [], toConfirm: [] };
  const paragraphs = paragraphsOf(ctx.source);
  const ranges: Range[] = [];
  for (const p of paragraphs) {
    for (const r of rangesIn(p)) {
      const before = p.text.slice(Math.max(0, r.index - 24), r.index);
      const rank = TERM_WORDS.findIndex((w) => w.test(before));
      if (rank >= 0) ranges.push({ ...r, p, rank });
    }
  }
  const best = Math.min(...ranges.map((r) => r.rank));
  const chosen = ranges.filter((r) => r.rank === best);
  const first = chosen[0];
  if (first === undefined) {
    termWithoutDates(paragraphs, out);
  } else {
    const line = lineAt(first.p, first.index);
    const src = refOf(line, first.p.text.slice(first.index, first.index + 12));
    const other = chosen.find((r) => r.start !== first.start || r.end !== first.end);
    if (other) {
      const reason = `服务期限前后写法不一致：第 ${first.p.line.no} 行为 ${first.start} 至 ${first.end}，第 ${other.p.line.no} 行为 ${other.start} 至 ${other.end}`;
      out.toConfirm.push({ path: ["term", "start"], reason, source: src }, { path: ["term", "end"], reason, source: src });
    } else {
      const length = lengthNear(first.p.text, first.index);
      if (length !== undefined && addMonths(first.start, length) !== first.end) {
        const reason = `服务期写明 ${length} 个月，与起止日期 ${first.start} 至 ${first.end} 不符`;
        out.toConfirm.push({ path: ["term", "end"], reason, source: src });
        out.found.push({ path: ["term", "start"], value: first.start, source: src, confidence: "medium" });
      } else {
        out.found.push(
          { path: ["term", "start"], value: first.start, source: src, confidence: "high" },
          { path: ["term", "end"], value: first.end, source: src, confidence: "high" },
        );
      }
      const clause = ctx.clauseAt(line.no);
      if (clause !== undefined) out.found.push({ path: ["term", "clause"], value: clause, source: src, confidence: "high" });
      out.found.push({ path: ["term", "text"], value: termText(first.p.text, first.index), source: src, confidence: "high" });
    }
  }
  completion(ctx, paragraphs, out);
  return out;
};

/** "服务期：1年" / "12个月" printed just before a range: its length in months. */
function lengthNear(text: string, index: number): number | undefined {
  const m = new RegExp(`(${NUMBER_PATTERN})\\s*(年|个月)[，,：:\\s]*自?\\s*$`).exec(text.slice(Math.max(0, index - 16), index));
  if (!m) return undefined;
  const n = parseSmallNumber(m[1]!);
  return n === undefined ? undefined : m[2] === "年" ? n * 12 : n;
}

/** The words of the term: from the clause naming it ("服务期限为…") to the end of its sentence. */
function termText(text: string, index: number): string {
  const sentence = sentencesOf(text).filter((x) => x.index <= index).at(-1) ?? { text, index: 0 };
  const head = sentence.text.slice(0, index - sentence.index);
  const word = Math.max(...TERM_WORDS.map((w) => head.search(w)));
  const cut = word > 0 ? Math.max(head.lastIndexOf("，", word), head.lastIndexOf(",", word)) : -1;
  return withoutNumber(cut >= 0 ? sentence.text.slice(cut + 1) : sentence.text);
}

/** A term stated only as a length from an event: its dates are to be confirmed, with the words as the reason. */
function termWithoutDates(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    const m = new RegExp(
      `(?:服务期限|服务期|履行期|合同期限|有效期)[^。；]{0,12}?自[^。；]{0,16}?之日起[^。；]{0,6}?(${NUMBER_PATTERN})\\s*(?:个月|年)`,
    ).exec(p.text);
    if (m) {
      const src = refOf(lineAt(p, m.index), m[0]);
      const reason = `合同只写了“${m[0]}”，起止日期取决于未写明的日期，请填写`;
      out.toConfirm.push({ path: ["term", "start"], reason, source: src }, { path: ["term", "end"], reason, source: src });
      return;
    }
  }
  out.toConfirm.push({ path: ["term", "start"], reason: "未找到服务期限的起止日期" }, { path: ["term", "end"], reason: "未找到服务期限的起止日期" });
}

const AFTER: readonly [RegExp, "signed" | "effective" | "start"][] = [
  [/(?:签订|签署|签字)/, "signed"],
  [/生效/, "effective"],
  [/(?:服务|项目)(?:开始|启动)/, "start"],
];

/** "于2026年5月5日前完成全部服务内容", "生效后 10 日内或 2025 年 9 月 30 日前完成全部工作": each deadline joined by 或. */
function completion(ctx: Parameters<Extractor>[0], paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      const m = /(?:前|内)\s*完成(?:项目|本项目)?(?:全部|所有)(?:项目)?(?:内容|工作|服务)/.exec(s.text);
      if (!m) continue;
      const head = s.text.slice(0, m.index + 1);
      const alternatives: Record<string, unknown>[] = [];
      for (const part of head.split(/或者?/)) {
        const date = findDates(part).at(-1);
        if (date && /^\s*(?:之|以)?前/.test(part.slice(date.index + date.text.length))) {
          alternatives.push({ date: date.iso });
          continue;
        }
        const days = findDays(part).at(-1);
        const after = AFTER.find(([re]) => re.test(part.slice(0, days?.index ?? 0)));
        if (days && after && /后\s*$/.test(part.slice(0, days.index))) {
          alternatives.push({ days: days.days, unit: days.unit, after: after[1] });
        }
      }
      if (alternatives.length === 0) continue;
      const line = lineAt(p, s.index);
      const src = refOf(line, m[0]);
      const clause = ctx.clauseAt(line.no);
      const text = sentencesOf(withoutNumber(p.text)).length <= 2 ? withoutNumber(p.text) : withoutNumber(s.text);
      out.found.push({
        path: ["completion"],
        value: { ...(clause === undefined ? {} : { clause }), alternatives, text },
        source: src,
        confidence: "medium",
      });
      return;
    }
  }
}

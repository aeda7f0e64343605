/**
 * Confidentiality: the clause, who is bound, how long the duty lasts, notice of a leak, return or
 * destruction of material, the marks copies carry, and a separate 保密协议 among the attachments.
 */
import type { SourceLine, SourceText } from "../source/types.js";
import { findDates } from "./text/dates.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { type AttachmentRegion, attachmentSignatureStart, plainSource, regionsOf } from "./text/regions.js";
import { type Extractor, type FoundField, refOf } from "./types.js";

const MARK = "(?:第[一二三四五六七八九十百零〇\\d]+条|[一二三四五六七八九十]+\\s*[、.．]|\\d{1,2}(?:\\s*[、.．]\\s*|\\s+)(?=\\D))";
/** A top-level clause heading: 第七条 …, 七、…, 8 保密. */
const ARTICLE = new RegExp(`^${MARK}\\s*\\S{0,12}$`);
const HEADING = new RegExp(`^${MARK}\\s*\\S{0,6}保密\\S{0,8}$`);
const N = `(${NUMBER_PATTERN})`;

interface Hit {
  line: SourceLine;
  text: string;
}

function find(lines: SourceLine[], re: RegExp): { line: SourceLine; m: RegExpExecArray } | undefined {
  for (const line of lines) {
    const m = re.exec(line.text);
    if (m !== null) return { line, m };
  }
  return undefined;
}

/** The attachment that is a confidentiality agreement, if any. */
function agreementOf(source: SourceText, attachments: AttachmentRegion[]): AttachmentRegion | undefined {
  return attachments.find((a) => {
    const head = source.lines.slice(a.start, Math.min(a.end, a.start + 4)).map((l) => l.text.replace(/\s+/g, ""));
    return head.some((t) => /保密协议/.test(t));
  });
}

export const extractConfidentiality: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const body = source.lines.slice(0, regions.bodyEnd);
  const found: FoundField[] = [];
  const put = (key: string, value: unknown, line: SourceLine, confidence: "high" | "medium", match?: string) =>
    found.push({ path: ["confidentiality", key], value, source: refOf(line, match), confidence });

  // the clause: a heading naming 保密 and the paragraphs under it, or a single sentence on the duty
  let section: Hit[] = [];
  let clauseLine: SourceLine | undefined;
  const h = body.findIndex((l) => HEADING.test(l.text.trim()));
  if (h >= 0) {
    clauseLine = body[h];
    for (const l of body.slice(h + 1)) {
      if (l.text === "") continue;
      if (ARTICLE.test(l.text.trim())) break;
      section.push({ line: l, text: l.text.trim() });
    }
  } else {
    const single = body.find((l) => /保密义务|负有保密|予以保密|严格保密/.test(l.text));
    if (single !== undefined) {
      clauseLine = single;
      section = [{ line: single, text: single.text.trim() }];
    }
  }
  const agreement = agreementOf(source, regions.attachments);
  if (clauseLine === undefined || section.length === 0) return { found, toConfirm: [] };
  const agreementLines = agreement === undefined ? [] : source.lines.slice(agreement.start, agreement.end);
  const all = [...section.map((s) => s.line), ...agreementLines];
  const sectionText = section.map((s) => s.text).join("\n\n");

  // a heading numbered "8 保密" that the outline does not count as a clause: its own number
  const printed = h < 0 ? undefined : /^(\d{1,2})(?:\s+|[、.．]\s*)(?=\D)/.exec(clauseLine.text.trim())?.[1];
  const outlined = ctx.clauseAt(clauseLine.no);
  const clause = printed !== undefined && (outlined === undefined || outlined.split(/[.(\s]/)[0] !== printed) ? printed : outlined;
  if (clause !== undefined) put("clause", clause, clauseLine, "medium");
  // bound on both sides when a sentence puts a duty of secrecy on both (甲乙双方…予以保密, 任何一方…不得透露)
  const both = sectionText.split(/[。；\n]/).some((s) => /双方|任一方|任何一方|各方|获得对方/.test(s) && /保密|泄露|透露/.test(s));
  put("bound", both ? "either" : "vendor", section[0]?.line ?? clauseLine, "medium");

  const years = find(all, new RegExp(`保密(?:义务|期限|期)[^。；，,]{0,8}?(?:为|至)\\s*${N}\\s*年|终止后\\s*${N}\\s*年内?`));
  const perpetual = find(all, /不因[^。；]{0,30}?(终止|期满|解除|失效)[^。；]{0,10}?而(失效|终止|免除|解除)|永久(保密|有效)/);
  if (years !== undefined) {
    const n = parseSmallNumber(years.m[1] ?? years.m[2] ?? "");
    if (n !== undefined) put("duration", { kind: "years-after-end", years: n }, years.line, "medium", years.m[0]);
  } else if (perpetual !== undefined) put("duration", { kind: "perpetual" }, perpetual.line, "medium", perpetual.m[0]);
  else put("duration", { kind: "unspecified" }, clauseLine, "medium");

  const leak = find(all, new RegExp(`${N}\\s*(?:个)?小时内[^。；，,]{0,6}通知`));
  const hours = leak === undefined ? undefined : parseSmallNumber(leak.m[1] ?? "");
  if (leak !== undefined && hours !== undefined) put("leakNoticeHours", hours, leak.line, "high", leak.m[0]);
  const report = find(all, new RegExp(`${N}\\s*个?\\s*(工作日|自然日|日|天)内[^。；]{0,20}书面[^。；]{0,20}报告`));
  const days = report === undefined ? undefined : parseSmallNumber(report.m[1] ?? "");
  if (report !== undefined && days !== undefined)
    put("writtenReport", { days, unit: report.m[2] === "工作日" ? "working" : "natural" }, report.line, "high", report.m[0]);

  const back = find(all, /返还|销毁/);
  if (back !== undefined) put("returnOrDestroy", true, back.line, "medium", back.m[0]);
  const mark = find(all, /标注([^。；]{0,60}?)字样/);
  if (mark !== undefined) {
    const words = [...(mark.m[1] ?? "").matchAll(/[“"「]([^”"」]+)[”"」]/g)].map((m) => m[1] as string);
    if (words.length > 0) put("marking", words, mark.line, "high", mark.m[0]);
  }

  // the penalty for a leak: in the contract's liability clause, else in the agreement
  const penalty =
    find(body, /(泄密|泄露|违反保密|保密条款|保密义务)[^。]*违约金/) ?? find(agreementLines, /违约金/);
  const penaltyClause = penalty === undefined ? undefined : ctx.clauseAt(penalty.line.no);
  if (penalty !== undefined && penaltyClause !== undefined) put("penaltyClause", penaltyClause, penalty.line, "medium", "违约金");

  if (agreement !== undefined && agreement.number !== undefined) {
    const value: Record<string, unknown> = { attachment: agreement.number };
    const term = find(agreementLines, new RegExp(`(?:本协议)?(?:期限|有效期)为\\s*${N}\\s*个月`));
    const months = term === undefined ? undefined : parseSmallNumber(term.m[1] ?? "");
    if (months !== undefined) value.termMonths = months;
    const sigStart = attachmentSignatureStart(source, agreement);
    if (sigStart !== undefined) {
      const dates = source.lines.slice(sigStart, agreement.end).flatMap((l) => findDates(l.text));
      const isos = new Set(dates.map((d) => d.iso));
      const first = dates[0];
      if (first !== undefined && isos.size === 1) value.signed = first.iso;
    }
    put("agreement", value, agreement.heading, "medium");
  }
  put("text", sectionText, section[0]?.line ?? clauseLine, "high");
  return { found, toConfirm: [] };
};

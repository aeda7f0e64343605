import { plainLine } from "../../source/outline.js";
import type { SourceLine, SourceText } from "../../source/types.js";
import { cellsOf, ROLE_PATTERN } from "./labels.js";

/** An attachment printed after the contract's signature page. */
export interface AttachmentRegion {
  /** The heading line (附件一、服务清单; 附件 1:; or an unnumbered title such as 廉 政 协 议 书). */
  heading: SourceLine;
  /** The number as printed (附件一, 附件 1); absent for an unnumbered attachment. */
  number?: string;
  /** The title printed on the heading line after the number, if any. */
  inlineTitle?: string;
  /** Index range [start, end) into the lines, heading included. */
  start: number;
  end: number;
}

/** The parts of a contract's text that extractors look in. Indexes are into `source.lines`. */
export interface Regions {
  /** The cover: lines before the first long paragraph. */
  coverEnd: number;
  /** The contract's own text ends here (the signature page or the first attachment begins). */
  bodyEnd: number;
  /** The main signature page: the line printed above it, and its lines [start, end). */
  signature?: { lead?: SourceLine; start: number; end: number };
  attachments: AttachmentRegion[];
}

/** The line printed above a signature page: （以下无正文）, (以下无正文，为签章页), (本文以下无正文). */
export const LEAD = /^[（(]?\s*(?:本文|本页)?以下无正文.{0,12}?[)）]?$/;
/** A signature line naming a side with its seal: 甲方（盖章）, 乙方(公章), 甲方（签章）. */
export const SEAL_HEADER = new RegExp(`^${ROLE_PATTERN}\\s*[（(]\\s*(?:盖章|公章|签章|签字|章)`);
const ATTACHMENT_HEADING = /^#*\s*(附件\s*(?:[一二三四五六七八九十]+|\d+))\s*(?:(?:[:：、.．]\s*|\s+)(.*))?$/;
/** A numbered clause heading, where a cover cannot be. */
const COVER_STOP = /^(第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+\s*[、.．]|1\s+\S)/;
/** A title printed on its own line: 廉 政 协 议 书, 保密协议, 服务标准. */
const TITLE = /^[^:：，,。；;]{2,40}(?:协议书|协议|合同书|合同|清单|方案|标准|承诺书)$/;

function isSignatureStart(line: SourceLine): boolean {
  const cells = cellsOf(line);
  if (cells !== undefined && new RegExp(`^${ROLE_PATTERN}$`).test(cells[0] ?? "") && cells.length > 2) return true;
  return SEAL_HEADER.test(line.text) || new RegExp(`^${ROLE_PATTERN}\\s*[:：]`).test(line.text);
}

/** Where the cover, the body, the signature page and the attachments are. */
export function regionsOf(source: SourceText): Regions {
  const lines = source.lines;
  // the cover ends at the first running paragraph or numbered clause
  const firstLong = lines.findIndex(
    (l) => l.text.length > 60 || (l.text.length >= 30 && /[：:。]$/.test(l.text)) || (COVER_STOP.test(l.text) && l.text.length <= 30),
  );
  let coverEnd = firstLong < 0 ? lines.length : firstLong;

  // the signature page: after the first lead line, else at the first 甲方（盖章）
  let leadIdx = lines.findIndex((l) => LEAD.test(l.text));
  let start = -1;
  if (leadIdx >= 0) {
    start = lines.findIndex((l, i) => i > leadIdx && isSignatureStart(l));
    // the lead counts only when the signature lines follow it directly
    const between = lines.slice(leadIdx + 1, start < 0 ? leadIdx + 1 : start).filter((l) => l.text !== "");
    if (start < 0 || between.length > 0) leadIdx = -1;
  }
  if (start < 0) start = lines.findIndex((l) => SEAL_HEADER.test(l.text));
  // a text without a cover: it ends where the signature page begins at the latest
  if (start >= 0) coverEnd = Math.min(coverEnd, leadIdx >= 0 ? leadIdx : start);
  let signature: Regions["signature"];
  let bodyEnd = lines.length;
  let afterSignature = coverEnd;
  if (start >= 0) {
    let end = start;
    for (let i = start; i < lines.length; i++) {
      const t = lines[i]?.text ?? "";
      if (t === "") continue;
      if (ATTACHMENT_HEADING.test(t) || LEAD.test(t) || (i > start && TITLE.test(t.replace(/\s+/g, "")) && !/[:：]/.test(t))) break;
      if (t.length > 60 && cellsOf(lines[i] as SourceLine) === undefined) break;
      end = i + 1;
    }
    const lead = leadIdx >= 0 ? lines[leadIdx] : undefined;
    signature = { ...(lead ? { lead } : {}), start, end };
    bodyEnd = leadIdx >= 0 ? leadIdx : start;
    afterSignature = end;
  }

  const attachments: AttachmentRegion[] = [];
  for (let i = afterSignature; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const m = ATTACHMENT_HEADING.exec(line.text);
    if (m?.[1] !== undefined) {
      const inline = m[2]?.trim();
      attachments.push({ heading: line, number: m[1], ...(inline ? { inlineTitle: inline } : {}), start: i, end: lines.length });
    } else if (attachments.length === 0 && signature !== undefined && i < afterSignature + 3) {
      // an unnumbered attachment right after the signature page: a title on its own (廉 政 协 议 书)
      if (line.text !== "" && TITLE.test(line.text.replace(/\s+/g, "")) && !/[:：]/.test(line.text))
        attachments.push({ heading: line, inlineTitle: line.text.replace(/\s+/g, ""), start: i, end: lines.length });
    }
  }
  for (const [k, a] of attachments.entries()) {
    const next = attachments[k + 1];
    if (next !== undefined) a.end = next.start;
  }
  if (signature === undefined && attachments[0] !== undefined) bodyEnd = attachments[0].start;
  return { coverEnd, bodyEnd, ...(signature ? { signature } : {}), attachments };
}

/**
 * Where an attachment's own signature lines start (its 甲方（盖章） or the line after its
 * 以下无正文), or undefined when it prints none.
 */
export function attachmentSignatureStart(source: SourceText, a: AttachmentRegion): number | undefined {
  for (let i = a.start + 1; i < a.end; i++) {
    const t = source.lines[i]?.text ?? "";
    if (SEAL_HEADER.test(t)) return i;
    if (LEAD.test(t)) return i + 1;
    // 甲方：名称 with (盖章) on the next line
    const next = source.lines.slice(i + 1, a.end).find((l) => l.text !== "");
    if (new RegExp(`^${ROLE_PATTERN}\\s*[:：]`).test(t) && next !== undefined && /^[（(]\s*(盖章|签章|公章)\s*[)）]$/.test(next.text.trim())) return i;
  }
  return undefined;
}

const PLAIN = new WeakMap<SourceText, SourceText>();

/** The text with Markdown marks taken off each line (# headings, list dashes, bold), line numbers kept. */
export function plainSource(source: SourceText): SourceText {
  const cached = PLAIN.get(source);
  if (cached !== undefined) return cached;
  const plain: SourceText = { ...source, lines: source.lines.map((l) => ({ ...l, text: plainLine(l.text) })) };
  PLAIN.set(source, plain);
  return plain;
}

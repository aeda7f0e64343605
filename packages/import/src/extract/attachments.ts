/**
 * The attachments: their number and title, from the headings printed after the signature page
 * (附件一、服务清单) and from the list in the contract's text (附件二：服务方案).
 */
import type { SourceLine } from "../source/types.js";
import { parseDate } from "./text/dates.js";
import { stripNumbering } from "./text/labels.js";
import { parseSmallNumber } from "./text/numerals.js";
import { attachmentSignatureStart, LEAD, plainSource, regionsOf } from "./text/regions.js";
import { readSignatureBlocks, toSignatureBlock } from "./text/signature.js";
import { type Extractor, type FoundField, refOf } from "./types.js";

const LISTED = /^(附件\s*(?:[一二三四五六七八九十]+|\d+))\s*[:：、.．]\s*(.+)$/;
const INLINE = /(附件\s*(?:[一二三四五六七八九十]+|\d+))\s*[:：]?\s*《([^》]+)》/g;

function numberKey(number: string): number | undefined {
  return parseSmallNumber(number.replace(/^附件\s*/, ""));
}

function cleanTitle(title: string): string {
  return title
    .trim()
    .replace(/^《(.*)》$/, "$1")
    .replace(/[。；;]$/, "")
    .trim();
}

interface Entry {
  number?: string;
  title: string;
  heading?: string;
  signed?: string;
  signedLine?: SourceLine;
  signaturePage?: { value: Record<string, unknown>; line: SourceLine };
  line: SourceLine;
  titleLine: SourceLine;
}

export const extractAttachments: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const body = source.lines.slice(0, regions.bodyEnd);
  const listed: { line: SourceLine; m: string[] }[] = [];
  for (const line of body) {
    const m = LISTED.exec(stripNumbering(line.text));
    if (m?.[1] !== undefined && m[2] !== undefined && m[2].length <= 60 && !/《/.test(m[2])) {
      listed.push({ line, m: [m[0], m[1], m[2]] });
      continue;
    }
    // a list in running text: 附件1《物业服务标准》；附件2《人员配置表》
    for (const x of line.text.matchAll(INLINE)) if (x[1] !== undefined && x[2] !== undefined) listed.push({ line, m: [x[0], x[1], x[2]] });
  }
  const listTitle = (key: number | undefined) => listed.find((x) => key !== undefined && numberKey(x.m?.[1] ?? "") === key);

  const entries: Entry[] = [];
  for (const a of regions.attachments) {
    const key = a.number === undefined ? undefined : numberKey(a.number);
    const fromList = listTitle(key);
    const next = source.lines.slice(a.start + 1, a.end).find((l) => l.text !== "");
    let title: string | undefined = a.inlineTitle;
    let titleLine = a.heading;
    if (title === undefined && fromList?.m?.[2] !== undefined) {
      title = cleanTitle(fromList.m[2]);
      titleLine = fromList.line;
    }
    if (title === undefined && next !== undefined && next.text.length <= 40) {
      title = next.text.trim();
      titleLine = next;
    }
    if (title === undefined) continue;
    const entry: Entry = { title: cleanTitle(title), heading: a.heading.text.trim(), line: a.heading, titleLine };
    if (a.number !== undefined) entry.number = a.number;
    const sigStart = attachmentSignatureStart(source, a);
    if (sigStart !== undefined) {
      // the signing date's text, when printed without a caption (see signing.ts on captions)
      const dated = source.lines.slice(sigStart, a.end).find((l) => parseDate(l.text) !== undefined);
      if (dated !== undefined) {
        entry.signed = dated.text.trim();
        entry.signedLine = dated;
      }
      // the attachment's own signature blocks (保密协议, 廉政协议书)
      const read = readSignatureBlocks(source, sigStart, a.end);
      if ("blocks" in read && read.blocks.length > 0) {
        const page: Record<string, unknown> = {};
        const lead = source.lines[sigStart - 1];
        if (lead !== undefined && LEAD.test(lead.text)) page.lead = lead.text.trim();
        for (const b of read.blocks) page[b.side] = toSignatureBlock(b);
        entry.signaturePage = { value: page, line: source.lines[sigStart] as SourceLine };
      }
    }
    entries.push(entry);
  }
  for (const x of listed) {
    const key = numberKey(x.m?.[1] ?? "");
    if (entries.some((e) => e.number !== undefined && numberKey(e.number) === key)) continue;
    entries.push({ number: x.m?.[1] ?? "", title: cleanTitle(x.m?.[2] ?? ""), line: x.line, titleLine: x.line });
  }

  const found: FoundField[] = [];
  for (const [i, e] of entries.entries()) {
    const at = (k: string, value: string, line: SourceLine, confidence: "high" | "medium") =>
      found.push({ path: ["attachments", i, k], value, source: refOf(line), confidence });
    if (e.number !== undefined) at("number", e.number, e.line, "high");
    at("title", e.title, e.titleLine, e.number === undefined ? "medium" : "high");
    if (e.heading !== undefined) at("heading", e.heading, e.line, "high");
    if (e.signed !== undefined) at("signed", e.signed, e.signedLine ?? e.line, "medium");
    if (e.signaturePage !== undefined)
      found.push({ path: ["attachments", i, "signaturePage"], value: e.signaturePage.value, source: refOf(e.signaturePage.line), confidence: "medium" });
  }
  return { found, toConfirm: [] };
};

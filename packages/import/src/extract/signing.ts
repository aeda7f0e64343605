/**
 * Signing: the date (the cover's; the signature page's when the cover prints none), the place,
 * the clause that says when the contract takes effect, and the signature page as printed.
 */
import type { SourceLine, SourceText } from "../source/types.js";
import { findDates } from "./text/dates.js";
import { normLabel, splitPairs, stripNumbering } from "./text/labels.js";
import { plainSource, regionsOf } from "./text/regions.js";
import { type ReadBlock, readSignatureBlocks, toSignatureBlock } from "./text/signature.js";
import { type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

const DATE_LABEL = /^[（(]?(签订日期|签署日期|签约日期|签订时间|签署时间|签约时间|订立日期|日期)$/;
const PLACE_LABEL = /^(签订地点|签署地点|签约地点|订立地点|签订地)$/;

/**
 * The date printed on the cover, under a signing-date caption. Its printed text is kept when the
 * line is the date alone or a bracketed line of its own ("(日期：2025年3月1日)"); after a caption
 * ("签订日期：2025年3月1日") whether the caption belongs to it is a matter of convention, on which
 * the hand-made models differ, so no text is written.
 */
function coverDate(lines: SourceLine[]): { line: SourceLine; iso: string; text?: string } | undefined {
  for (const line of lines) {
    for (const pair of splitPairs(line.text)) {
      if (!DATE_LABEL.test(normLabel(pair.label))) continue;
      const dates = findDates(pair.value);
      const d = dates[0];
      const whole = /^[（(].*[)）]$/.test(line.text.trim());
      if (d !== undefined && dates.length === 1) return { line, iso: d.iso, ...(whole ? { text: line.text.trim() } : {}) };
    }
    // a bare date on the cover, in brackets or alone: (2025年3月1日)
    const t = line.text.trim();
    const only = findDates(t);
    const d = only[0];
    if (only.length === 1 && d !== undefined && t.replace(d.text, "").replace(/[\s()（）]/g, "") === "") return { line, iso: d.iso, text: t };
  }
  return undefined;
}

function place(lines: SourceLine[]): { line: SourceLine; value: string; label: string } | undefined {
  for (const line of lines) {
    for (const pair of splitPairs(line.text)) {
      if (PLACE_LABEL.test(normLabel(pair.label)) && pair.value !== "") return { line, value: pair.value, label: pair.label };
    }
  }
  return undefined;
}

/** The words that say when the contract takes effect: the sentence if it is about that alone, else its clause. */
export function effectiveClause(lines: SourceLine[]): { line: SourceLine; text: string } | undefined {
  for (const line of lines) {
    const text = line.text.replace(/^[-*]\s+/, "");
    if (!/生效/.test(text)) continue;
    for (const sentence of text.match(/[^。]+。?/g) ?? []) {
      const parts = sentence.split(/(?<=[，,；;])/);
      const whole = stripNumbering(sentence.trim());
      // the clause that ends in 生效: after signing and sealing, or a sentence of its own (本合同自…之日起生效)
      const k = parts.findIndex(
        (p, i) => /生效[。，,；;]?$/.test(p.trim()) && (/(签字|签章|盖章|签署|签订)/.test(p) || (i === 0 && /^(本合同|本协议)(自|经|于)/.test(whole))),
      );
      if (k < 0) continue;
      if (k === 0 && /^(本合同|本协议|合同|协议)/.test(whole)) return { line, text: whole };
      return { line, text: (parts[k] as string).trim().replace(/[。，,；;]$/, "") };
    }
  }
  return undefined;
}

/** The main signature page: its lead line and both sides' blocks, or why it could not be read. */
export function signaturePageOf(source: SourceText): { found: FoundField[]; problem?: ToConfirm; blocks: ReadBlock[] } {
  const regions = regionsOf(source);
  const sig = regions.signature;
  if (sig === undefined) return { found: [], blocks: [] };
  const read = readSignatureBlocks(source, sig.start, sig.end);
  const first = source.lines[sig.start] as SourceLine;
  if ("problem" in read) return { found: [], blocks: [], problem: { path: ["signing", "signaturePage"], reason: read.problem, source: refOf(first) } };
  const found: FoundField[] = [];
  if (sig.lead !== undefined) found.push({ path: ["signing", "signaturePage", "lead"], value: sig.lead.text.trim(), source: refOf(sig.lead), confidence: "high" });
  for (const b of read.blocks) {
    const at = b.items[0]?.line ?? first;
    found.push({ path: ["signing", "signaturePage", b.side], value: toSignatureBlock(b), source: refOf(at), confidence: "medium" });
  }
  return { found, blocks: read.blocks };
}

export const extractSigning: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const cover = source.lines.slice(0, regions.coverEnd);
  const body = source.lines.slice(0, regions.bodyEnd);
  const page = signaturePageOf(source);
  found.push(...page.found);
  if (page.problem !== undefined) toConfirm.push(page.problem);

  const date = coverDate(cover);
  if (date !== undefined) {
    found.push({ path: ["signing", "date"], value: date.iso, source: refOf(date.line), confidence: "high" });
    if (date.text !== undefined) found.push({ path: ["signing", "dateText"], value: date.text, source: refOf(date.line), confidence: "high" });
  } else {
    // no date on the cover: the signature page's, when both sides print the same one
    const dates = page.blocks.map((b) => b.date).filter((d) => d !== undefined);
    const isos = new Set(dates.map((d) => d.iso));
    const d = dates[0];
    if (d !== undefined && isos.size === 1) {
      const line = d.item.valueLine ?? d.item.line;
      found.push({ path: ["signing", "date"], value: d.iso, source: refOf(line), confidence: "medium" });
      // the date's text only when printed without a caption (see coverDate)
      if (d.item.label === undefined) found.push({ path: ["signing", "dateText"], value: d.text, source: refOf(line), confidence: "medium" });
    } else if (isos.size > 1) {
      toConfirm.push({ path: ["signing", "date"], reason: `封面未印签订日期，签署页上双方日期不同：${dates.map((x) => x.text).join("、")}`, source: refOf(d?.item.line ?? (source.lines[0] as SourceLine)) });
    } else toConfirm.push({ path: ["signing", "date"], reason: "未找到签订日期（封面和签署页均未印日期）" });
  }

  const where = place(cover) ?? place(body);
  if (where !== undefined) found.push({ path: ["signing", "place"], value: where.value, source: refOf(where.line, where.label), confidence: "high" });

  const effective = effectiveClause(body);
  if (effective !== undefined) found.push({ path: ["signing", "effective"], value: effective.text, source: refOf(effective.line, "生效"), confidence: "medium" });
  return { found, toConfirm };
};

/**
 * Paragraphs and sentences of a contract's text. A scan or a PDF cuts sentences at page ends
 * ("…乙方应向甲方支付" / blank lines / "违约金500元。"): a long line that stops in mid-sentence
 * is joined to the next non-empty line unless that one starts a new numbered clause.
 */
import { plainLine } from "../../source/outline.js";
import type { SourceLine, SourceText } from "../../source/types.js";

export interface Paragraph {
  /** The first source line. */
  line: SourceLine;
  /** Every source line joined into it, in order. */
  lines: SourceLine[];
  /** The text with Markdown marks taken off, the joined lines run together. */
  text: string;
}

const ENDS_SENTENCE = /[。；;：:！!？?）)」”】]$/;
const STARTS_CLAUSE =
  /^(?:第\s*[一二三四五六七八九十百零〇\d]+\s*[条章]|[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+(?:[.．]\d+)*\s*[、．.)）]|\d+(?:[.．]\d+)+|[a-zA-Z][)）]|[①-⑳]|附件)/;

/** The paragraphs of a text, in reading order; table rows (lines with cells) stand alone. */
export function paragraphsOf(source: SourceText): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = source.lines;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let text = plainLine(first.text);
    if (text === "") continue;
    const joined = [first];
    while (first.cells === undefined && text.length >= 25 && !ENDS_SENTENCE.test(text)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() === "") j++;
      const next = lines[j];
      if (next === undefined || next.cells !== undefined || j - i > 6) break;
      const nextText = plainLine(next.text);
      if (STARTS_CLAUSE.test(nextText) || /^#/.test(next.text.trim())) break;
      // a page break leaves several blank lines, a cut after a comma, or a next line that starts with punctuation;
      // one blank line after a full line is an ordinary paragraph break
      const cut = j - i > 2 || /[，,、]$/.test(text) || /^[，,。、；;）)]/.test(nextText);
      if (!cut) break;
      text += nextText;
      joined.push(next);
      i = j;
    }
    out.push({ line: first, lines: joined, text });
  }
  return out;
}

/** The source line a character of a paragraph's text came from. */
export function lineAt(p: Paragraph, index: number): SourceLine {
  let at = 0;
  for (const l of p.lines) {
    at += plainLine(l.text).length;
    if (index < at) return l;
  }
  return p.lines.at(-1) ?? p.line;
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph's text. */
  index: number;
}

/** A paragraph's sentences, cut after 。；; (the mark stays with its sentence). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；;]+[。；;]?/g;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t !== "") out.push({ text: t, index: m.index + lead });
  }
  return out;
}

/** A clause's text without its printed number ("3.1 ", "(1) ", "a) ", "1、", "第三条 "). */
export function withoutNumber(text: string): string {
  let s = plainLine(text);
  for (;;) {
    const before = s;
    s = s
      .replace(/^第\s*[一二三四五六七八九十百零〇\d]+\s*[条章]\s*/, "")
      .replace(/^[一二三四五六七八九十]+\s*[、．.]\s*/, "")
      .replace(/^[（(]\s*[一二三四五六七八九十\d]+\s*[）)]\s*/, "")
      // “14.2 协议…”, “3、…”; a point followed by a digit belongs to the number (“14.2协议…” is not “2协议…”)
      .replace(/^\d{1,2}(?:[.．]\d{1,2})*(?:\s*[、．.)）](?!\d)\s*|\s+)/, "")
      .replace(/^\d{1,2}(?:[.．]\d{1,2})+(?=[\u3400-\u9fff])/, "")
      .replace(/^[a-zA-Z][)）]\s*/, "")
      .replace(/^[①-⑳]\s*/, "")
      .replace(/^[-*]\s+/, "");
    if (s === before) return s;
  }
}

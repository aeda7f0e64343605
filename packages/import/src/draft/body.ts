/**
 * The contract's printed text, verbatim, in `body:` sections the way the contract models split
 * it: the cover (`part: cover`), the opening (with the title printed above it, if any), one
 * section per top-level clause under its heading, and the signature page
 * (`part: signature-page`). Attachments are not part of the body. Every printed line is one
 * paragraph; a table's rows become a Markdown table. Lines a scan's text layer made up (an
 * English description of handwriting, a row of dashes) are left out.
 */
import { type Outline, plainLine } from "../source/outline.js";
import type { SourceLine, SourceText } from "../source/types.js";

export interface BodySection {
  part?: "cover" | "signature-page";
  title?: string;
  heading?: string;
  text: string;
}

/** A label that names a party at the start of a line: 甲方：, 乙 方:, 委托方：. */
const PARTY = /^(甲\s*方|乙\s*方|委托方|受托方|采购人|供应商|发包人|承包人)\s*[:：]/;
const CLIENT = /^(甲\s*方|委托方|采购人|发包人)/;
/** A title printed on a line of its own: 服 务 合 同, 月坛街道……协议. */
const TITLE = /^[^:：，,。；;、]{2,40}(合同书|合同|协议书|协议)$/;

/** A line the scan's text layer made up, or a rule of dashes: not printed text. */
export function isNoise(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[-–—_=|\s\t]+$/.test(t)) return true;
  return !/\p{Script=Han}/u.test(t) && (t.match(/[A-Za-z]+/g) ?? []).length >= 3;
}

function isTitle(text: string): boolean {
  return TITLE.test(plainLine(text).replace(/\s+/g, ""));
}

function cellsOf(line: SourceLine): string[] | undefined {
  if (line.cells !== undefined) return line.cells;
  if (line.text.includes("\t")) return line.text.split("\t").map((c) => c.trim());
  return undefined;
}

/**
 * A plain line as Markdown that prints it unchanged: marks that would make emphasis, code, links
 * or HTML escaped anywhere, and those that would make a heading, a quote or a bullet at its start.
 * Numbered lines (1. 2. …) stay as they are, as the contract models write them.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`[\]<]/g, "\\$&").replace(/^(#|>|[-+](?=\s))/, "\\$1");
}

/**
 * Lines as Markdown paragraphs; runs of table rows as one table. A text file's lines are taken as
 * written (a text file of a contract is often Markdown already); other formats' lines are plain
 * text and are escaped.
 */
export function markdownOf(lines: readonly SourceLine[], plain = false): string {
  const md = (t: string) => (plain ? escapeMarkdown(t) : t);
  const blocks: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.length));
    const row = (cells: readonly string[]) =>
      `| ${Array.from({ length: width }, (_, i) => md(cells[i] ?? "").replace(/\|/g, "\\|")).join(" | ")} |`;
    blocks.push([row([]), `|${" --- |".repeat(width)}`, ...table.map(row)].join("\n"));
    table = [];
  };
  for (const line of lines) {
    if (line.text.trim() === "" || isNoise(line.text)) continue;
    const cells = cellsOf(line);
    if (cells !== undefined && cells.length > 1) {
      table.push(cells);
      continue;
    }
    flush();
    blocks.push(md(line.text.trim()));
  }
  flush();
  return blocks.join("\n\n");
}

/** The body sections of a contract's main text. */
export function bodyOf(source: SourceText, outline: Outline): BodySection[] {
  const lines = source.lines;
  const plain = source.format !== "txt";
  const paragraphs = (ls: readonly SourceLine[]) => markdownOf(ls, plain);
  const end = outline.attachments[0]?.line ?? Number.POSITIVE_INFINITY;
  const mainEnd = Math.min(outline.mainEnd ?? end, end);
  const first = outline.articles[0]?.line ?? mainEnd;
  const between = (from: number, to: number) => lines.filter((l) => l.no >= from && l.no < to);
  const printed = (from: number, to: number) => between(from, to).filter((l) => l.text.trim() !== "" && !isNoise(l.text));
  const sections: BodySection[] = [];

  // the cover: everything before the parties are named a second time
  const parties = printed(1, first).filter((l) => PARTY.test(plainLine(l.text)));
  const firstClient = parties.find((l) => CLIENT.test(plainLine(l.text)));
  const second = parties.find((l) => firstClient !== undefined && l.no > firstClient.no && CLIENT.test(plainLine(l.text)));
  let opening = 1;
  if (second !== undefined) {
    let coverEnd = second.no;
    const before = printed(1, second.no);
    const last = before.at(-1);
    if (last !== undefined && isTitle(last.text) && before.length > 1) coverEnd = last.no;
    const cover = paragraphs(between(1, coverEnd));
    if (cover !== "") sections.push({ part: "cover", text: cover });
    opening = coverEnd;
  }

  // the opening: the title printed above it, the parties, the preamble
  const openingLines = printed(opening, first);
  const head = openingLines[0];
  if (head !== undefined) {
    const titled = isTitle(head.text) && openingLines.length > 1;
    const text = paragraphs(between(titled ? head.no + 1 : opening, first));
    sections.push({ ...(titled ? { title: plainLine(head.text) } : {}), text });
  }

  // one section per top-level clause
  outline.articles.forEach((article, i) => {
    const next = outline.articles[i + 1]?.line ?? mainEnd;
    const line = lines.find((l) => l.no === article.line)!;
    const heading = plainLine(line.text);
    // a clause whose text follows its number on the same line (第八条 本协议一式四份……): the number is the heading
    const long = article.title.length > 20 || /[，。；,;]/.test(article.title);
    const text = paragraphs(between(article.line + 1, next));
    const title = plain ? escapeMarkdown(article.title) : article.title;
    if (long) sections.push({ heading: article.marker, text: text === "" ? title : `${title}\n\n${text}` });
    else sections.push({ heading, text });
  });

  // the signature page
  if (outline.mainEnd !== undefined && outline.mainEnd < end) {
    const page = printed(outline.mainEnd, end);
    const lead = page[0];
    const heading = page.find((l) => l !== lead || !/以下无正文/.test(l.text));
    const titled = heading !== undefined && /^合同签署页$|^签署页$|^签章页$/.test(plainLine(heading.text));
    if (titled) {
      // a signature page with a heading of its own: what is printed above it (以下无正文) ends the text
      const above = paragraphs(page.filter((l) => l.no < heading.no));
      if (above !== "") sections.push({ text: above });
      const text = paragraphs(page.filter((l) => l.no > heading.no));
      sections.push({ part: "signature-page", heading: plainLine(heading.text), text });
    } else {
      const text = paragraphs(page);
      if (text !== "") sections.push({ part: "signature-page", text });
    }
  }
  return sections.filter((s) => s.text !== "" || s.heading !== undefined);
}

/** An attachment's printed text, for `attachments[].text`. */
export interface AttachmentText {
  /** The heading line. */
  line: number;
  /** Its number as printed ("附件一", "附件 2"), "" when it has none. */
  number: string;
  /** The heading line as printed, Markdown marks off ("附件一:", "廉 政 协 议 书"). */
  heading: string;
  /** The text after the heading, up to its signature block, verbatim (Markdown). */
  text: string;
}

/** A caption printed alone under a signatory's name: (盖章), （签字）. */
const SEAL_ALONE = /^[（(]\s*(盖章|公章|签章|签字)\s*[)）]$/;
/** Where an attachment's own signature block begins: its end marker or a seal caption. */
const ATTACHMENT_END = [/[（(]\s*(本文|本页)?以下无正文/, /^(甲|乙)\s*方\s*[（(]\s*(盖章|公章|签章|签字)/];

/**
 * The text of each attachment after the main text: the lines after its heading, up to its own
 * signature block (以下无正文, 甲方（盖章）, or a name with “(盖章)” under it) or the next attachment.
 */
export function attachmentTexts(source: SourceText, outline: Outline): AttachmentText[] {
  const plain = source.format !== "txt";
  return outline.attachments.map((a, i) => {
    const next = outline.attachments[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const lines = source.lines.filter((l) => l.no > a.line && l.no < next);
    const printed = lines.filter((l) => l.text.trim() !== "" && !isNoise(l.text));
    let end = printed.findIndex((l) => ATTACHMENT_END.some((re) => re.test(plainLine(l.text))));
    const seal = printed.findIndex((l) => SEAL_ALONE.test(plainLine(l.text)));
    if (seal > 0 && (end < 0 || seal - 1 < end)) end = seal - 1;
    const upTo = end < 0 ? next : printed[end]!.no;
    const heading = plainLine(source.lines.find((l) => l.no === a.line)?.text ?? "");
    return { line: a.line, number: a.number, heading, text: markdownOf(lines.filter((l) => l.no < upTo), plain) };
  });
}

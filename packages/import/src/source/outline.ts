/**
 * The clause outline of a contract's text: which numbered clause each line belongs to, written
 * the way the contract models write a clause id (`ClauseRef`):
 *
 * | printed | id |
 * |---|---|
 * | `第二条`, `二、` | `二` |
 * | `（一）` under an article | `二(一)` |
 * | `1、`, `1.` under an article or a subsection | `二.1`, `一(一)1` |
 * | `(1)` | `二.2(1)` |
 * | `1)`, `a)` | `一.2(1) 1)`, `4.2.2 a)` |
 * | `4.2`, `5.1.`, `4.2.2` (decimal numbering names the clause itself) | `4.2`, `5.1`, `4.2.2` |
 * | a row of a numbered table in an attachment | `附件一 序号5` |
 * | anything inside an attachment | `附件一 5.1`, `附件2 4.2` |
 *
 * A level this grammar cannot write (a second Chinese-numbered level under `第X条`, say) is not
 * guessed: the line gets the clause above it. Lines after the main text's end (`以下无正文`, the
 * signature page) and before a numbered attachment belong to no clause.
 */
import type { SourceLine, SourceText } from "./types.js";

/** A numbered heading (or numbered paragraph) as the outline read it. */
export interface OutlineHeading {
  /** Source line number. */
  line: number;
  /** The clause id at this heading, as the contract models write it ("二.2(1)", "附件一 5.1"); a chapter's marker ("第一章"). */
  number: string;
  /** The rest of the line after the number, trimmed ("合同价款及支付方式"). */
  title: string;
  /** What kind of number it is. */
  kind: HeadingKind;
  /** The marker as printed at the start of the line ("第二条", "二、", "(1)", "4.2.1"). */
  marker: string;
}

/** One attachment the outline found after the main text. */
export interface OutlineAttachment {
  /** The line of its heading. */
  line: number;
  /** Its number as printed, without separators ("附件一", "附件 2"); "" for an attachment printed without one. */
  number: string;
  /** Its number as written in a clause id ("附件一", "附件2"); "" when it has none (its lines then have no clause). */
  id: string;
  /** What follows the number on the heading line, trimmed of separators ("服务清单"), or "". */
  title: string;
}

export interface Outline {
  /** The clause in force at a line (its own heading's, or the last heading's above it), if any. */
  clauseAt(line: number): string | undefined;
  /** Every numbered heading, in reading order. */
  headings: OutlineHeading[];
  /** The top-level headings of the main text (第X章, 第X条 / X、), in order. */
  articles: OutlineHeading[];
  /** The first line after the main text (its end marker or signature block), if one was found. */
  mainEnd: number | undefined;
  /** The attachments found after the main text, in order. */
  attachments: OutlineAttachment[];
}

export type HeadingKind =
  | "chapter" // 第一章: above the articles, not part of a clause id (articles are numbered through)
  | "article" // 第二条 / 二、
  | "section" // （一）
  | "paragraph" // 1、 1.
  | "decimal" // 4.2 / 4.2.1
  | "item" // (1)
  | "subitem" // 1) a)
  | "row" // a numbered table row in an attachment
  | "other-cn"; // a Chinese-numbered level that is not the article level

const CN = "[一二三四五六七八九十百零〇]+";

/** The printed line with Markdown marks taken off: heading #, list dashes, bold, escapes. */
export function plainLine(text: string): string {
  let s = text.trim();
  for (;;) {
    const before = s;
    s = s
      .replace(/^#{1,6}\s*/, "")
      .replace(/^[-*+]\s+/, "")
      .replace(/^\*\*(.*?)\*\*/, "$1")
      .trim();
    if (s === before) break;
  }
  return s.replace(/\\([*_#\\[\]()`-])/g, "$1").replace(/\*\*/g, "");
}

interface Marker {
  kind: HeadingKind;
  /** The number as it goes into a clause id. */
  id: string;
  /** For articles: which printed style ("zhang" 第X条, "dun" X、). */
  style?: "tiao" | "dun";
  /** For decimals: the number of parts. */
  depth?: number;
  marker: string;
  title: string;
}

const PATTERNS: readonly { re: RegExp; make: (m: RegExpExecArray) => Omit<Marker, "marker" | "title"> }[] = [
  { re: new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*(?:章|部分)(?=.{0,30}$)`), make: (m) => ({ kind: "chapter", id: m[1]! }) },
  { re: new RegExp(`^第\\s*(${CN})\\s*条`), make: (m) => ({ kind: "article", id: m[1]!, style: "tiao" }) },
  // an article numbered in Arabic keeps its 第…条, so that 第1条 1、 reads 第1条第1款, not 1.1
  { re: /^第\s*(\d{1,3})\s*条/, make: (m) => ({ kind: "article", id: `第${m[1]}条`, style: "tiao" }) },
  { re: new RegExp(`^(${CN})\\s*[、．.]`), make: (m) => ({ kind: "article", id: m[1]!, style: "dun" }) },
  { re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`), make: (m) => ({ kind: "section", id: `(${m[1]})` }) },
  {
    // 4.2 / 5.1. / 4.2.1 — at most two digits a part, so dates (2026.3.19) and amounts are not numbers
    re: /^(\d{1,2}(?:[.．]\d{1,2})+)[.．]?(?![\d.．%])/,
    make: (m) => {
      const id = m[1]!.replace(/．/g, ".");
      return { kind: "decimal", id, depth: id.split(".").length };
    },
  },
  { re: /^(\d{1,2})\s*[、.．](?![\d%])/, make: (m) => ({ kind: "paragraph", id: m[1]! }) },
  { re: /^[（(]\s*(\d{1,2})\s*[）)]/, make: (m) => ({ kind: "item", id: `(${m[1]})` }) },
  { re: /^(\d{1,2}|[a-z])\)/, make: (m) => ({ kind: "subitem", id: `${m[1]})` }) },
];

/** Full-width digits as ASCII, character for character (so positions stay those of the printed text). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function markerOf(text: string): Marker | undefined {
  for (const { re, make } of PATTERNS) {
    const m = re.exec(asciiDigits(text));
    if (m === null) continue;
    const title = text
      .slice(m[0].length)
      .replace(/^[\s:：、.．]+/, "")
      .trim();
    return { ...make(m), marker: m[0].trim(), title };
  }
  return undefined;
}

const ATTACHMENT = new RegExp(`^附件\\s*(${CN}|\\d+)(?=$|[\\s:：、.．（(《]|[^\\d一二三四五六七八九十])`);

function attachmentOf(text: string): { number: string; id: string; title: string } | undefined {
  const m = ATTACHMENT.exec(text);
  if (m === null) return undefined;
  const title = text
    .slice(m[0].length)
    .replace(/^[\s:：、.．]+/, "")
    .trim();
  return { number: m[0].trim(), id: `附件${m[1]}`, title };
}

/** The title of an attachment printed without a number, on a line of its own: 廉 政 协 议 书, 保密协议. */
const UNNUMBERED = /^[^:：，,。；;、()（）]{2,30}(协议书|协议|承诺书|清单|服务方案|服务标准)$/;

/** The line that ends the main text: 以下无正文, or a signature caption such as 甲方（盖章）. */
const MAIN_END = [/[（(]\s*(本文)?以下无正文/, /^(甲|乙)\s*方\s*[（(]\s*(盖章|公章|签章|签字)/, /^合同签署页$/];

function isMainEnd(text: string): boolean {
  return MAIN_END.some((re) => re.test(text));
}

/** The cells of a table row: the reader's, or the tab-separated parts of a text line. */
function cellsOf(line: SourceLine): string[] | undefined {
  if (line.cells !== undefined) return line.cells;
  if (line.text.includes("\t")) return line.text.split("\t").map((c) => c.trim());
  return undefined;
}

interface Level {
  kind: HeadingKind;
  id: string;
  depth?: number;
}

/** How deep each kind of number sits; a new number closes every open level as deep or deeper. */
/** A line ending a sentence (or an item of a list): what follows it starts anew. */
const ENDS_SENTENCE = /[。；;！!？?]$/;

const RANK: Record<HeadingKind, number> = {
  chapter: -1,
  article: 0,
  section: 1,
  "other-cn": 1,
  paragraph: 2,
  decimal: 2,
  row: 2,
  item: 3,
  subitem: 4,
};

/** Whether an open level stays open when `next` starts. */
function stays(open: Level, next: Level): boolean {
  // a decimal (4.2.1) sits under the article and the shorter decimals (4.2) only
  if (next.kind === "decimal") return open.kind === "chapter" || open.kind === "article" || (open.kind === "decimal" && (open.depth ?? 0) < (next.depth ?? 0));
  return RANK[open.kind] < RANK[next.kind];
}

/** A clause id from the open levels, outermost first. */
function compose(prefix: string | undefined, stack: readonly Level[]): string | undefined {
  // a decimal number names the clause on its own: start from the last one
  let from = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i]!.kind === "decimal") {
      from = i;
      break;
    }
  }
  let id = "";
  let last: HeadingKind | undefined;
  for (const level of stack.slice(from)) {
    if (level.kind === "chapter") continue;
    if (level.kind === "other-cn") break;
    switch (level.kind) {
      case "article":
      case "decimal":
      case "row":
        id = id === "" ? level.id : `${id} ${level.id}`;
        break;
      case "section":
        id += level.id;
        break;
      case "paragraph":
        if (last === "article") id += `.${level.id}`;
        else if (last === "section" || last === undefined) id += level.id;
        else id = id === "" ? level.id : `${id} ${level.id}`;
        break;
      case "item":
        id += level.id;
        break;
      case "subitem":
        id = id === "" ? level.id : `${id} ${level.id}`;
        break;
    }
    last = level.kind;
  }
  if (id === "") return prefix;
  return prefix === undefined ? id : `${prefix} ${id}`;
}

/**
 * Reads the clause numbering of a contract's text.
 *
 * @example
 * ```ts
 * const outline = outlineOf(source);
 * outline.clauseAt(67); // "二.2(1)"
 * ```
 */
export function outlineOf(source: SourceText): Outline {
  const byLine = new Map<number, string | undefined>();
  const headings: OutlineHeading[] = [];
  const articles: OutlineHeading[] = [];
  const attachments: OutlineAttachment[] = [];
  const lines = source.lines;

  // the main text ends at its first end marker; attachments start at a 附件 heading after it
  let mainEnd: number | undefined;
  for (const line of lines) {
    if (isMainEnd(plainLine(line.text))) {
      mainEnd = line.no;
      break;
    }
  }

  let prefix: string | undefined;
  let inMain = true;
  let afterMain = false;
  let articleStyle: "tiao" | "dun" | undefined;
  let tableNumbered = false;
  let stack: Level[] = [];
  /** The last non-empty line read, to tell a new paragraph from a line broken at a page end. */
  let previous = "";

  for (const [index, line] of lines.entries()) {
    const text = plainLine(line.text);
    if (inMain && mainEnd !== undefined && line.no >= mainEnd) {
      inMain = false;
      afterMain = true;
      prefix = undefined;
      stack = [];
    }
    const attachment = attachmentOf(text);
    if (attachment !== undefined && isAttachmentStart(lines, index, inMain)) {
      inMain = false;
      afterMain = false;
      prefix = attachment.id;
      stack = [];
      articleStyle = undefined;
      tableNumbered = false;
      attachments.push({ line: line.no, number: attachment.number, id: attachment.id, title: attachment.title });
      byLine.set(line.no, prefix);
      continue;
    }
    if (afterMain) {
      // an attachment printed without a number (廉 政 协 议 书): its clauses cannot be named, so none is given
      if (UNNUMBERED.test(text.replace(/\s+/g, "")) && !attachments.some((a) => a.id === "")) {
        attachments.push({ line: line.no, number: "", id: "", title: text.replace(/\s+/g, "") });
      }
      byLine.set(line.no, undefined);
      continue;
    }

    const cells = cellsOf(line);
    if (cells !== undefined && prefix !== undefined) {
      // a numbered table (序号 …) inside an attachment: each row is an item
      if (/^序号$/.test(cells[0] ?? "")) tableNumbered = true;
      const n = /^(\d{1,3})$/.exec(cells[0] ?? "");
      if (tableNumbered && n !== null) {
        const row: Level = { kind: "row", id: `序号${n[1]}` };
        stack = [...stack.filter((open) => stays(open, row)), row];
        const number = compose(prefix, stack)!;
        headings.push({ line: line.no, number, title: cells[1] ?? "", kind: "row", marker: n[1]! });
        byLine.set(line.no, number);
        continue;
      }
    }

    const marker = markerOf(text);
    if (marker !== undefined) {
      let kind = marker.kind;
      if (kind === "article") {
        articleStyle ??= marker.style;
        if (marker.style !== articleStyle) kind = "other-cn";
      }
      const level: Level = { kind, id: marker.id, ...(marker.depth !== undefined ? { depth: marker.depth } : {}) };
      stack = [...stack.filter((open) => stays(open, level)), level];
      const number = compose(prefix, stack);
      if (number !== undefined || kind === "chapter") {
        const heading: OutlineHeading = { line: line.no, number: number ?? marker.marker, title: marker.title, kind, marker: marker.marker };
        headings.push(heading);
        if ((kind === "article" || kind === "chapter") && inMain) articles.push(heading);
      }
      byLine.set(line.no, number);
      previous = text;
      continue;
    }
    // an unnumbered paragraph after a finished item — (1) …。 a) …； — is no longer part of it
    const last = stack.at(-1);
    if (text !== "" && (last?.kind === "item" || last?.kind === "subitem") && ENDS_SENTENCE.test(previous)) {
      stack = stack.filter((open) => open.kind !== "item" && open.kind !== "subitem");
    }
    if (text !== "") previous = text;
    byLine.set(line.no, compose(prefix, stack));
  }

  return {
    clauseAt: (line) => byLine.get(line),
    headings,
    articles,
    mainEnd,
    attachments,
  };
}

/**
 * Whether a 附件 line opens an attachment rather than listing one. After the main text it does;
 * in a text without an end marker, only when it is not one of a list of 附件 lines.
 */
function isAttachmentStart(lines: readonly SourceLine[], index: number, inMain: boolean): boolean {
  if (!inMain) return true;
  const hasMainEnd = lines.some((l) => isMainEnd(plainLine(l.text)));
  if (hasMainEnd) return false;
  const neighbour = (step: number): string | undefined => {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      const t = plainLine(lines[i]!.text);
      if (t !== "") return t;
    }
    return undefined;
  };
  const isListed = (t: string | undefined) => t !== undefined && ATTACHMENT.test(t);
  return !isListed(neighbour(-1)) && !isListed(neighbour(1));
}

/**
 * Reading a line of a Markdown (.md) file as the words a contract prints. No line is ever
 * added or removed: line N of the result is line N of the file, the number an editor shows.
 * (A .txt file is read as it is; see text-file.ts.)
 *
 * Removed (marks that are not printed words):
 * - heading marks: `### 一、项目内容` → `一、项目内容` (closing `###` too);
 * - bullet marks of unordered lists: `- (1) …`, `* …`, `+ …` → `(1) …`;
 * - block quote marks `> `;
 * - emphasis `**x**`, `*x*`, `__x__`, strike-through `~~x~~`, inline code `` `x` ``;
 * - links and images `[text](url)` → `text`; simple inline HTML tags (`<u>`, `<br>`, `<span>` …);
 * - backslash escapes before ASCII punctuation: `7\*24` → `7*24`;
 * - rule lines (`---`, `***`, `===`, table separators `|---|:--|`, `--\t--`): the line becomes empty.
 *
 * Kept: everything else, notably the printed numbering of clauses and items (`1.`, `一、`,
 * `(1)`, `第五条`), runs of underscores (blanks to fill in: `____年__月__日`), and the
 * full-width punctuation of the text.
 *
 * Table rows become cells: a row of a pipe table (`| 名称 | 北京市… |`) and a line with tabs
 * between words (a table pasted as text). Cells are kept in order, empty ones included (so
 * that columns stay aligned with the row above), without the empty cells at the row's end.
 */
export interface CleanLine {
  text: string;
  cells?: string[];
}

/** Characters that stand in for escaped punctuation while marks are stripped (U+E000 + ASCII code). */
const ESCAPE_BASE = 0xe000;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PLACEHOLDER = /[\ue021-\ue07e]/g;

/** Control characters other than tab. */
const CONTROL = /(?!\t)\p{Cc}/gu;
const RULE = /^[\s\-=*_:|+]*$/;
const RULE_MARKS = /[-=*_]/g;
const HEADING = /^#{1,6}(?:\s+|$)/;
const HEADING_CLOSE = /\s+#+$/;
const QUOTE = /^(?:>\s?)+/;
const BULLET = /^[-*+]\s+/;
const HTML_TAG = /<\/?(?:u|b|i|s|em|strong|span|font|sup|sub|mark|del|ins|div|p|br)\b[^<>]*>/gi;

function protect(line: string): string {
  return line.replace(ESCAPED, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)));
}

function restore(text: string): string {
  return text.replace(PLACEHOLDER, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
}

/** Strips inline marks from a protected piece of text (escapes still stand in as placeholders). */
function inline(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(HTML_TAG, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "$1")
    .replace(/(?<!_)__(?=[^\s_])(.+?)(?<=[^\s_])__(?!_)/g, "$1")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
    .replace(/(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])/g, "$1")
    .replace(/\*\*\s*\*\*/g, "")
    .trim();
}

/** A rule line: only dashes, equals signs, asterisks, underscores, colons, pipes and spaces, with at least three marks. */
function isRule(line: string): boolean {
  return RULE.test(line) && (line.match(RULE_MARKS)?.length ?? 0) >= 3;
}

/** Cells of a row split at `separator`, each cleaned; the empty cells at the end dropped. */
function cellsOf(row: string, separator: string): string[] {
  const cells = row.split(separator).map((cell) => restore(inline(cell)));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/** One line of a Markdown file, cleaned as the module comment says. `raw` has no line break. */
export function cleanLine(raw: string): CleanLine {
  // Control characters other than tab (a form feed of a converted PDF, a stray NUL) read as spaces.
  const protectedRaw = protect(raw.replace(CONTROL, " "));
  let line = protectedRaw;
  if (line.trim() === "") return { text: "" };
  if (isRule(line)) return { text: "" };
  line = line.trim().replace(HEADING, "").replace(HEADING_CLOSE, "").replace(QUOTE, "");
  line = line.replace(BULLET, "");
  if (line.startsWith("|") && line.length > 1) {
    const inner = line.replace(/^\|/, "").replace(/\|$/, "");
    const cells = cellsOf(inner, "|");
    if (cells.length > 0) return { text: cells.join("\t"), cells };
  }
  // Tabs between words (not only around the line): a table row pasted as text. Leading empty
  // cells are kept, so the raw line (before trimming) is split.
  if (/\S\t+\S/.test(line)) {
    const cells = cellsOf(protectedRaw, "\t");
    return { text: cells.join("\t").trim(), cells };
  }
  return { text: restore(inline(line)) };
}

/**
 * One line of a plain text (.txt) file: the line as it is, trimmed, control characters other
 * than tab read as spaces. A line with tabs between words (a table pasted as text) also gets
 * its cells, split at the tabs (leading empty cells kept, trailing ones dropped); a rule row of
 * dashes between tabs (`--\t--`) gets none.
 */
export function plainTextLine(raw: string): CleanLine {
  const line = raw.replace(CONTROL, " ");
  const text = line.trim();
  if (!/\S\t+\S/.test(text)) return { text };
  const cells = line.split("\t").map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  if (cells.every((c) => /^[-=:_*\s]*$/.test(c))) return { text };
  return { text, cells };
}

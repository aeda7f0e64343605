import { markdown } from "./parse.js";

/** A line that already ends in a hard break: a backslash, or two spaces. */
const HARD_BREAK = /(?:\\| {2,})$/;

/**
 * Text whose line breaks are the printed ones (a contract transcribed line by line), as
 * Markdown that keeps them: every line of a paragraph but its last ends in a hard break, so
 * lines such as a party's name, address and postal code stay on lines of their own instead of
 * running together. Everything else (tables, lists, headings, code, blank lines) is unchanged.
 */
export function keepLineBreaks(source: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  const breakAfter = new Set<number>();
  for (const token of markdown().parse(source, {})) {
    if (token.type !== "paragraph_open" || token.map === null) continue;
    const [first, end] = token.map;
    for (let line = first; line < end - 1; line++) breakAfter.add(line);
  }
  return lines.map((line, i) => (breakAfter.has(i) && !HARD_BREAK.test(line) ? `${line}\\` : line)).join("\n");
}

/**
 * Escapes a value so that it prints literally wherever a template puts it inline:
 * in a paragraph, a list item, a table cell, a `:::kv` or `:::party` item, or a
 * heading. After parsing, the text equals `value` exactly.
 *
 * - every ASCII punctuation character gets a backslash, so nothing is read as
 *   emphasis, a link, a table pipe, a heading, a list number, a directive or HTML;
 * - line breaks become character references (`&#10;`), which parse back to a line
 *   break inside the run, even in a table cell or heading;
 * - the full-width colon becomes `&#xFF1A;`, so a value never splits a `标签：值` item;
 * - whitespace at either end becomes character references, so it is not trimmed.
 *
 * Control characters other than tab, line feed and carriage return (which no
 * document should hold) cannot be kept at either end: Markdown trims them and
 * refuses them as character references. NUL becomes U+FFFD.
 */
export function escapeMarkdown(value: string): string {
  const escaped = value
    .replace(/[!-/:-@[-`{-~]/g, "\\$&")
    .replace(/[\r\n\t：]/g, (ch) => `&#${ch.codePointAt(0)};`);
  const lead = /^\s*/u.exec(escaped)![0];
  if (lead.length === escaped.length) return references(escaped);
  const trail = /\s*$/u.exec(escaped)![0];
  return references(lead) + escaped.slice(lead.length, escaped.length - trail.length) + references(trail);
}

function references(whitespace: string): string {
  return Array.from(whitespace, (ch) => `&#${ch.codePointAt(0)};`).join("");
}

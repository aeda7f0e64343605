import { keepLineBreaks } from "@qiyue/document";
import { requireInteger, requireString } from "./args.js";

const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const DIRECTIVE = /^( {0,3}(?:[-*+] |\d{1,9}[.)] )?)(?=:{2})/;

/**
 * Contract text that is Markdown by the schema (body sections, attachments), made safe to
 * place between the template's own blocks: its headings are moved down so that `#` becomes
 * `depth` levels deep (a contract's text never becomes the document title; depth 1 keeps `#`
 * a title, for a contract's own cover), lines that would read as a qiyue directive (`::toc`,
 * `:::kv`) are escaped, and images are written as text. Tables, lists and emphasis are kept,
 * and so is every line break: the text is the contract's print, line by line, so a line of a
 * paragraph ends in a hard break rather than running into the next (see `keepLineBreaks`).
 * Raw HTML is never rendered by the parser.
 */
export function verbatim(text: unknown, depth: unknown = 3): string {
  const source = requireString("verbatim", text);
  const shift = requireInteger("verbatim depth", depth, 1) - 1;
  const safe = source
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(ATX_HEADING, (_all, indent: string, hashes: string) => indent + "#".repeat(Math.min(6, hashes.length + shift)))
        .replace(DIRECTIVE, "$1\\")
        .replace(/!\[/g, "!\\["),
    )
    .join("\n");
  return keepLineBreaks(safe);
}

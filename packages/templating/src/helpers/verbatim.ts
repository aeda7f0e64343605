import { requireInteger, requireString } from "./args.js";

const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const DIRECTIVE = /^( {0,3}(?:[-*+] |\d{1,9}[.)] )?)(?=:{2})/;

/**
 * Contract text that is Markdown by the schema (body sections, attachments), made safe to
 * place between the template's own blocks: its headings are moved down so that `#` becomes
 * `depth` levels deep (a contract's text never becomes the document title), lines that would
 * read as a qiyue directive (`::toc`, `:::kv`) are escaped, and images are written as text.
 * Tables, lists, emphasis and line structure are kept. Raw HTML is never rendered by the parser.
 */
export function verbatim(text: unknown, depth: unknown = 3): string {
  const source = requireString("verbatim", text);
  const shift = requireInteger("verbatim depth", depth, 1) - 1;
  return source
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(ATX_HEADING, (_all, indent: string, hashes: string) => indent + "#".repeat(Math.min(6, hashes.length + shift)))
        .replace(DIRECTIVE, "$1\\")
        .replace(/!\[/g, "!\\["),
    )
    .join("\n");
}

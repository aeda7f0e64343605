/**
 * Bounds on what a template may ask of the engine, checked before Handlebars sees the text:
 * its size, how deep blocks and sub-expressions nest, and (partials.ts) partials that call
 * themselves. Past these, Handlebars overflows its stack or runs for minutes; here the
 * template gets an error at the file, line and column where the limit is passed.
 */
import { TemplateError } from "./errors.js";

/** Largest template file read, in bytes (the built-in templates are a few kilobytes). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Deepest nesting of `{{#if}}`, `{{#each}}`, `{{#with}}`, `{{#unless}}` blocks. */
export const MAX_BLOCK_DEPTH = 64;
/** Deepest nesting of sub-expressions `(helper (helper …))` inside one `{{ }}`. */
export const MAX_EXPRESSION_DEPTH = 32;

/** Line and column (1-based) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Scans a template's text for nesting deeper than the limits, without parsing it (the parser
 * is what a deep template overwhelms). Comments and quoted strings are skipped; a mistake in
 * the syntax itself is left to the parser.
 */
export function checkTemplateLimits(text: string, file: string): void {
  if (Buffer.byteLength(text, "utf8") > MAX_TEMPLATE_BYTES) {
    throw new TemplateError("TEMPLATE_TOO_LARGE", `模板文件超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MiB，不予读取`, { file });
  }
  let depth = 0;
  let i = text.indexOf("{{");
  while (i !== -1) {
    if (text.startsWith("{{!--", i) || text.startsWith("{{~!--", i)) {
      const close = /--~?\}\}/g;
      close.lastIndex = text.indexOf("!--", i) + 3;
      const end = close.exec(text);
      i = end === null ? -1 : text.indexOf("{{", end.index);
      continue;
    }
    if (text.startsWith("{{!", i) || text.startsWith("{{~!", i)) {
      const end = text.indexOf("}}", i);
      i = end === -1 ? -1 : text.indexOf("{{", end);
      continue;
    }
    let j = i + 2;
    while (text[j] === "{" || text[j] === "~" || text[j] === " " || text[j] === "\t") j++;
    const sigil = text[j];
    if (sigil === "#" || sigil === "^") {
      depth += 1;
      if (depth > MAX_BLOCK_DEPTH) {
        throw new TemplateError("TEMPLATE_TOO_DEEP", `块嵌套超过 ${MAX_BLOCK_DEPTH} 层（{{#…}} 之内又有 {{#…}}），请拆成子模板或简化`, {
          file,
          ...positionAt(text, i),
        });
      }
    } else if (sigil === "/") {
      depth = Math.max(0, depth - 1);
    }
    // sub-expressions inside this mustache
    let parens = 0;
    let quote: string | undefined;
    for (; j < text.length && !(quote === undefined && text.startsWith("}}", j)); j++) {
      const ch = text[j]!;
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "(") {
        parens += 1;
        if (parens > MAX_EXPRESSION_DEPTH) {
          throw new TemplateError("TEMPLATE_TOO_DEEP", `子表达式嵌套超过 ${MAX_EXPRESSION_DEPTH} 层（( … ( … ) … )），请简化`, {
            file,
            ...positionAt(text, j),
          });
        }
      } else if (ch === ")") parens = Math.max(0, parens - 1);
    }
    i = text.indexOf("{{", j);
  }
}

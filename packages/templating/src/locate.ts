/**
 * The line of a template that wrote a line of the generated Markdown. A mistake the Markdown
 * reader or a document writer finds (an unknown chart, nesting too deep) is the template's,
 * and is reported at the template's file and line: the template line whose literal text,
 * with each `{{ }}` standing for any text, matches the generated line.
 */

import type { TemplateSource } from "./engine.js";
import type { TemplatePosition } from "./errors.js";

/** At least this many characters of literal text, so that a line of only `{{ }}` matches nothing. */
const MIN_LITERAL = 2;

function pattern(line: string): RegExp | undefined {
  const parts = line.trim().split(/\{\{[\s\S]*?\}\}/);
  const literal = parts.join("").replace(/\s/g, "");
  if (literal.length < MIN_LITERAL) return undefined;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s*"));
  return new RegExp(`^\\s*${escaped.join("[\\s\\S]*?")}\\s*$`);
}

/** The first template line (main template, then partials) that can have written `generated`; undefined when none can. */
export function locateGeneratedLine(sources: readonly TemplateSource[], generated: string): TemplatePosition | undefined {
  if (generated.trim() === "") return undefined;
  for (const source of sources) {
    const lines = source.text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const re = pattern(lines[i]!);
      if (re?.test(generated)) {
        const at = source.position?.(i + 1, 1) ?? { line: i + 1, column: 1 };
        return { file: source.file, line: at.line, column: (lines[i]!.search(/\S/) + 1) || 1 };
      }
    }
  }
  return undefined;
}

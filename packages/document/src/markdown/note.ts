import type MarkdownIt from "markdown-it";
import type { StateInline } from "markdown-it";
import { escapeMarkdown } from "./escape.js";

/** What opens an editor's note: `:note[` (closed by the matching `]`). */
const OPEN = ":note[";

/**
 * The inline rule for an editor's note, `:note[〔注：大写应为…〕]`: tokens `note_open`, the note's
 * own inline content, `note_close`. Brackets inside the note nest; an escaped colon or bracket
 * (`\:note[`, as `escapeMarkdown` writes any text) is never read as one.
 */
function noteRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (!state.src.startsWith(OPEN, start)) return false;
  const labelStart = start + OPEN.length;
  const labelEnd = state.md.helpers.parseLinkLabel(state, labelStart - 1, false);
  if (labelEnd < 0) return false;
  if (!silent) {
    state.push("note_open", "span", 1);
    const oldMax = state.posMax;
    state.pos = labelStart;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push("note_close", "span", -1);
  }
  state.pos = labelEnd + 1;
  return true;
}

export function notePlugin(md: MarkdownIt): void {
  md.inline.ruler.before("link", "note", noteRule);
}

/**
 * An editor's note as Markdown: `text` escaped (see `escapeMarkdown`) inside `:note[…]`. Both
 * formats set it apart from the document's own words (楷体, a size smaller).
 *
 * @example
 * ```ts
 * noteMarkdown("〔注：大写应为壹佰元整〕"); // ":note[〔注&#65306;大写应为壹佰元整〕]"
 * ```
 */
export function noteMarkdown(text: string): string {
  return `${OPEN}${escapeMarkdown(text)}]`;
}

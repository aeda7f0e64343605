/**
 * How deep Markdown containers may nest. A DOCX list has nine levels and no more; quotes and
 * lists nested past what a page can show only push the text off it. Deeper nesting is a
 * mistake at its line, not a crash in a writer or text silently read as plain paragraphs.
 */
import type { Token } from "markdown-it";
import { RenderError } from "../errors.js";

/** Deepest list inside list (DOCX numbering has levels 0–8). */
export const MAX_LIST_DEPTH = 9;
/** Deepest nesting of quotes and lists together. */
export const MAX_CONTAINER_DEPTH = 16;

export function checkNesting(tokens: readonly Token[]): void {
  let lists = 0;
  let containers = 0;
  for (const token of tokens) {
    const list = token.type === "bullet_list_open" || token.type === "ordered_list_open";
    const quote = token.type === "blockquote_open";
    if (list || quote) {
      if (list) lists += 1;
      containers += 1;
      const line = token.map === null ? undefined : token.map[0] + 1;
      if (lists > MAX_LIST_DEPTH) {
        throw new RenderError("RENDER_TOO_DEEP", `列表嵌套超过 ${MAX_LIST_DEPTH} 层`, { line });
      }
      if (containers > MAX_CONTAINER_DEPTH) {
        throw new RenderError("RENDER_TOO_DEEP", `引用与列表嵌套超过 ${MAX_CONTAINER_DEPTH} 层`, { line });
      }
    } else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") {
      lists -= 1;
      containers -= 1;
    } else if (token.type === "blockquote_close") containers -= 1;
  }
}

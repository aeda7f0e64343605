import type MarkdownIt from "markdown-it";
import type { StateBlock } from "markdown-it";
import { RenderError } from "../errors.js";

/**
 * Block rules for the directives:
 * - leaf `::name` or `::name{attrs}` alone on a line → token `directive_leaf`;
 * - container `:::name` … `:::` → tokens `directive_open` / `directive_close`
 *   around the parsed content. A container is closed by a line of at least as
 *   many colons as opened it; containers of the same marker nest.
 *
 * `info` holds the name, `meta` the raw attribute text, `map` the source lines.
 */
const NAME_AND_ATTRS = /^([A-Za-z][\w-]*)(?:\{(.*)\})?$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!).trimEnd();
}

function isCode(state: StateBlock, line: number): boolean {
  return state.sCount[line]! - state.blkIndent >= 4;
}

function leafRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (isCode(state, startLine)) return false;
  const text = lineText(state, startLine);
  if (!text.startsWith("::") || text.startsWith(":::")) return false;
  const match = NAME_AND_ATTRS.exec(text.slice(2));
  if (match === null) return false;
  if (silent) return true;
  const token = state.push("directive_leaf", "", 0);
  token.info = match[1]!;
  token.meta = match[2] ?? "";
  token.map = [startLine, startLine + 1];
  token.markup = "::";
  state.line = startLine + 1;
  return true;
}

function colonRun(text: string): number {
  let n = 0;
  while (text[n] === ":") n++;
  return n;
}

function containerRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (isCode(state, startLine)) return false;
  const text = lineText(state, startLine);
  const count = colonRun(text);
  if (count < 3) return false;
  const match = NAME_AND_ATTRS.exec(text.slice(count).trim());
  if (match === null) return false;
  if (silent) return true;

  let depth = 0;
  let closeLine = -1;
  for (let line = startLine + 1; line < endLine; line++) {
    const begin = state.bMarks[line]! + state.tShift[line]!;
    const end = state.eMarks[line]!;
    // A non-blank line indented less than the container ends the enclosing list item.
    if (begin < end && state.sCount[line]! < state.blkIndent) break;
    if (isCode(state, line)) continue;
    const candidate = lineText(state, line);
    const colons = colonRun(candidate);
    if (colons < count) continue;
    const rest = candidate.slice(colons).trim();
    if (rest === "") {
      if (depth === 0) {
        closeLine = line;
        break;
      }
      depth--;
    } else if (NAME_AND_ATTRS.test(rest)) {
      depth++;
    }
  }
  if (closeLine < 0) {
    throw new RenderError("RENDER_UNCLOSED_CONTAINER", `容器“${":".repeat(count)}${match[1]}”没有对应的结束行“${":".repeat(count)}”`, {
      line: startLine + 1,
    });
  }

  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = "root";
  state.lineMax = closeLine;

  const open = state.push("directive_open", "div", 1);
  open.info = match[1]!;
  open.meta = match[2] ?? "";
  open.markup = ":".repeat(count);
  open.block = true;
  open.map = [startLine, closeLine + 1];
  state.md.block.tokenize(state, startLine + 1, closeLine);
  const close = state.push("directive_close", "div", -1);
  close.markup = open.markup;
  close.block = true;

  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = closeLine + 1;
  return true;
}

export function directivesPlugin(md: MarkdownIt): void {
  const alt = ["paragraph", "reference", "blockquote", "list"];
  md.block.ruler.before("fence", "directive_container", containerRule, { alt });
  md.block.ruler.before("fence", "directive_leaf", leafRule, { alt });
}

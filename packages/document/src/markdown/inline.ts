import type { Token } from "markdown-it";
import { mergeRuns } from "../model/text.js";
import type { Run } from "../model/types.js";

/**
 * Inline content before it becomes runs. `literal` marks text that came from a
 * backslash escape or a character reference: such text is never taken for
 * Markdown syntax, nor for the `：` that separates a label from its value.
 */
export interface Segment {
  text: string;
  literal: boolean;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link: string | undefined;
  /** Inside an editor's note (`:note[…]`). */
  note: boolean;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u{20000}-\u{3134f}]/u;

/** Converts the children of an `inline` token. */
export function inlineSegments(children: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  let bold = 0;
  let italic = 0;
  let note = 0;
  const links: string[] = [];
  const push = (text: string, literal: boolean, code = false): void => {
    out.push({ text, literal, bold: bold > 0, italic: italic > 0, code, link: links[links.length - 1], note: note > 0 });
  };
  for (let i = 0; i < children.length; i++) {
    const token = children[i]!;
    switch (token.type) {
      case "text":
        push(token.content, false);
        break;
      case "text_special":
        push(token.content, true);
        break;
      case "code_inline":
        push(token.content, true, true);
        break;
      case "softbreak": {
        // Chinese text wrapped in the source joins without a space.
        const before = out[out.length - 1]?.text.slice(-1) ?? "";
        const next = children[i + 1];
        const after = next?.type === "text" || next?.type === "text_special" ? next.content.slice(0, 1) : "";
        push(CJK.test(before) || CJK.test(after) ? "" : " ", false);
        break;
      }
      case "hardbreak":
        push("\n", false);
        break;
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "note_open":
        note++;
        break;
      case "note_close":
        note--;
        break;
      case "link_open":
        links.push(token.attrGet("href") ?? "");
        break;
      case "link_close":
        links.pop();
        break;
      case "image":
        // Images are never loaded: the picture is replaced by its alt text.
        out.push(...inlineSegments(token.children ?? []));
        break;
      default:
        // s_open/s_close (strikethrough) and anything else: keep the text, drop the mark.
        if (token.content !== "" && token.nesting === 0) push(token.content, false);
    }
  }
  return out;
}

export function segmentsToRuns(segments: readonly Segment[]): Run[] {
  return mergeRuns(
    segments.map((s) => {
      const run: Run = { text: s.text };
      if (s.bold) run.bold = true;
      if (s.italic) run.italic = true;
      if (s.code) run.code = true;
      if (s.link !== undefined) run.link = s.link;
      if (s.note) run.note = true;
      return run;
    }),
  );
}

const SPACE = /\s/;

function trimSide(segments: Segment[], side: "start" | "end"): Segment[] {
  const list = segments.map((s) => ({ ...s }));
  const order = side === "start" ? list : [...list].reverse();
  for (const seg of order) {
    if (seg.literal) break;
    const trimmed = side === "start" ? seg.text.replace(/^\s+/, "") : seg.text.replace(/\s+$/, "");
    const stop = trimmed !== "";
    seg.text = trimmed;
    if (stop) break;
  }
  return list.filter((s) => s.text !== "");
}

/** Trims whitespace at both ends, but never whitespace that was written as a character reference. */
export function trimSegments(segments: readonly Segment[]): Segment[] {
  return trimSide(trimSide([...segments], "start"), "end");
}

/**
 * Splits `标签：值` at the first full-width colon, or the first ASCII colon followed
 * by a space (or ending the text), that is not literal. Returns undefined when there is none.
 */
export function splitLabelValue(segments: readonly Segment[]): { label: Segment[]; value: Segment[] } | undefined {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.literal || seg.code) continue;
    for (let j = 0; j < seg.text.length; j++) {
      const ch = seg.text[j]!;
      let sepLength = 0;
      if (ch === "：") sepLength = 1;
      else if (ch === ":") {
        const next = j + 1 < seg.text.length ? seg.text[j + 1]! : (segments[i + 1]?.text[0] ?? "");
        if (next === "" || SPACE.test(next)) sepLength = 1;
      }
      if (sepLength === 0) continue;
      const label = [...segments.slice(0, i), { ...seg, text: seg.text.slice(0, j) }];
      const value = [{ ...seg, text: seg.text.slice(j + sepLength) }, ...segments.slice(i + 1)];
      return { label: trimSegments(label), value: trimSegments(value) };
    }
  }
  return undefined;
}

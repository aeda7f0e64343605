import { noteMarkdown } from "@qiyue/document";
import { requireString } from "./args.js";

/**
 * An editor's note beside the words a document reprints (〔注：大写应为…〕, a correction the
 * validator makes): printed apart from them, in 楷体 a size smaller, in both formats. Write
 * `{{printed}}{{editorNote mark}}`; the text prints as given (it is escaped).
 */
export function editorNote(text: unknown): string {
  return noteMarkdown(requireString("editorNote", text));
}

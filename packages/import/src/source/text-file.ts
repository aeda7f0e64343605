import { cleanLine, plainTextLine } from "./markdown.js";
import { decodeText } from "./text-decoding.js";
import type { SourceLine, SourceText } from "./types.js";

/**
 * A .txt or .md file's text as lines. Every line of the file is one SourceLine, blank lines
 * included (as empty text), so a line number the draft cites is the line an editor shows.
 * A .txt line is the line as written (trimmed; see plainTextLine); a .md line has its Markdown
 * marks taken off (see cleanLine).
 */
export function textSource(bytes: Uint8Array, file: string, format: "txt" | "md"): SourceText {
  const { text } = decodeText(bytes, file);
  const raw = text.split(/\r\n|\r|\n/);
  // The line break that ends the file does not start another line.
  if (raw.length > 1 && raw[raw.length - 1] === "") raw.pop();
  const lines: SourceLine[] = raw.map((r, i) => {
    const { text: lineText, cells } = format === "md" ? cleanLine(r) : plainTextLine(r);
    return cells === undefined ? { no: i + 1, text: lineText } : { no: i + 1, text: lineText, cells };
  });
  return { file, format, lines };
}

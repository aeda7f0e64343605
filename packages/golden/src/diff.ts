import { structuredPatch } from "diff";

export interface DiffOptions {
  /** Lines of context around each change. */
  context?: number;
  /** Stop after this many lines of hunks, saying how many were left out. */
  maxLines?: number;
  /** ANSI colours (only for a terminal). */
  colour?: boolean;
}

const paint = (code: string, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * A unified diff of two texts, `--- expected/…` / `+++ actual/…`, with a few lines of context.
 * Empty when the texts are equal.
 */
export function unifiedDiff(expectedName: string, actualName: string, expected: string, actual: string, options: DiffOptions = {}): string {
  if (expected === actual) return "";
  const { context = 3, maxLines = Number.POSITIVE_INFINITY, colour = false } = options;
  const red = paint("31", colour);
  const green = paint("32", colour);
  const cyan = paint("36", colour);
  const bold = paint("1", colour);
  const patch = structuredPatch(expectedName, actualName, expected, actual, "", "", { context });
  const out = [bold(`--- ${expectedName}`), bold(`+++ ${actualName}`)];
  let shown = 0;
  let hidden = 0;
  for (const hunk of patch.hunks) {
    // like GNU diff, an empty side starts at line 0
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    const lines = [cyan(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`), ...hunk.lines.map((line) => {
      if (line.startsWith("-")) return red(line);
      if (line.startsWith("+")) return green(line);
      return line;
    })];
    if (shown >= maxLines) {
      hidden += lines.length;
      continue;
    }
    const room = maxLines - shown;
    out.push(...lines.slice(0, room));
    shown += Math.min(room, lines.length);
    hidden += Math.max(0, lines.length - room);
  }
  if (hidden > 0) out.push(`…（另有 ${hidden} 行差异未显示）`);
  return `${out.join("\n")}\n`;
}

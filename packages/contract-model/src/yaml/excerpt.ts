/**
 * A short, escaped excerpt of what a user's file holds, for a message: never more than a
 * line's worth, control and invisible characters written as escapes, so that a message can
 * say what it found without echoing a file (or a secret) it was never meant to show.
 */
const MAX = 60;

export function excerpt(value: unknown, max: number = MAX): string {
  const text = typeof value === "string" ? value : stringify(value);
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, escapeChar);
}

/** `excerpt` in the quotes a message prints it in. */
export function quoted(value: unknown, max: number = MAX): string {
  return `“${excerpt(value, max)}”`;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}

/** JSON for plain data, bounded: a cycle or a huge value never throws or runs long. */
function stringify(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}`;
  const seen = new Set<unknown>();
  let budget = 200;
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (--budget < 0) return undefined;
        if (v !== null && typeof v === "object") {
          if (seen.has(v)) return "[…]";
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/** Names found in a file (unknown keys), a few of them, each short and escaped: `a、b、c 等 12 个`. */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => excerpt(n, 30));
  return names.length > max ? `${shown.join("、")} 等 ${names.length} 个` : shown.join("、");
}

import { findBadCharacters, normalizeTraditional, replaceBadCharacters } from "./characters.js";
import { explainMismatch } from "./explain.js";
import { formatCapitals } from "./format.js";
import { parseLenient } from "./lenient.js";
import { allowedBodies } from "./variants.js";

export type CapitalsParseResult =
  | { ok: true; fen: number; canonical: string }
  | { ok: false; reason: string; index?: number };

const PREFIX = /^人民币[：:]?/;

/** The canonical form of what `body` would mean once its bad characters are replaced, if any. */
function suggestion(body: string): string | undefined {
  const replaced = replaceBadCharacters(body);
  const read = replaced === undefined ? undefined : parseLenient(replaced);
  return read?.ok && Number.isSafeInteger(read.fen) ? formatCapitals(read.fen) : undefined;
}

/**
 * Reads an amount written in Chinese capitals into 分. Accepts every spelling the People's Bank
 * of China rules allow (optional "人民币" prefix, 整 or 正, optional 整 after 角, the optional 零
 * at 万位 / 元位, the traditional 貳 陸 億 萬) and rejects anything else with a reason in Chinese
 * and, where it can be pinned down, the offset (UTF-16) of the offending character in `text`.
 */
export function parseCapitals(text: string): CapitalsParseResult {
  if (text.length === 0) return { ok: false, reason: "大写金额为空" };
  const offset = PREFIX.exec(text)?.[0].length ?? 0;
  const body = normalizeTraditional(text.slice(offset));
  if (body.length === 0) return { ok: false, reason: "“人民币”后面缺少大写金额", index: offset };

  const bad = findBadCharacters(body);
  if (bad.length > 0) {
    const fix = suggestion(body);
    const reason = bad.map((b) => b.message).join("；") + (fix === undefined ? "" : `；应写作“${fix}”`);
    return { ok: false, reason, index: offset + bad[0]!.index };
  }

  const read = parseLenient(body);
  if (!read.ok) return { ok: false, reason: read.reason, index: offset + read.index };
  if (!Number.isSafeInteger(read.fen)) return { ok: false, reason: "金额过大，超出可处理的范围", index: offset };
  if (allowedBodies(read.fen).includes(body)) {
    return { ok: true, fen: read.fen, canonical: formatCapitals(read.fen) };
  }
  const { reason, index } = explainMismatch(body, read);
  return { ok: false, reason, index: offset + index };
}

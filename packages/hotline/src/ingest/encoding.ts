import type { TextEncodingName } from "./row-source.js";

/**
 * Detects a CSV file's encoding from its first bytes: a UTF-8 BOM; else UTF-8 when
 * those bytes decode strictly (an incomplete character at the end is allowed); else
 * GBK (decoded as GB18030, its superset).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8-bom";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf8";
  } catch {
    return "gbk";
  }
}

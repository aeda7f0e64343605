/**
 * Placeholders in a draft contract: a text value beginning with 【待填写 (what is still to be
 * written, `【待填写：合同总价】`) or 【待确认 (what was found but must be checked,
 * `【待确认：大写与小写金额不一致】`). One may stand at any path of a contract YAML, whatever the
 * field's type. A contract with placeholders is a draft: `qiyue validate` lists them, and every
 * command that computes or prints from a contract refuses it until they are filled.
 */

export type PlaceholderCode = "TO_FILL" | "TO_CONFIRM";

export interface Placeholder {
  /** Where in the contract: ["fees", "total", "amount"]. */
  path: (string | number)[];
  /** TO_FILL for 【待填写…】, TO_CONFIRM for 【待确认…】. */
  code: PlaceholderCode;
  /** The reason or what is to be written, after the colon (empty for a bare 【待填写】). */
  note: string;
  /** The text as written. */
  value: string;
}

const PLACEHOLDER = /^\s*【待(填写|确认)/;

/** Whether a value is a placeholder: a text beginning with 【待填写 or 【待确认. */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === "string" && PLACEHOLDER.test(value);
}

/** The code and note of a placeholder text, or undefined for any other value. */
export function readPlaceholder(value: unknown): { code: PlaceholderCode; note: string } | undefined {
  if (!isPlaceholder(value)) return undefined;
  const code: PlaceholderCode = PLACEHOLDER.exec(value)?.[1] === "确认" ? "TO_CONFIRM" : "TO_FILL";
  const body = value.trim().replace(/^【待(?:填写|确认)/, "").replace(/】\s*$/, "");
  return { code, note: body.replace(/^[：:]\s*/, "").trim() };
}

/** Writes a placeholder: `placeholder("TO_FILL", "合同总价")` → `【待填写：合同总价】`. */
export function placeholder(code: PlaceholderCode, note = ""): string {
  const word = code === "TO_CONFIRM" ? "待确认" : "待填写";
  const clean = note.replace(/[【】]/g, "").trim();
  return clean ? `【${word}：${clean}】` : `【${word}】`;
}

/** Every placeholder in parsed YAML data (a contract as read, before the schema), in document order. */
export function findPlaceholders(data: unknown): Placeholder[] {
  const out: Placeholder[] = [];
  const visit = (value: unknown, path: (string | number)[], depth: number) => {
    if (depth > 64) return;
    const read = readPlaceholder(value);
    if (read) {
      out.push({ path, code: read.code, note: read.note, value: value as string });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, [...path, i], depth + 1);
      });
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], depth + 1);
    }
  };
  visit(data, [], 0);
  return out;
}

/** How a message names a placeholder: `待填写：合同总价`, `待确认：大写与小写金额不一致`, or `待填写` alone. */
export function placeholderMessage(p: { code: PlaceholderCode; note: string }): string {
  const word = p.code === "TO_CONFIRM" ? "待确认" : "待填写";
  return p.note ? `${word}：${p.note}` : word;
}

/** `尚有 3 处待填写、1 处待确认` for a list of issues or findings with these codes (others are not counted). */
export function placeholderSummary(items: readonly { code: string }[]): string {
  const fill = items.filter((i) => i.code === "TO_FILL").length;
  const confirm = items.filter((i) => i.code === "TO_CONFIRM").length;
  const parts = [fill > 0 ? `${fill} 处待填写` : "", confirm > 0 ? `${confirm} 处待确认` : ""].filter(Boolean);
  return parts.length > 0 ? `尚有 ${parts.join("、")}` : "";
}

/** Whether a code is a placeholder's (TO_FILL or TO_CONFIRM). */
export function isPlaceholderCode(code: string): code is PlaceholderCode {
  return code === "TO_FILL" || code === "TO_CONFIRM";
}

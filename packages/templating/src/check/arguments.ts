import type { ArgSpec } from "../helpers/index.js";
import { type DataType, describeType } from "./types.js";

const SIDES = new Set(["client", "vendor", "either"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const KIND_WORDS: Record<string, string> = {
  fen: "以分为单位的金额",
  ppm: "比例（ppm）",
  integer: "整数",
  date: "YYYY-MM-DD 日期",
  text: "文字",
  side: "client、vendor 或 either",
  list: "列表",
  any: "任意值",
};

export const argumentWords = (spec: ArgSpec) => KIND_WORDS[spec.replace("?", "")] ?? spec;

/**
 * Why a value of `type` cannot be given where a helper expects `spec`, or undefined when it
 * can (or when the type does not say enough to tell: `unknown` is never an error).
 */
export function argumentMismatch(spec: ArgSpec, type: DataType, literal?: string | number | boolean): string | undefined {
  const kind = spec.replace("?", "");
  if (kind === "any" || type.kind === "unknown") return undefined;
  if (type.kind === "union") {
    const reasons = type.options.map((t) => argumentMismatch(spec, t, literal));
    return reasons.some((r) => r === undefined) ? undefined : reasons[0];
  }
  const expected = argumentWords(spec);
  const got = describeType(type);
  switch (kind) {
    case "fen":
    case "ppm":
      if (type.kind !== "number") return `需要${expected}，这里是${got}`;
      if (type.unit !== undefined && type.unit !== kind) return `需要${expected}，这里是${got}`;
      return undefined;
    case "integer":
      return type.kind === "number" ? undefined : `需要${expected}，这里是${got}`;
    case "date":
      if (type.kind !== "string") return `需要${expected}，这里是${got}`;
      if (typeof literal === "string") return ISO_DATE.test(literal) ? undefined : `需要${expected}，这里是“${literal}”`;
      return type.format === "date" ? undefined : `需要${expected}，这里是${got}（不一定是日期）`;
    case "text":
      return type.kind === "string" ? undefined : `需要${expected}，这里是${got}`;
    case "side":
      if (type.kind !== "string") return `需要${expected}，这里是${got}`;
      if (type.values === undefined) return `需要${expected}，这里是${got}（不一定是其中之一）`;
      return type.values.every((v) => SIDES.has(v)) ? undefined : `需要${expected}，这里是${got}`;
    case "list":
      return type.kind === "array" ? undefined : `需要${expected}，这里是${got}`;
    default:
      return undefined;
  }
}

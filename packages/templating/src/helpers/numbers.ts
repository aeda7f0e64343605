import { HelperError } from "../errors.js";
import { describe, requireInteger } from "./args.js";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;
const UNITS = ["", "十", "百", "千"] as const;

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (1 to 9999), for “一、” numbering. */
export function cnIndex(n: unknown): string {
  const value = requireInteger("cnIndex", n, 1);
  if (value > 9999) throw new HelperError(`cnIndex 只支持 1 到 9999，收到 ${describe(n)}`);
  const digits = String(value).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((digit, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (digit === 0) {
      zero = true;
      return;
    }
    if (zero && out !== "") out += "零";
    zero = false;
    out += digit === 1 && unit === "十" && out === "" ? unit : DIGITS[digit]! + unit;
  });
  return out;
}

/** 1 → （一）, for second-level numbering. */
export function cnParen(n: unknown): string {
  return `（${cnIndex(n)}）`;
}

/** a + b for integers (e.g. `{{add @index 1}}`). */
export function add(a: unknown, b: unknown): number {
  if (typeof a !== "number" || typeof b !== "number" || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) {
    throw new HelperError(`add 需要两个整数，收到 ${describe(a)} 和 ${describe(b)}`);
  }
  return a + b;
}

import { HelperError } from "../errors.js";
import { describe } from "./args.js";

const SIDES: Record<string, string> = { client: "甲方", vendor: "乙方", either: "任一方" };

/** client → 甲方, vendor → 乙方, either → 任一方. */
export function sideName(side: unknown): string {
  const name = typeof side === "string" ? SIDES[side] : undefined;
  if (name === undefined) throw new HelperError(`sideName 需要 client、vendor 或 either，收到 ${describe(side)}`);
  return name;
}

/** Strict equality, for `{{#if (eq a "x")}}`. */
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}

/** Joins a list of texts or numbers, with “、” unless another separator is given. */
export function join(list: unknown, separator: unknown = "、"): string {
  if (!Array.isArray(list)) throw new HelperError(`join 需要一个列表，收到 ${describe(list)}`);
  if (typeof separator !== "string") throw new HelperError(`join 的分隔符应为文字，收到 ${describe(separator)}`);
  return list
    .map((item) => {
      if (typeof item !== "string" && typeof item !== "number") {
        throw new HelperError(`join 的列表只能包含文字或数字，其中有 ${describe(item)}`);
      }
      return String(item);
    })
    .join(separator);
}

import { HelperError } from "../errors.js";

/** An amount in 分: a non-negative safe integer. */
export function requireFen(helper: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new HelperError(`${helper} 需要以分为单位的金额（非负整数），收到 ${describe(value)}`);
  }
  return value;
}

/** A share in parts per million: a non-negative safe integer. */
export function requirePpm(helper: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new HelperError(`${helper} 需要以百万分之一为单位的比例（非负整数），收到 ${describe(value)}`);
  }
  return value;
}

export function requireInteger(helper: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new HelperError(`${helper} 需要不小于 ${min} 的整数，收到 ${describe(value)}`);
  }
  return value;
}

export function requireString(helper: string, value: unknown): string {
  if (typeof value !== "string") throw new HelperError(`${helper} 需要文字，收到 ${describe(value)}`);
  return value;
}

/** How a value looks in a message: missing fields are named as such. */
export function describe(value: unknown): string {
  if (value === undefined) return "不存在的字段（undefined）";
  if (value === null) return "null";
  if (typeof value === "string") return `文字“${value}”`;
  if (Array.isArray(value)) return "列表";
  if (typeof value === "object") return "对象";
  return `${typeof value === "number" ? "数字" : typeof value} ${String(value)}`;
}

/**
 * Money is an integer number of 分 (fen) from the moment it is read.
 * Input is a decimal yuan figure as written in a contract ("1,766,500.00", "975657.3", 1979100).
 */

export type Fen = number;

export const MAX_FEN = 10 ** 16; // 100 万亿元: far beyond any service contract, still a safe integer

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const YUAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Parse a yuan figure into fen. Accepts thousands separators and at most two decimals. */
export function parseYuan(input: string | number): ParseResult<Fen> {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return { ok: false, reason: `金额必须是非负数，收到 ${input}` };
    // The shortest round-trip form of a number is the decimal literal the YAML author wrote,
    // as long as it has at most 15 significant digits.
    text = String(input);
    if (/e/i.test(text)) return { ok: false, reason: `金额 ${text} 位数过多，请写成带引号的字符串` };
    if (text.replace(/[^0-9]/g, "").replace(/^0+/, "").length > 15) {
      return { ok: false, reason: `金额 ${text} 位数过多，请写成带引号的字符串` };
    }
  } else {
    text = input.trim().replace(/^¥|^￥/, "").replace(/\s*元$/, "").replace(/\s/g, "");
  }
  const m = YUAN.exec(text);
  if (!m) return { ok: false, reason: `“${input}”不是有效的金额（应为如 1979100 或 1,766,500.00 的数字，最多两位小数）` };
  const whole = m[1]!.replace(/,/g, "");
  const decimals = (m[2] ?? "").padEnd(2, "0");
  const fen = Number(whole) * 100 + Number(decimals);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { ok: false, reason: `金额 ${input} 超出范围` };
  return { ok: true, value: fen };
}

/** "1979100.00" — plain decimal, no separators. */
export function fenToDecimal(fen: Fen): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${yuan}.${String(cents).padStart(2, "0")}`;
}

/** "1,979,100.00" — thousands separators, two decimals. */
export function formatYuan(fen: Fen): string {
  const [whole, cents] = fenToDecimal(fen).split(".") as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** Shortest decimal that keeps the value: 1979100, 975657.3, 1626095.5 — how contracts print figures. */
export function formatYuanShort(fen: Fen): string {
  return fenToDecimal(fen).replace(/\.00$/, "").replace(/(\.\d)0$/, "$1");
}

export function assertFen(fen: Fen): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
}

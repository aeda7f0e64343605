/**
 * Reads the value of a capitals amount leniently: optional 零 anywhere a zero could be, a bare
 * top 拾 read as 壹拾, 整 or no 整. Whether the spelling is one the rules allow is decided
 * afterwards by comparing it with the allowed spellings of the value. Only a text with no
 * sensible value (units out of order, digits without units, 零零 ...) fails here.
 * The text must already be free of foreign characters and of the "人民币" prefix.
 */

import { CAPITAL_DIGITS } from "./spelling.js";

export type LenientResult =
  | { ok: true; fen: number; hasYuan: boolean; yuan: number; terminated: boolean; impliedTens: number[] }
  | { ok: false; reason: string; index: number };

class Failure {
  constructor(
    readonly reason: string,
    readonly index: number,
  ) {}
}

const DIGIT_VALUES = new Map<string, number>(CAPITAL_DIGITS.map((c, v) => [c, v]));
const SMALL_UNITS = new Map([
  ["拾", 10],
  ["佰", 100],
  ["仟", 1000],
]);
const REPEATED_ZERO = "“零”重复了：中间连续有几个零时只写一个“零”";

function nonzeroDigit(c: string | undefined): number | undefined {
  const value = c === undefined ? undefined : DIGIT_VALUES.get(c);
  return value === 0 ? undefined : value;
}

/** A section below 万 ("壹仟零伍", "伍拾"), body[from, to). */
function parseSection(body: string, from: number, to: number, impliedTens: number[]): number {
  let value = 0;
  let pending: number | undefined;
  let zeroBefore = false;
  let lastUnit = 10_000;
  for (let i = from; i < to; i++) {
    const c = body[i]!;
    const digit = nonzeroDigit(c);
    const unit = SMALL_UNITS.get(c);
    if (digit !== undefined) {
      if (pending !== undefined) throw new Failure(`“${body[i - 1]}${c}”之间缺少单位`, i);
      pending = digit;
      zeroBefore = false;
    } else if (c === "零") {
      if (pending !== undefined) throw new Failure(`“${body[i - 1]}”后面缺少单位`, i);
      if (zeroBefore) throw new Failure(REPEATED_ZERO, i);
      zeroBefore = true;
    } else if (unit !== undefined) {
      if (zeroBefore) throw new Failure(`“零”后面不能直接写“${c}”`, i);
      if (unit >= lastUnit) throw new Failure(`单位“${c}”的位置不对`, i);
      if (pending === undefined) {
        if (unit !== 10) throw new Failure(`“${c}”前面缺少数字`, i);
        impliedTens.push(i);
        pending = 1;
      }
      value += pending * unit;
      lastUnit = unit;
      pending = undefined;
    } else {
      throw new Failure(`“${c}”的位置不对`, i);
    }
  }
  return value + (pending ?? 0);
}

/** A number below 亿, with at most one 万. */
function parseBelowYi(body: string, from: number, to: number, impliedTens: number[]): number {
  const wan = body.indexOf("万", from);
  if (wan === -1 || wan >= to) return parseSection(body, from, to, impliedTens);
  const again = body.indexOf("万", wan + 1);
  if (again !== -1 && again < to) throw new Failure("“万”重复了", again);
  const high = parseSection(body, from, wan, impliedTens);
  if (high === 0) throw new Failure("“万”前面缺少数字", wan);
  return high * 10_000 + parseSection(body, wan + 1, to, impliedTens);
}

/** The yuan figure, body[0, to) where body[to] is 元. */
function parseYuan(body: string, to: number, impliedTens: number[]): number {
  if (to === 0) throw new Failure("“元”前面缺少数字", to);
  if (to === 1 && body[0] === "零") return 0;
  const yi = body.indexOf("亿");
  if (yi === -1 || yi >= to) return parseBelowYi(body, 0, to, impliedTens);
  const again = body.indexOf("亿", yi + 1);
  if (again !== -1 && again < to) throw new Failure("“亿”重复了", again);
  const high = parseBelowYi(body, 0, yi, impliedTens);
  if (high === 0) throw new Failure("“亿”前面缺少数字", yi);
  return high * 1e8 + parseBelowYi(body, yi + 1, to, impliedTens);
}

/** 角 and 分 after 元 (or from the start), body[from, to): [零][d角][零][d分]. */
function parseDecimals(body: string, from: number, to: number): { jiao: number; fen: number } {
  let jiao = 0;
  let fen = 0;
  let i = from;
  const skipZero = (): void => {
    if (body[i] !== "零" || i >= to) return;
    i++;
    if (body[i] === "零" && i < to) throw new Failure(REPEATED_ZERO, i);
  };
  skipZero();
  for (const unit of ["角", "分"] as const) {
    const digit = nonzeroDigit(body[i]);
    if (i >= to || digit === undefined) continue;
    if (i + 1 >= to) throw new Failure(`“${body[i]}”后面缺少单位“角”或“分”`, i + 1);
    if (body[i + 1] !== unit) continue;
    if (unit === "角") jiao = digit;
    else fen = digit;
    i += 2;
    if (unit === "角") skipZero();
  }
  if (i < to) {
    const c = body[i]!;
    if (c === "角" || c === "分") throw new Failure(`“${c}”前面缺少数字`, i);
    if (nonzeroDigit(c) !== undefined) throw new Failure(`单位“${body[i + 1]}”的位置不对`, i + 1);
    throw new Failure(`“${c}”的位置不对`, i);
  }
  return { jiao, fen };
}

function parseBody(body: string): LenientResult {
  const last = body[body.length - 1];
  const terminated = last === "整" || last === "正";
  const end = terminated ? body.length - 1 : body.length;
  for (let i = 0; i < end; i++) {
    if (body[i] === "整" || body[i] === "正") throw new Failure(`“${body[i]}”只能写在金额的最后`, i);
  }
  if (end === 0) throw new Failure("缺少金额数字", 0);
  const repeatedZero = body.indexOf("零零");
  if (repeatedZero !== -1) throw new Failure(REPEATED_ZERO, repeatedZero + 1);
  const impliedTens: number[] = [];
  const yuanAt = body.indexOf("元");
  let yuan = 0;
  if (yuanAt === -1) {
    const integerUnit = body.search(/[拾佰仟万亿]/);
    if (integerUnit !== -1 || !/[角分]/.test(body)) throw new Failure("缺少“元”字", end);
  } else {
    const again = body.indexOf("元", yuanAt + 1);
    if (again !== -1) throw new Failure("“元”重复了", again);
    yuan = parseYuan(body, yuanAt, impliedTens);
  }
  const { jiao, fen } = parseDecimals(body, yuanAt + 1, end);
  return {
    ok: true,
    fen: yuan * 100 + jiao * 10 + fen,
    hasYuan: yuanAt !== -1,
    yuan,
    terminated,
    impliedTens,
  };
}

export function parseLenient(body: string): LenientResult {
  try {
    return parseBody(body);
  } catch (error) {
    if (error instanceof Failure) return { ok: false, reason: error.reason, index: error.index };
    throw error;
  }
}

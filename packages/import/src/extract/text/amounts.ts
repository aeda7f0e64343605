/**
 * Sums of money as contracts print them: figures ("480000元", "¥90000.5元", "2,400,000.00 元",
 * "36万元") and capitals ("人民币叁拾陆万元整"), and whether the two agree.
 */
import { parseCapitals, parseYuan } from "@qiyue/contract-model";

/** A figure found in a text. */
export interface FoundFigure {
  /** The amount in 分. */
  fen: number;
  /** The figure as it should be written in the YAML: a number, or a "1,766,500.00" string when printed with separators. */
  value: number | string;
  /** The printed words, verbatim ("¥1626095.5元", "353, 300. 00 元"). */
  text: string;
  index: number;
  /** The figure had stray spaces inside it ("353, 300. 00"): read, but to be checked. */
  spaced: boolean;
}

// A figure: grouped by commas (spaces around them tolerated, as scans print them) or plain, with at most two decimals.
const FIGURE = String.raw`(\d{1,3}(?:\s?[,，]\s?\d{3})+|\d+)(?:\s?[.．]\s?(\d{1,2}))?(?!\d)`;
const WITH_UNIT = new RegExp(String.raw`([¥￥]\s*)?${FIGURE}\s*(万元|元)`, "g");
const YEN_ONLY = new RegExp(String.raw`[¥￥]\s*${FIGURE}(?!\s*(?:万元|元))`, "g");

function read(whole: string, decimals: string | undefined, unit: string | undefined, text: string, index: number): FoundFigure | undefined {
  const digits = whole.replace(/[\s,，]/g, "");
  const printedDecimals = decimals ?? "";
  const plain = printedDecimals === "" ? digits : `${digits}.${printedDecimals}`;
  const parsed = parseYuan(plain);
  if (!parsed.ok) return undefined;
  const spaced = /\s/.test(whole) || (decimals !== undefined && /\s[.．]|[.．]\s/.test(text));
  if (unit === "万元") {
    const fen = parsed.value * 10_000;
    if (!Number.isSafeInteger(fen)) return undefined;
    return { fen, value: fen / 100, text, index, spaced };
  }
  const grouped = /[,，]/.test(whole);
  const value = grouped ? `${whole.replace(/\s/g, "").replace(/，/g, ",")}${printedDecimals === "" ? "" : `.${printedDecimals}`}` : Number(plain);
  if (typeof value === "number" && (!Number.isFinite(value) || plain.replace(/\D/g, "").length > 15)) return undefined;
  return { fen: parsed.value, value, text, index, spaced };
}

/** Every sum printed as a figure with 元 / 万元 or a ¥ sign, in order. Years, dates and percentages are not figures. */
export function findFigures(text: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  for (const m of text.matchAll(WITH_UNIT)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[\d.]/.test(before)) continue;
    const f = read(m[2]!, m[3], m[4], m[0], m.index);
    if (f) found.push(f);
  }
  for (const m of text.matchAll(YEN_ONLY)) {
    if (found.some((f) => f.index === m.index)) continue;
    const f = read(m[1]!, m[2], undefined, m[0], m.index);
    if (f) found.push(f);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Capitals as printed, and what they are worth when they can be read. */
export interface FoundCapitals {
  /** The capitals verbatim, with a "人民币" that belongs to the value kept ("人民币壹佰…元整"). */
  text: string;
  index: number;
  /** The amount in 分: read strictly, or after mapping everyday numerals (一, 百) to capitals. */
  fen: number | undefined;
  /** The capitals follow the rules of the People's Bank (parseCapitals accepts them as printed). */
  standard: boolean;
  /** Why they are not standard, from @qiyue/contract-model. */
  reason?: string;
}

/** The characters capitals are written with (everyday numerals included: contracts print them too). */
export const CAPITAL_CHARS = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆角分整正一二三四五六七八九十百千两〇";
const CAPITALS_RUN = new RegExp(`^(?:人民币[：:]?\\s*)?[${CAPITAL_CHARS}]+`);
const LABEL = /(?:大写金额|大写|金额大写)(?:人民币)?[：:]?\s*/g;
const EVERYDAY: Record<string, string> = { 一: "壹", 二: "贰", 两: "贰", 三: "叁", 四: "肆", 五: "伍", 六: "陆", 七: "柒", 八: "捌", 九: "玖", 十: "拾", 百: "佰", 千: "仟", 〇: "零" };

/** Reads capitals, strictly and then leniently (everyday numerals mapped to capitals). */
export function readCapitals(text: string): Pick<FoundCapitals, "fen" | "standard" | "reason"> {
  const strict = parseCapitals(text);
  if (strict.ok) return { fen: strict.fen, standard: true };
  const mapped = text.replace(/[一二两三四五六七八九十百千〇]/g, (c) => EVERYDAY[c] ?? c);
  const lenient = mapped === text ? strict : parseCapitals(mapped);
  return { fen: lenient.ok ? lenient.fen : undefined, standard: false, reason: strict.reason };
}

/**
 * The capitals after a "大写" label in `text` from `from` on; `next` is the following line, for
 * capitals a page break cut in two ("…零玖" / "拾伍元伍角。").
 */
export function findCapitals(text: string, from = 0, next?: string): FoundCapitals | undefined {
  LABEL.lastIndex = from;
  const label = LABEL.exec(text);
  if (label === null) return undefined;
  const start = label.index + label[0].length;
  const run = CAPITALS_RUN.exec(text.slice(start));
  if (run === null) return undefined;
  let printed = run[0];
  if (start + printed.length === text.length && next !== undefined && !/[元角分整正]$/.test(printed)) {
    const more = new RegExp(`^[${CAPITAL_CHARS}]+`).exec(next.trim());
    if (more) printed += more[0];
  }
  printed = printed.replace(/\s+/g, "");
  return { text: printed, index: start, ...readCapitals(printed) };
}

/** A figure and its capitals, checked against each other. */
export interface PrintedSum {
  figure: FoundFigure;
  capitals?: FoundCapitals;
  /** Both forms say the same amount (true), differ (false), or there are no capitals to check (undefined). */
  agree?: boolean;
}

/** The figure at `figure` with the capitals printed right after it (within the same sentence), if any. */
export function printedSum(text: string, figure: FoundFigure, next?: string): PrintedSum {
  const after = figure.index + figure.text.length;
  const rest = text.slice(after);
  const stop = rest.search(/[。；;]/);
  const capitals = findCapitals(text, after, next);
  const inSentence = capitals !== undefined && (stop < 0 || capitals.index - after <= stop) && capitals.index - after <= 20;
  if (!inSentence) return { figure };
  return { figure, capitals, agree: capitals.fen === figure.fen };
}

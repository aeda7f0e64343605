/**
 * Which characters a capitals amount may contain. The rules forbid 一二(两)三…十, 念, 毛, 另 and
 * 0; they accept the traditional forms 貳 陸 億 萬, which are read as 贰 陆 亿 万. The rules also
 * name 圓 among the traditional forms a bank should still accept; contracts write 元, so 圆 and 圓
 * are rejected here on purpose, with 元 as the fix.
 */

const PREFIX = "人民币";

const ALLOWED = new Set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正");

const TRADITIONAL: Readonly<Record<string, string>> = { 貳: "贰", 陸: "陆", 億: "亿", 萬: "万" };

/** Forbidden characters with what to write instead and how to say why. */
const REPLACEMENTS: Readonly<Record<string, { instead: string; why: string }>> = {
  ...Object.fromEntries(
    [..."一二三四五六七八九十"].map((c, i) => [c, { instead: "壹贰叁肆伍陆柒捌玖拾"[i]!, why: "不是大写数字" }]),
  ),
  ...Object.fromEntries(
    [..."0123456789"].map((c, i) => [c, { instead: "零壹贰叁肆伍陆柒捌玖"[i]!, why: "是阿拉伯数字，不能写在大写金额中" }]),
  ),
  ...Object.fromEntries(
    [..."０１２３４５６７８９"].map((c, i) => [c, { instead: "零壹贰叁肆伍陆柒捌玖"[i]!, why: "是阿拉伯数字，不能写在大写金额中" }]),
  ),
  百: { instead: "佰", why: "不是大写单位" },
  千: { instead: "仟", why: "不是大写单位" },
  两: { instead: "贰", why: "不能用于大写金额" },
  廿: { instead: "贰拾", why: "不能用于大写金额" },
  念: { instead: "贰拾", why: "不能用于大写金额" },
  卅: { instead: "叁拾", why: "不能用于大写金额" },
  〇: { instead: "零", why: "不能用于大写金额" },
  "○": { instead: "零", why: "不能用于大写金额" },
  另: { instead: "零", why: "不能用于大写金额" },
  毛: { instead: "角", why: "不能用于大写金额" },
  圆: { instead: "元", why: "不能用于大写金额" },
  圓: { instead: "元", why: "不能用于大写金额" },
  块: { instead: "元", why: "不能用于大写金额" },
  塊: { instead: "元", why: "不能用于大写金额" },
};

export interface BadCharacter {
  index: number;
  char: string;
  message: string;
}

/** Replaces the accepted traditional forms by their simplified ones (same length). */
export function normalizeTraditional(text: string): string {
  return text.replace(/[貳陸億萬]/g, (c) => TRADITIONAL[c]!);
}

function describe(char: string): string {
  const replacement = REPLACEMENTS[char];
  if (replacement) return `“${char}”${replacement.why}，应写“${replacement.instead}”`;
  if (/\s/.test(char)) return "大写金额中不得留有空白";
  if (char === "厘") return "大写金额只写到“分”，不写“厘”";
  if (char === "¥" || char === "￥") return `大写金额中不写“${char}”符号`;
  return `“${char}”不是大写金额用字`;
}

/** Every character that may not appear in the amount; each distinct problem reported once. */
export function findBadCharacters(body: string): BadCharacter[] {
  const bad: BadCharacter[] = [];
  const seen = new Set<string>();
  let index = 0;
  while (index < body.length) {
    const char = String.fromCodePoint(body.codePointAt(index)!);
    const at = index;
    if (body.startsWith(PREFIX, at)) {
      index += PREFIX.length;
      if (!seen.has(PREFIX)) bad.push({ index: at, char: PREFIX, message: `“${PREFIX}”只能写在金额的最前面` });
      seen.add(PREFIX);
      continue;
    }
    index += char.length;
    if (ALLOWED.has(char)) continue;
    const message = describe(char);
    if (seen.has(message)) continue;
    seen.add(message);
    bad.push({ index: at, char, message });
  }
  return bad;
}

/** The body with every replaceable bad character replaced, or undefined if one has no replacement. */
export function replaceBadCharacters(body: string): string | undefined {
  let out = "";
  for (const char of body) {
    if (ALLOWED.has(char)) out += char;
    else {
      const replacement = REPLACEMENTS[char];
      if (!replacement) return undefined;
      out += replacement.instead;
    }
  }
  return out;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCapitals } from "./format.js";
import { parseCapitals } from "./parse.js";
import { allowedSpellings } from "./variants.js";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = "元拾佰仟万拾佰仟亿拾佰仟万拾佰仟";

/**
 * An independent writer of the shortest allowed spelling (every optional 零 left out), the
 * classic way: write every digit with its unit, then collapse the zeros with regular expressions.
 */
function shortestSpelling(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = "";
  if (yuan > 0) {
    const figure = String(yuan);
    for (let i = 0; i < figure.length; i++) text += DIGITS[Number(figure[i])]! + UNITS[figure.length - 1 - i]!;
    text = text
      .replace(/零[拾佰仟]/g, "零")
      .replace(/零+/g, "零")
      .replace(/零([万亿元])/g, "$1")
      .replace(/亿万/g, "亿");
  }
  if (jiao === 0 && cents === 0) return yuan > 0 ? `${text}整` : "零元整";
  if (yuan > 0 && jiao === 0) return `${text}零${DIGITS[cents]}分`;
  return text + (jiao > 0 ? `${DIGITS[jiao]}角` : "") + (cents > 0 ? `${DIGITS[cents]}分` : "");
}

/** Digits and units only: what is left once 零, 整/正 and the prefix are taken away. */
function skeleton(text: string): string {
  return text.replace(/^人民币[：:]?/, "").replace(/[零整正]/g, "");
}

/** Amounts in 分 built digit by digit, with many zeros, up to 10^14 分 (壹万亿元). */
const amount = fc.oneof(
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 14 })
    .map((digits) => digits.reduce((n, d) => n * 10 + d, 0)),
  fc.constant(1e14),
);

/** Whether the k-th run of zeros (between nonzero digits) of the figure may go unwritten. */
function zeroRunIsOptional(fen: number, k: number): boolean {
  const figure = String(fen);
  const run = [...figure.matchAll(/(?<=[1-9])0+(?=[1-9])/g)][k]!;
  const lowestPosition = figure.length - 1 - (run.index + run[0].length - 1) - 2; // 元位 is 0
  return [0, 4, 8, 12].includes(lowestPosition);
}

/** Amounts printed in the seed contracts, with their capitals as printed (all canonical but one). */
const SEED_AMOUNTS: ReadonlyArray<readonly [string, number]> = [
  ["叁佰贰拾伍万贰仟壹佰玖拾壹元整", 325_219_100],
  ["壹佰陆拾贰万陆仟零玖拾伍元伍角", 162_609_550],
  ["玖拾柒万伍仟陆佰伍拾柒元叁角", 97_565_730],
  ["陆拾伍万零肆佰叁拾捌元贰角", 65_043_820],
  ["壹佰捌拾伍万零柒佰陆拾壹元整", 185_076_100],
  ["伍拾伍万伍仟贰佰贰拾捌元叁角", 55_522_830],
  ["壹佰柒拾陆万陆仟伍佰元整", 176_650_000],
  ["壹佰柒拾壹万捌仟元整", 171_800_000],
  ["捌拾伍万玖仟元整", 85_900_000],
  ["贰拾伍万柒仟柒佰元整", 25_770_000],
];

/** Spellings the rules allow, in 分: both forms of each optional 零, prefixes, 整 or 正. */
const ACCEPTED: ReadonlyArray<readonly [string, number]> = [
  ["人民币壹仟肆佰零玖元伍角", 140_950],
  ["人民币陆仟零柒元壹角肆分", 600_714],
  ["人民币壹仟陆佰捌拾元零叁角贰分", 168_032],
  ["人民币壹仟陆佰捌拾元叁角贰分", 168_032],
  ["人民币壹拾万柒仟元零伍角叁分", 10_700_053],
  ["人民币壹拾万零柒仟元伍角叁分", 10_700_053],
  ["壹拾万零柒仟元零伍角叁分", 10_700_053],
  ["壹拾万柒仟元伍角叁分", 10_700_053],
  ["人民币壹万陆仟肆佰零玖元零贰分", 1_640_902],
  ["人民币叁佰贰拾伍元零肆分", 32_504],
  ["壹拾陆元整", 1_600],
  ["壹拾陆元正", 1_600],
  ["人民币：壹佰元整", 10_000],
  ["人民币:壹佰元整", 10_000],
  ["伍角", 50],
  ["伍角整", 50],
  ["伍角正", 50],
  ["壹仟肆佰零玖元伍角整", 140_950],
  ["伍分", 5],
  ["零元整", 0],
  ["壹佰万伍仟元整", 100_500_000],
  ["壹佰万零伍仟元整", 100_500_000],
  ["壹亿伍仟元整", 10_000_500_000],
  ["壹拾亿伍仟万元整", 105_000_000_000],
  ["壹万亿元整", 1e14],
  ["貳萬陸仟元整", 2_600_000],
  ["壹億陸仟萬元整", 16_000_000_000],
];

/** Texts the rules forbid, with (part of) the reason and the offset of the offending character. */
const REJECTED: ReadonlyArray<readonly [string, string, number | undefined]> = [
  ["", "大写金额为空", undefined],
  ["人民币", "“人民币”后面缺少大写金额", 3],
  ["人民币：", "“人民币”后面缺少大写金额", 4],
  ["壹佰玖拾柒万玖仟一百元整", "“一”不是大写数字，应写“壹”", 8],
  ["一千元整", "“一”不是大写数字，应写“壹”；“千”不是大写单位，应写“仟”；应写作“壹仟元整”", 0],
  ["十万元整", "“十”不是大写数字，应写“拾”；应写作“壹拾万元整”", 0],
  ["贰拾两元整", "“两”不能用于大写金额，应写“贰”", 2],
  ["廿元整", "“廿”不能用于大写金额，应写“贰拾”；应写作“贰拾元整”", 0],
  ["伍毛", "“毛”不能用于大写金额，应写“角”", 1],
  ["壹仟另伍元整", "“另”不能用于大写金额，应写“零”；应写作“壹仟零伍元整”", 2],
  ["壹仟〇伍元整", "“〇”不能用于大写金额，应写“零”", 2],
  ["1000元整", "“1”是阿拉伯数字，不能写在大写金额中，应写“壹”", 0],
  ["壹佰圆整", "“圆”不能用于大写金额，应写“元”；应写作“壹佰元整”", 2],
  ["壹佰块", "“块”不能用于大写金额，应写“元”", 2],
  ["¥壹佰元整", "大写金额中不写“¥”符号", 0],
  ["壹佰元人民币", "“人民币”只能写在金额的最前面", 3],
  ["人民币 壹佰元整", "大写金额中不得留有空白", 3],
  ["壹佰元整 ", "大写金额中不得留有空白", 4],
  ["壹元整啊", "“啊”不是大写金额用字", 3],
  ["壹佰元", "“元”后面应写“整”（或“正”），应写作“壹佰元整”", 3],
  ["零元", "“元”后面应写“整”（或“正”）", 2],
  ["壹元零伍分整", "“分”后面不写“整”，应写作“壹元零伍分”", 5],
  ["壹元零伍分正", "“分”后面不写“正”", 5],
  ["壹仟零零伍元整", "“零”重复了", 3],
  ["壹仟伍元整", "“仟”和“伍”之间缺少“零”，应写作“壹仟零伍元整”", 2],
  ["壹仟伍元", "“仟”和“伍”之间缺少“零”；“元”后面应写“整”（或“正”），应写作“壹仟零伍元整”", 2],
  ["叁佰贰拾伍元肆分", "“元”和“肆”之间缺少“零”，应写作“叁佰贰拾伍元零肆分”", 6],
  ["壹佰伍万元整", "“佰”和“伍”之间缺少“零”，应写作“壹佰零伍万元整”", 2],
  ["壹拾万伍佰元整", "“万”和“伍”之间缺少“零”", 3],
  ["壹拾零万元整", "“拾”后面的“零”是多余的，应写作“壹拾万元整”", 2],
  ["壹佰零元整", "“佰”后面的“零”是多余的", 2],
  ["零伍分", "开头的“零”是多余的，应写作“伍分”", 0],
  ["零元伍角", "不足一元的金额不写“零元”，应写作“伍角”", 0],
  ["拾万元整", "“拾”前面缺少数字，应写“壹拾”，应写作“壹拾万元整”", 0],
  ["拾陆元整", "“拾”前面缺少数字，应写“壹拾”，应写作“壹拾陆元整”", 0],
  ["壹万零拾元整", "“零”后面不能直接写“拾”", 3],
  ["佰元整", "“佰”前面缺少数字", 0],
  ["壹佰壹仟元整", "单位“仟”的位置不对", 3],
  ["壹佰佰元整", "单位“佰”的位置不对", 2],
  ["壹元伍分叁角", "单位“角”的位置不对", 5],
  ["伍角壹元整", "“角”的位置不对", 1],
  ["壹贰元整", "“壹贰”之间缺少单位", 1],
  ["壹零元整", "“壹”后面缺少单位", 1],
  ["壹元伍", "“伍”后面缺少单位“角”或“分”", 3],
  ["壹元零角伍分", "“角”前面缺少数字", 3],
  ["壹元整伍角", "“整”只能写在金额的最后", 2],
  ["壹佰元整元", "“整”只能写在金额的最后", 3],
  ["壹佰元元整", "“元”重复了", 3],
  ["壹佰", "缺少“元”字", 2],
  ["整", "缺少金额数字", 0],
  ["壹万万元整", "“万”重复了", 2],
  ["壹亿亿元整", "“亿”重复了", 2],
  ["万元整", "“万”前面缺少数字", 0],
  ["玖仟万亿元整", "金额过大", 0],
];

describe("parseCapitals", () => {
  it.each(SEED_AMOUNTS)("reads the seed amount %s, whose print is the canonical form", (text, fen) => {
    expect(parseCapitals(text)).toEqual({ ok: true, fen, canonical: text });
    expect(formatCapitals(fen)).toBe(text);
  });

  it("reads the seed amount that leaves out the optional 零 after 元", () => {
    expect(parseCapitals("玖拾贰万伍仟叁佰捌拾元伍角")).toEqual({
      ok: true,
      fen: 92_538_050,
      canonical: "玖拾贰万伍仟叁佰捌拾元零伍角",
    });
  });

  it("rejects the misprinted seed amount and names the lowercase 一", () => {
    const result = parseCapitals("壹佰玖拾柒万玖仟一百元整");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain("“一”");
    expect(result.reason).toContain("应写作“壹佰玖拾柒万玖仟壹佰元整”");
    expect(parseCapitals("壹佰玖拾柒万玖仟壹佰元整")).toMatchObject({ ok: true, fen: 197_910_000 });
  });

  it.each(ACCEPTED)("accepts %s as %d 分", (text, fen) => {
    expect(parseCapitals(text)).toEqual({ ok: true, fen, canonical: formatCapitals(fen) });
  });

  it.each(REJECTED)("rejects “%s”: %s", (text, reason, index) => {
    const result = parseCapitals(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(reason);
    expect(result.index).toBe(index);
  });

  it("lists exactly the spellings the rules allow for ¥107,000.53", () => {
    const bodies = allowedSpellings(10_700_053).filter((s) => !s.startsWith("人民币"));
    expect(bodies.sort()).toEqual(
      ["壹拾万零柒仟元零伍角叁分", "壹拾万柒仟元零伍角叁分", "壹拾万零柒仟元伍角叁分", "壹拾万柒仟元伍角叁分"].sort(),
    );
    expect(allowedSpellings(10_700_053)).toHaveLength(16);
    expect(allowedSpellings(50).filter((s) => !s.startsWith("人民币")).sort()).toEqual(["伍角", "伍角整", "伍角正"]);
  });
});

describe("parseCapitals properties", () => {
  it("reads back every canonical form up to 壹万亿元", () => {
    fc.assert(
      fc.property(fc.oneof(amount, fc.integer({ min: 0, max: 1e14 })), (fen) => {
        expect(parseCapitals(formatCapitals(fen))).toEqual({ ok: true, fen, canonical: formatCapitals(fen) });
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back every canonical form up to the largest safe amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseCapitals(formatCapitals(fen))).toMatchObject({ ok: true, fen });
      }),
    );
  });

  it("reads every allowed spelling as the same amount", () => {
    fc.assert(
      fc.property(amount, fc.nat(), (fen, pick) => {
        const spellings = allowedSpellings(fen);
        const text = spellings[pick % spellings.length]!;
        expect(parseCapitals(text)).toEqual({ ok: true, fen, canonical: formatCapitals(fen) });
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts the shortest spelling written by an independent generator", () => {
    fc.assert(
      fc.property(amount, (fen) => {
        const text = shortestSpelling(fen);
        expect(allowedSpellings(fen)).toContain(text);
        expect(parseCapitals(text)).toMatchObject({ ok: true, fen });
        expect(skeleton(formatCapitals(fen))).toBe(skeleton(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts a canonical form without one of its 零 only where the rules make that 零 optional", () => {
    fc.assert(
      fc.property(
        amount.filter((fen) => fen > 0 && formatCapitals(fen).includes("零")),
        fc.nat(),
        (fen, pick) => {
          const canonical = formatCapitals(fen);
          const zeros = [...canonical.matchAll(/零/g)].map((m) => m.index);
          const k = pick % zeros.length;
          const text = canonical.slice(0, zeros[k]) + canonical.slice(zeros[k]! + 1);
          const result = parseCapitals(text);
          if (zeroRunIsOptional(fen, k)) expect(result).toMatchObject({ ok: true, fen });
          else expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("缺少“零”") });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rejects a lowercase digit anywhere and names it", () => {
    fc.assert(
      fc.property(
        amount.filter((fen) => fen > 0),
        fc.nat(),
        (fen, pick) => {
          const canonical = formatCapitals(fen);
          const digits = [...canonical.matchAll(/[壹贰叁肆伍陆柒捌玖]/g)];
          const { 0: capital, index } = digits[pick % digits.length]!;
          const lower = "一二三四五六七八九"["壹贰叁肆伍陆柒捌玖".indexOf(capital)]!;
          const result = parseCapitals(canonical.slice(0, index) + lower + canonical.slice(index + 1));
          expect(result).toEqual({
            ok: false,
            reason: `“${lower}”不是大写数字，应写“${capital}”；应写作“${canonical}”`,
            index,
          });
        },
      ),
    );
  });

  it("rejects a doubled 零, 整 missing after 元 and 整 after 分", () => {
    fc.assert(
      fc.property(amount, (fen) => {
        const canonical = formatCapitals(fen);
        if (canonical.includes("零")) {
          expect(parseCapitals(canonical.replace("零", "零零")).ok).toBe(false);
        }
        if (canonical.endsWith("整")) {
          expect(parseCapitals(canonical.slice(0, -1))).toMatchObject({ ok: false, index: canonical.length - 1 });
        }
        if (canonical.endsWith("分")) {
          expect(parseCapitals(`${canonical}整`)).toMatchObject({ ok: false, index: canonical.length });
        }
      }),
    );
  });

  it("whatever it accepts has the digits and units of the amount it returns", () => {
    const alphabet = [..."零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正"];
    const edited = fc
      .tuple(amount, fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom("insert", "delete", "replace"))
      .map(([fen, at, char, edit]) => {
        const text = formatCapitals(fen);
        const i = at % (text.length + 1);
        if (edit === "insert") return text.slice(0, i) + char + text.slice(i);
        if (edit === "delete") return text.slice(0, i) + text.slice(i + 1);
        return text.slice(0, i) + char + text.slice(i + 1);
      });
    const random = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(fc.oneof(edited, random), (text) => {
        const result = parseCapitals(text);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        expect(skeleton(text)).toBe(skeleton(shortestSpelling(result.fen)));
        expect(result.canonical).toBe(formatCapitals(result.fen));
      }),
      { numRuns: 5000 },
    );
  });
});

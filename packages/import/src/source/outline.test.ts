import { tryFormatClause } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { exampleData, SEEDS, type SeedId, seedSource, textSource } from "../testing/seeds.test-support.js";
import { outlineOf, plainLine } from "./outline.js";
import type { SourceText } from "./types.js";

/** Letters, digits and CJK only, half-width: how a sentence is found again in the printed text. */
function squash(text: string): string {
  return plainLine(text)
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

interface Sentence {
  path: string;
  clause: string;
  text: string;
}

/** Every object of a hand-made model with a `clause` and a verbatim `text`: a known sentence and its clause. */
function sentences(value: unknown, path = "", out: Sentence[] = []): Sentence[] {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) sentences(v, `${path}[${i}]`, out);
  else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.clause === "string" && typeof o.text === "string") out.push({ path, clause: o.clause, text: o.text });
    for (const [k, v] of Object.entries(o)) if (k !== "body") sentences(v, `${path}.${k}`, out);
  }
  return out;
}

/** The lines holding the start of `text` (its first line, number marks and all). */
function linesOf(source: SourceText, text: string): number[] {
  const first = squash(text.split("\n")[0]!).slice(0, 30);
  if (first.length < 6) return [];
  return source.lines.filter((l) => squash(l.text).includes(first)).map((l) => l.no);
}

const house = (id: string | undefined) => (id === undefined ? undefined : (tryFormatClause(id) ?? `?${id}`));

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12 (up to 99): to see that 第十条 holds 10.1. */
function cnNumber(cn: string): number {
  const [tens, ones] = cn.includes("十") ? cn.split("十") : ["", cn];
  return (cn.includes("十") ? (tens === "" ? 1 : DIGIT[tens!]!) * 10 : 0) + (ones === "" ? 0 : DIGIT[ones!]!);
}

/** Whether clause `inner` is `outer` or lies inside it (the models sometimes file a sentence under its article). */
function within(inner: string, outer: string): boolean {
  const a = house(inner)!;
  const b = house(outer)!.replace(/[条款项目]$/, "");
  if (a.startsWith(b)) return true;
  const article = /^第([一二三四五六七八九十]+)$/.exec(b);
  return article !== null && a.startsWith(`第${cnNumber(article[1]!)}.`);
}

describe("the clause of a known sentence is the clause the hand-made model gives it", () => {
  for (const id of SEEDS) {
    it(id, () => {
      const source = seedSource(id);
      const outline = outlineOf(source);
      const known = sentences(exampleData(id));
      const checked: string[] = [];
      const wrong: string[] = [];
      for (const s of known) {
        const lines = linesOf(source, s.text);
        // a sentence printed twice (main text and attachment, or two items alike) cannot say which line it is
        if (lines.length !== 1) continue;
        const line = lines[0]!;
        const got = outline.clauseAt(line);
        checked.push(s.path);
        if (got === undefined || !within(got, s.clause)) wrong.push(`${s.path} (line ${line}): model ${s.clause}, outline ${got ?? "—"}`);
      }
      expect(wrong).toEqual([]);
      // a search that found no sentence would pass vacuously
      expect(checked.length).toBeGreaterThan(MIN_CHECKED[id]);
    });
  }
});

/** How many known sentences each seed has, less one (measured: 41, 53, 25, 18, 31); the tests must check that many. */
const MIN_CHECKED: Record<SeedId, number> = {
  "pinggu-2026": 40,
  "haidian-2024": 50,
  "yuetan-2026": 24,
  "sujiatuo-2026": 17,
  "bda-2024": 30,
};

describe("outlineOf", () => {
  it("numbers articles, subsections, paragraphs and items the way the models write them", () => {
    const source = textSource(
      [
        "第二条 合同价款",
        "- 1、总价款为100元。",
        "2、分两次支付：",
        " - (1) 首期50%；",
        "（一）其他",
        "1. 值守",
        "1) 白班",
        "第三条 期限",
        "3.1 期限一年",
        "3.1.2 续签",
        "a) 一次",
      ].join("\n"),
    );
    const outline = outlineOf(source);
    expect(source.lines.map((l) => outline.clauseAt(l.no))).toEqual([
      "二",
      "二.1",
      "二.2",
      "二.2(1)",
      "二(一)",
      "二(一)1",
      "二(一)1 1)",
      "三",
      "3.1",
      "3.1.2",
      "3.1.2 a)",
    ]);
    expect(outline.articles.map((a) => [a.number, a.title])).toEqual([
      ["二", "合同价款"],
      ["三", "期限"],
    ]);
  });

  it("does not read dates, amounts or percentages as clause numbers", () => {
    const outline = outlineOf(textSource(["一、费用", "2026.3.19", "1979100 元", "0.3%的违约金", "20260114"].join("\n")));
    expect([2, 3, 4, 5].map((n) => outline.clauseAt(n))).toEqual(["一", "一", "一", "一"]);
    expect(outline.headings).toHaveLength(1);
  });

  it("prefixes clauses inside an attachment with its number, and numbers the rows of its table", () => {
    const source = textSource(
      ["一、内容", "附件一：服务清单（列在正文中）", "（以下无正文）", "甲方（盖章）：", "附件 2：服务标准", "第五条 违约", "5.1. 违约金", "序号\t项目\t内容", "3\t值守\t7×24"].join("\n"),
    );
    const outline = outlineOf(source);
    expect(outline.clauseAt(2)).toBe("一");
    expect(outline.clauseAt(4)).toBeUndefined();
    expect(outline.clauseAt(7)).toBe("附件2 5.1");
    expect(outline.clauseAt(9)).toBe("附件2 五 序号3");
    expect(outline.attachments).toEqual([{ line: 5, number: "附件 2", id: "附件2", title: "服务标准" }]);
    expect(outline.mainEnd).toBe(3);
  });

  it("ends an item at the end of its sentence, and not where a page broke its line", () => {
    const outline = outlineOf(
      textSource(["4.2.2 支付时间", "a) 首付款，即¥1626095.5元，大写壹佰陆拾贰万陆仟零玖", "拾伍元伍角。", "b) 进度款。", "每笔款项支付之前，乙方应当先开具发票。"].join("\n")),
    );
    expect([1, 2, 3, 4, 5].map((n) => outline.clauseAt(n))).toEqual(["4.2.2", "4.2.2 a)", "4.2.2 a)", "4.2.2 b)", "4.2.2"]);
  });

  it("reads chapters above articles without putting them in a clause id, and keeps 第1条 whole", () => {
    const outline = outlineOf(textSource(["第一章 总则", "第1条 目的", "1、为规范服务", "（一）范围", "第二章 费用", "第2条 价款"].join("\n")));
    expect([1, 2, 3, 4, 5, 6].map((n) => outline.clauseAt(n))).toEqual([undefined, "第1条", "第1条.1", "第1条(一)", undefined, "第2条"]);
    expect(outline.articles.map((a) => a.marker)).toEqual(["第一章", "第1条", "第二章", "第2条"]);
  });

  it("reads numbers printed in full-width digits", () => {
    const outline = outlineOf(textSource(["第二条　价款", "１．总价款", "（２）首期", "３.１　期限"].join("\n")));
    expect([1, 2, 3, 4].map((n) => outline.clauseAt(n))).toEqual(["二", "二.1", "二.1(2)", "3.1"]);
    expect(outline.articles[0]!.title).toBe("价款");
  });

  it("leaves a second Chinese-numbered level under 第X条 unnumbered instead of guessing", () => {
    const outline = outlineOf(textSource(["第五条 违约", "一、迟延", "1. 每日"].join("\n")));
    expect([1, 2, 3].map((n) => outline.clauseAt(n))).toEqual(["五", "五", "五"]);
  });
});

import { describe, expect, it } from "vitest";
import { outlineOf, plainLine } from "../source/outline.js";
import { exampleData, SEEDS, seedSource, textSource } from "../testing/seeds.test-support.js";
import { attachmentTexts, type BodySection, bodyOf, escapeMarkdown, isNoise, markdownOf } from "./body.js";

/** What a reader sees of a section's place: its part, its title or its heading. */
const place = (s: Partial<BodySection>) => (s.part ? `[${s.part}]${s.heading ?? ""}` : s.title ? `title:${s.title}` : (s.heading ?? "(text)"));

/** The printed words of Markdown text: no marks, links as their text, no spaces, full-width as half-width. */
const words = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .split("\n")
    .map(plainLine)
    .join("")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]/gu, "");

describe("bodyOf on the five signed contracts", () => {
  for (const id of SEEDS) {
    const source = seedSource(id);
    const body = bodyOf(source, outlineOf(source));
    const model = (exampleData(id).body ?? []) as BodySection[];

    it(`${id}: splits the text where the hand-made model does`, () => {
      expect(body.map(place)).toEqual(model.map(place));
    });

    it(`${id}: keeps every word of each clause the model prints`, () => {
      model.forEach((section, i) => {
        if (section.heading === undefined || section.part !== undefined) return;
        expect(words(body[i]!.text), section.heading).toContain(words(section.text));
      });
    });
  }
});

describe("attachmentTexts on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: gives each attachment the words the model prints for it, and no signature block`, () => {
      const source = seedSource(id);
      const texts = attachmentTexts(source, outlineOf(source));
      const model = ((exampleData(id).attachments ?? []) as { text?: string; number?: string }[]).filter((a) => a.text !== undefined);
      // only 月坛 has no attachment
      expect(model.length > 0).toBe(id !== "yuetan-2026");
      for (const [i, a] of model.entries()) {
        const ours = words(texts[i]?.text ?? "");
        // the model leaves out what a scan repeats (a table's header on every page); every word it keeps is ours, in order
        expect(ours, `${id} ${a.number}`).toContain(words(a.text!).slice(0, 40));
        expect(ours, `${id} ${a.number}`).toContain(words(a.text!).slice(-40));
        expect(texts[i]!.text, `${id} ${a.number}`).not.toMatch(/（盖章）|\(盖章\)|以下无正文/);
      }
    });
  }
});

describe("markdownOf", () => {
  it("makes every printed line a paragraph and a table's rows a table", () => {
    const source = textSource(["一、内容", "", "甲 方\t名称\t北京", "\t电话\t67888163", "完"].join("\n"));
    expect(markdownOf(source.lines)).toBe(
      ["一、内容", "|  |  |  |\n| --- | --- | --- |\n| 甲 方 | 名称 | 北京 |\n|  | 电话 | 67888163 |", "完"].join("\n\n"),
    );
  });

  it("escapes a plain text's Markdown marks, so that it prints as written", () => {
    const source = textSource(["负责7*24小时值守，7*24小时运转", "# 号", "- 项", "1. 值守"].join("\n"));
    expect(markdownOf(source.lines, true)).toBe(["负责7\\*24小时值守，7\\*24小时运转", "\\# 号", "\\- 项", "1. 值守"].join("\n\n"));
    expect(escapeMarkdown("[附件](x) <u> a_b `c` \\")).toBe("\\[附件\\](x) \\<u> a\\_b \\`c\\` \\\\");
  });

  it("leaves out what a scan's text layer made up, and keeps the contract's own words", () => {
    expect(isNoise("Faint handwritten text line.")).toBe(true);
    expect(isNoise("--\t--\t--")).toBe(true);
    expect(isNoise("电子信箱： xuyue@zhongguancun.com.cn")).toBe(false);
    expect(isNoise("2026.3.19")).toBe(false);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText } from "../model/text.js";
import type { Block, Document } from "../model/types.js";
import { escapeMarkdown } from "./escape.js";
import { parseMarkdown } from "./parse.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NASTY = "北京*兴众*|联城_信息_{{x}}<b>技术</b>[链](http://x)有限公司";

const SAMPLES = [
  NASTY,
  `${NASTY}\\ 反斜杠\\\\两个`,
  "# 不是标题",
  "1. 不是列表",
  "- 也不是列表",
  ":::kv",
  "::pagebreak",
  "::chart{id=\"x\"}",
  "第一行\n第二行\r\n第三行",
  "  前后有空格  ",
  "\u3000\u3000全角空格缩进\u3000",
  "\t制表符\t",
  "标签：值：还有冒号",
  "a: b",
  "&amp; &#10; &copy;",
  "`代码` ~~删除~~ ***强调*** __下划线__",
  "> 引用",
  "http://example.com <http://example.com>",
  "末尾反斜杠\\",
  "",
];

function firstRuns(doc: Document): string {
  const visit = (blocks: readonly Block[]): string | undefined => {
    for (const block of blocks) {
      switch (block.type) {
        case "paragraph":
        case "heading":
        case "title":
          return plainText(block.runs);
        case "list":
          return visit(block.items[0] ?? []);
        case "table":
          return plainText(block.body[0]?.[1]?.runs ?? []);
        case "kv":
          return plainText(block.rows[0]?.value ?? []);
        case "signatures":
          return plainText(block.parties[0]?.rows[0]?.value ?? []);
        default:
      }
    }
    return undefined;
  };
  return visit(doc.blocks) ?? "";
}

const CONTEXTS: Record<string, (value: string) => string> = {
  paragraph: (v) => `${v}\n\n后文`,
  "list item": (v) => `- ${v}\n- 第二项`,
  "ordered list item": (v) => `1. ${v}`,
  "table cell": (v) => `| 序号 | 内容 |\n|---|---|\n| 1 | ${v} |`,
  "kv value": (v) => `:::kv\n- 标签：${v}\n:::`,
  "level-1 heading": (v) => `## ${v}`,
  "level-2 heading": (v) => `### ${v}`,
  "party value": (v) => `::::signatures\n:::party\n- 甲方：${v}\n:::\n:::party\n- 乙方：x\n:::\n::::`,
};

describe("escapeMarkdown", () => {
  for (const [context, wrap] of Object.entries(CONTEXTS)) {
    it(`prints values literally in a ${context}`, () => {
      for (const value of SAMPLES) {
        // An empty value leaves no paragraph or heading at all.
        if (value === "" && (context.includes("heading") || context === "paragraph")) continue;
        expect(firstRuns(parseMarkdown(wrap(escapeMarkdown(value)))), JSON.stringify(value)).toBe(value);
      }
    });
  }

  it("keeps the value in one run with no marks", () => {
    const doc = parseMarkdown(escapeMarkdown(NASTY));
    expect(doc.blocks).toEqual([{ type: "paragraph", runs: [{ text: NASTY }], align: "justify" }]);
  });

  it("never lets a value split a kv label from its value", () => {
    const doc = parseMarkdown(`:::kv\n- ${escapeMarkdown("名称：别名")}：${escapeMarkdown("值: 1")}\n:::`);
    expect(doc.blocks[0]).toEqual({ type: "kv", rows: [{ label: [{ text: "名称：别名" }], value: [{ text: "值: 1" }] }] });
  });

  it("round-trips any text in paragraphs and table cells", () => {
    // Control characters other than \t \n \r cannot survive at the ends (see escapeMarkdown).
    const text = fc
      .string({ unit: "binary", maxLength: 40 })
      .filter((s) => !LONE_SURROGATE.test(s) && !/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]/.test(s));
    fc.assert(
      fc.property(text, (value) => {
        if (value !== "") expect(firstRuns(parseMarkdown(CONTEXTS.paragraph!(escapeMarkdown(value))))).toBe(value);
        expect(firstRuns(parseMarkdown(CONTEXTS["table cell"]!(escapeMarkdown(value))))).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

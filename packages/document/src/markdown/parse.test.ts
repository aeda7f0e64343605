import { describe, expect, it } from "vitest";
import { RenderError } from "../errors.js";
import { parseMarkdown } from "./parse.js";

function errorOf(fn: () => unknown): RenderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RenderError) return error;
    throw error;
  }
  throw new Error("expected a RenderError");
}

describe("parseMarkdown: text", () => {
  it("takes the first # heading as the centered title and ## / ### as levels 1 and 2", () => {
    const doc = parseMarkdown("# 服务合同\n\n## 一、总则\n\n### （一）定义\n\n#### 1. 细则\n\n# 附件一 保密协议");
    expect(doc.meta.title).toBe("服务合同");
    expect(doc.blocks.map((b) => (b.type === "heading" ? `h${b.level}` : b.type))).toEqual(["title", "h1", "h2", "h3", "title"]);
  });

  it("lets options set the theme, metadata, header and footer", () => {
    const doc = parseMarkdown("# 标题", {
      theme: "plain",
      meta: { title: "另一个标题", author: "甲方", keywords: ["合同"] },
      header: "**机密**",
      footer: "第一联",
    });
    expect(doc.theme).toBe("plain");
    expect(doc.meta).toEqual({ title: "另一个标题", author: "甲方", keywords: ["合同"] });
    expect(doc.header).toEqual({ runs: [{ text: "机密", bold: true }], align: "center" });
    expect(doc.footer?.runs).toEqual([{ text: "第一联" }]);
  });

  it("rejects an unknown theme with a stable code", () => {
    expect(errorOf(() => parseMarkdown("x", { theme: "fancy" as "plain" })).code).toBe("RENDER_UNKNOWN_THEME");
  });

  it("makes **bold** next to CJK punctuation bold (CJK-friendly emphasis)", () => {
    const doc = parseMarkdown("甲方应**按时足额**，支付*全部*款项。**“重点”**说明");
    expect(doc.blocks[0]).toEqual({
      type: "paragraph",
      align: "justify",
      runs: [
        { text: "甲方应" },
        { text: "按时足额", bold: true },
        { text: "，支付" },
        { text: "全部", italic: true },
        { text: "款项。" },
        { text: "“重点”", bold: true },
        { text: "说明" },
      ],
    });
  });

  it("joins Chinese lines wrapped in the source without a space, and Latin words with one", () => {
    const doc = parseMarkdown("第一行\n第二行 and\nmore");
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: "第一行第二行 and more" }] });
  });

  it("keeps hard breaks, inline code and links as plain hyperlinks", () => {
    const doc = parseMarkdown("甲\\\n乙 `a*b` [网站](https://example.com)");
    expect(doc.blocks[0]).toMatchObject({
      runs: [{ text: "甲\n乙 " }, { text: "a*b", code: true }, { text: " " }, { text: "网站", link: "https://example.com" }],
    });
  });

  it("never keeps an image: it becomes its alt text, and nothing records its source", () => {
    const doc = parseMarkdown("见![示意图](/etc/passwd)与![图二](http://127.0.0.1/x)。");
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: "见示意图与图二。" }] });
    expect(JSON.stringify(doc)).not.toMatch(/passwd|127\.0\.0\.1/);
  });

  it("ignores raw HTML as markup", () => {
    const doc = parseMarkdown("<b>粗</b>");
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: "<b>粗</b>" }] });
  });
});

describe("parseMarkdown: lists and tables", () => {
  it("parses nested ordered and bullet lists with their start number", () => {
    const doc = parseMarkdown("3. 第三\n   - 甲\n   - 乙\n4. 第四\n\n- 单独");
    expect(doc.blocks[0]).toEqual({
      type: "list",
      ordered: true,
      start: 3,
      items: [
        [
          { type: "paragraph", align: "justify", runs: [{ text: "第三" }] },
          {
            type: "list",
            ordered: false,
            start: 1,
            items: [[{ type: "paragraph", align: "justify", runs: [{ text: "甲" }] }], [{ type: "paragraph", align: "justify", runs: [{ text: "乙" }] }]],
          },
        ],
        [{ type: "paragraph", align: "justify", runs: [{ text: "第四" }] }],
      ],
    });
    expect(doc.blocks[1]).toMatchObject({ type: "list", ordered: false });
  });

  it("parses GFM tables with column alignment, escaped pipes and widths from the delimiter row", () => {
    const doc = parseMarkdown("| 序号 | 项目 | 金额 |\n|:--:|--------|---:|\n| 1 | a\\|b **c** | 1.00 |\n| 2 | | |");
    expect(doc.blocks[0]).toEqual({
      type: "table",
      header: [[{ runs: [{ text: "序号" }] }, { runs: [{ text: "项目" }] }, { runs: [{ text: "金额" }] }]],
      body: [
        [{ runs: [{ text: "1" }] }, { runs: [{ text: "a|b " }, { text: "c", bold: true }] }, { runs: [{ text: "1.00" }] }],
        [{ runs: [{ text: "2" }] }, { runs: [] }, { runs: [] }],
      ],
      align: ["center", "left", "right"],
      widths: [2, 8, 3],
      repeatHeader: true,
    });
  });

  it("leaves widths to the content when all delimiter cells are equal", () => {
    const doc = parseMarkdown("| a | b |\n|---|---|\n| 1 | 2 |");
    expect(doc.blocks[0]).not.toHaveProperty("widths");
  });
});

describe("parseMarkdown: directives", () => {
  it("parses ::pagebreak, ::toc and ::chart", () => {
    const doc = parseMarkdown('::toc\n\n::toc{title="目 录"}\n\n::pagebreak\n\n::chart{id="daily-trend" width=480 height=260}\n\n::chart{id=x}');
    expect(doc.blocks).toEqual([
      { type: "toc", title: "目录" },
      { type: "toc", title: "目 录" },
      { type: "pagebreak" },
      { type: "chart", id: "daily-trend", width: 480, height: 260, line: 7 },
      { type: "chart", id: "x", width: 440, height: 260, line: 9 },
    ]);
  });

  it("lets a directive interrupt a paragraph", () => {
    const doc = parseMarkdown("正文\n::pagebreak\n下一页");
    expect(doc.blocks.map((b) => b.type)).toEqual(["paragraph", "pagebreak", "paragraph"]);
  });

  it("parses :::kv items at the first full-width colon or colon-space", () => {
    const doc = parseMarkdown(":::kv\n- 项目名称：热线服务：一期\n- Amount: 100 元\n- 时间 ： 2026年\n- 网址：http://x.cn\n- 备注：\n:::");
    expect(doc.blocks[0]).toEqual({
      type: "kv",
      rows: [
        { label: [{ text: "项目名称" }], value: [{ text: "热线服务：一期" }] },
        { label: [{ text: "Amount" }], value: [{ text: "100 元" }] },
        { label: [{ text: "时间" }], value: [{ text: "2026年" }] },
        { label: [{ text: "网址" }], value: [{ text: "http://x.cn" }] },
        { label: [{ text: "备注" }], value: [] },
      ],
    });
  });

  it("aligns paragraphs in :::center and :::right", () => {
    const doc = parseMarkdown(":::center\n居中\n\n第二段\n:::\n:::right\n北京市某单位\n2026年3月19日\n:::");
    expect(doc.blocks.map((b) => (b.type === "paragraph" ? b.align : b.type))).toEqual(["center", "center", "right"]);
  });

  it("parses ::::signatures with :::party containers", () => {
    const doc = parseMarkdown(
      "::::signatures\n:::party\n- 甲方（盖章）：北京市平谷区城市管理指挥中心\n- 法定代表人或授权代表（签字）：\n- 日期：\n:::\n:::party\n- 乙方（盖章）：联通\n:::\n::::",
    );
    expect(doc.blocks[0]).toEqual({
      type: "signatures",
      parties: [
        {
          rows: [
            { label: [{ text: "甲方（盖章）" }], value: [{ text: "北京市平谷区城市管理指挥中心" }] },
            { label: [{ text: "法定代表人或授权代表（签字）" }], value: [] },
            { label: [{ text: "日期" }], value: [] },
          ],
        },
        { rows: [{ label: [{ text: "乙方（盖章）" }], value: [{ text: "联通" }] }] },
      ],
    });
  });

  it("nests containers of the same marker length", () => {
    const doc = parseMarkdown(":::signatures\n:::party\n- 甲方：a\n:::\n:::party\n- 乙方：b\n:::\n:::");
    expect(doc.blocks[0]).toMatchObject({ type: "signatures", parties: [{}, {}] });
  });

  it("reports mistakes with a stable code and the Markdown line", () => {
    const cases: [string, string, number][] = [
      ["正文\n\n::unknown", "RENDER_UNKNOWN_DIRECTIVE", 3],
      [":::box\n内容\n:::", "RENDER_UNKNOWN_DIRECTIVE", 1],
      ['::chart{id="x" width=wide}', "RENDER_BAD_DIRECTIVE_ATTRIBUTES", 1],
      ["::chart{width=10}", "RENDER_BAD_DIRECTIVE_ATTRIBUTES", 1],
      ['\n::toc{title="未闭合}', "RENDER_BAD_DIRECTIVE_ATTRIBUTES", 2],
      ["a\n\n:::kv\n- 没有冒号\n", "RENDER_UNCLOSED_CONTAINER", 3],
      [":::kv\n- 没有冒号\n:::", "RENDER_BAD_KV_ITEM", 2],
      [":::kv\n一段文字\n:::", "RENDER_BAD_KV_ITEM", 1],
      ["::::signatures\n::::", "RENDER_BAD_SIGNATURES", 1],
      ["::::signatures\n正文\n::::", "RENDER_BAD_SIGNATURES", 2],
      [":::party\n- 甲方：a\n:::", "RENDER_BAD_SIGNATURES", 1],
    ];
    for (const [source, code, line] of cases) {
      const error = errorOf(() => parseMarkdown(source));
      expect([error.code, error.line], source).toEqual([code, line]);
      expect(error.message).toMatch(new RegExp(`^第 ${line} 行：`));
    }
  });
});

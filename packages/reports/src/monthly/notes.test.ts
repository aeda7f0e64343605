import { describe, expect, it } from "vitest";
import { MonthlyReportError } from "./errors.js";
import { parseNotesMarkdown, parseNotesYaml } from "./notes.js";

function failure(fn: () => unknown): MonthlyReportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MonthlyReportError);
    return e as MonthlyReportError;
  }
  throw new Error("expected a MonthlyReportError");
}

describe("notes as YAML", () => {
  it("reads text, lists of text and titled entries; paragraphs split at blank lines", () => {
    const notes = parseNotesYaml(
      [
        "hotIssues: |",
        "  第一段，",
        "  接着写。",
        "",
        "  第二段。",
        "typicalCases:",
        "  - title: 草厂村垃圾清运",
        "    text: 当日清运。",
        "  - 没有标题的案例。",
        "problems: []",
      ].join("\n"),
      "notes.yaml",
    );
    expect(notes).toEqual({
      hotIssues: [{ paragraphs: ["第一段，接着写。"] }, { paragraphs: ["第二段。"] }],
      typicalCases: [{ title: "草厂村垃圾清运", paragraphs: ["当日清运。"] }, { paragraphs: ["没有标题的案例。"] }],
    });
    expect(parseNotesYaml("", "empty.yaml")).toEqual({});
  });

  it("names the line and column of an unknown key or a bad entry", () => {
    const unknown = failure(() => parseNotesYaml("hotIssues: 文字\ntypicalcases: 文字\n", "notes.yaml"));
    expect(unknown).toMatchObject({ code: "MONTHLY_NOTES_INVALID", file: "notes.yaml", line: 2, column: 1 });
    expect(unknown.message).toContain("未知的键“typicalcases”");
    const entry = failure(() => parseNotesYaml("typicalCases:\n  - title: 甲\n    body: 乙\n", "notes.yaml"));
    expect(entry).toMatchObject({ line: 3, column: 5 });
    expect(failure(() => parseNotesYaml("typicalCases: [\n", "notes.yaml")).message).toContain("YAML 语法错误");
  });
});

describe("notes as Markdown", () => {
  it("reads the parts by their headings, numbered or not; sub-headings and list items start entries", () => {
    const notes = parseNotesMarkdown(
      [
        "# 5 月素材",
        "",
        "## 一、热点问题",
        "",
        "垃圾清运诉求集中，",
        "主要在草厂村。",
        "",
        "## （二）典型案例",
        "",
        "### 草厂村垃圾清运不及时",
        "",
        "5月1日居民反映。",
        "",
        "当日清运完毕。",
        "",
        "### 柳林村违章停车",
        "",
        "已协调交警。",
        "",
        "## 下月工作计划",
        "",
        "- 督促签收",
        "- 回访复核",
      ].join("\n"),
      "notes.md",
    );
    expect(notes).toEqual({
      hotIssues: [{ paragraphs: ["垃圾清运诉求集中，主要在草厂村。"] }],
      typicalCases: [
        { title: "草厂村垃圾清运不及时", paragraphs: ["5月1日居民反映。", "当日清运完毕。"] },
        { title: "柳林村违章停车", paragraphs: ["已协调交警。"] },
      ],
      nextMonthPlan: [{ paragraphs: ["督促签收"] }, { paragraphs: ["回访复核"] }],
    });
  });

  it("refuses a heading the report has no part for, and text outside any part, at their lines", () => {
    const heading = failure(() => parseNotesMarkdown("## 热点问题\n\n文字\n\n## 工作亮点\n\n文字\n", "notes.md"));
    expect(heading).toMatchObject({ file: "notes.md", line: 5 });
    expect(heading.message).toContain("“工作亮点”不是月报素材的小节");
    expect(failure(() => parseNotesMarkdown("开头的文字\n\n## 热点问题\n", "notes.md"))).toMatchObject({ line: 1 });
    expect(failure(() => parseNotesMarkdown("## 典型案例\n\n甲\n\n## 典型案例\n", "notes.md")).message).toContain("出现了两次");
  });
});

describe("the cover's lines in the notes", () => {
  it("reads 报送日期, 编制人 and 审核人 from YAML `cover` and from a Markdown 封面 section", () => {
    expect(parseNotesYaml("cover:\n  submitted: 2026-06-03\n  compiler: 王晓\n  reviewer: 李明\n", "n.yaml").cover).toEqual({
      submitted: "2026-06-03",
      compiler: "王晓",
      reviewer: "李明",
    });
    const md = parseNotesMarkdown("## 封面\n\n报送日期：2026-06-03\n编制人：王晓\n\n## 典型案例\n\n案例一。\n", "n.md");
    expect(md.cover).toEqual({ submitted: "2026-06-03", compiler: "王晓" });
    expect(md.typicalCases).toEqual([{ paragraphs: ["案例一。"] }]);
  });

  it("names the line of a key the cover does not have, and of a date not written as YYYY-MM-DD", () => {
    const unknown = failure(() => parseNotesYaml("cover:\n  author: 王晓\n", "n.yaml"));
    expect(unknown.message).toContain("submitted（报送日期）、compiler（编制人）、reviewer（审核人）");
    expect(unknown).toMatchObject({ line: 2, column: 3 });
    const date = failure(() => parseNotesYaml("cover:\n  submitted: 6月3日\n", "n.yaml"));
    expect(date.message).toContain("YYYY-MM-DD");
    expect(date).toMatchObject({ line: 2 });
    const md = failure(() => parseNotesMarkdown("## 封面\n\n作者：王晓\n", "n.md"));
    expect(md).toMatchObject({ line: 3, column: 1 });
  });
});

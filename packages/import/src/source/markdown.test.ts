import { describe, expect, it } from "vitest";
import { cleanLine, plainTextLine } from "./markdown.js";

describe("cleanLine (Markdown)", () => {
  it("takes off heading marks, bullets, emphasis and escapes, keeping printed numbering", () => {
    expect(cleanLine("### 一、项目内容、方式和要求")).toEqual({ text: "一、项目内容、方式和要求" });
    expect(cleanLine("## **2. 乙方的权利和义务** ##")).toEqual({ text: "2. 乙方的权利和义务" });
    expect(cleanLine("  - (1) 协助甲方完成月报；")).toEqual({ text: "(1) 协助甲方完成月报；" });
    expect(cleanLine("1. 值守工作，7\\*24小时运转")).toEqual({ text: "1. 值守工作，7*24小时运转" });
    expect(cleanLine("**第九条 期限**")).toEqual({ text: "第九条 期限" });
    expect(cleanLine("> 注：*以下无正文*")).toEqual({ text: "注：以下无正文" });
    expect(cleanLine("详见[附件一](#a1)与`附件二`")).toEqual({ text: "详见附件一与附件二" });
  });

  it("keeps blanks to fill in and lone asterisks", () => {
    expect(cleanLine("签订日期：______年____月____日")).toEqual({ text: "签订日期：______年____月____日" });
    expect(cleanLine("7*24 小时")).toEqual({ text: "7*24 小时" });
  });

  it("turns rule lines and table separators into empty lines, never dropping a line", () => {
    for (const rule of ["---", "***", "===", "|---|:---:|", "--\t--\t--", "- - -"]) expect(cleanLine(rule)).toEqual({ text: "" });
    expect(cleanLine("")).toEqual({ text: "" });
  });

  it("splits pipe-table rows and tab rows into cells, keeping leading empty cells", () => {
    expect(cleanLine("| 名称 | **北京市海淀区城市管理指挥中心** | |")).toEqual({
      text: "名称\t北京市海淀区城市管理指挥中心",
      cells: ["名称", "北京市海淀区城市管理指挥中心"],
    });
    expect(cleanLine("\t法定代表人\t邵某 (签章)\t\t")).toEqual({ text: "法定代表人\t邵某 (签章)", cells: ["", "法定代表人", "邵某 (签章)"] });
    expect(cleanLine("| 金额 | 1\\|2 |")).toEqual({ text: "金额\t1|2", cells: ["金额", "1|2"] });
  });
});

describe("plainTextLine (.txt)", () => {
  it("keeps the line as written, trimmed", () => {
    expect(plainTextLine("  ### 一、项目内容  ")).toEqual({ text: "### 一、项目内容" });
    expect(plainTextLine("a\u0000b\u000cc")).toEqual({ text: "a b c" });
  });

  it("gives tab rows their cells, but not rule rows", () => {
    expect(plainTextLine("\t联系人\t(签章)\t\t")).toEqual({ text: "联系人\t(签章)", cells: ["", "联系人", "(签章)"] });
    expect(plainTextLine("--\t--\t--")).toEqual({ text: "--\t--\t--" });
  });
});

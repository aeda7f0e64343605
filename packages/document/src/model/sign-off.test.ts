import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { isEndMarker, isSignOffTable, signOffParts } from "./sign-off.js";
import type { TableBlock } from "./types.js";

const table = (markdown: string) => parseMarkdown(markdown).blocks.find((b): b is TableBlock => b.type === "table")!;
const runs = (text: string) => [{ text }];

const APPROVAL = "| 审批环节 | 审核意见 | 签字 | 日期 |\n|---|---|---|---|\n| 经办人 |  |  | 年　月　日 |\n| 财务 |  |  | 年　月　日 |\n";
const PANEL = "| 序号 | 姓名 | 单位 | 职务 | 签字 |\n|:--:|---|---|---|---|\n| 1 |  |  |  |  |\n| 2 |  |  |  |  |\n";

describe("isSignOffTable", () => {
  it("is true for a table with a column to sign in left blank: the client's approval table, an acceptance panel", () => {
    expect(isSignOffTable(table(APPROVAL))).toBe(true);
    expect(isSignOffTable(table(PANEL))).toBe(true);
    expect(isSignOffTable(table("| 序号 | 负责人签名 |\n|---|---|\n| 1 |  |\n"))).toBe(true);
  });

  it("is false for a table of text, or one whose signature column is already filled in", () => {
    expect(isSignOffTable(table("| 序号 | 遗留问题 | 整改措施 | 完成时限 |\n|---|---|---|---|\n| 1 |  |  |  |\n"))).toBe(false);
    expect(isSignOffTable(table("| 姓名 | 签字 |\n|---|---|\n| 王晓 | 已签 |\n"))).toBe(false);
    expect(isSignOffTable(table("| 签字 |\n|---|\n"))).toBe(false);
  });
});

describe("isEndMarker", () => {
  it("reads the end marker of a contract's text in its usual spellings", () => {
    for (const text of ["（以下无正文）", "(以下无正文)", "(本文以下无正文)", "（以下无正文，为签章页）", "（ 以下无正文 ）"]) expect(isEndMarker(runs(text)), text).toBe(true);
  });

  it("takes no sentence that only mentions it", () => {
    for (const text of ["以下无正文", "本页以下无正文。", "（以下无正文）的页面不得盖章", "（注：以下各项均须填写，以下无正文者除外）"]) {
      expect(isEndMarker(runs(text)), text).toBe(false);
    }
  });
});

describe("signOffParts", () => {
  it("marks the seals, a table signed by hand, the end marker and the headings and lead-ins right above them", () => {
    const doc = parseMarkdown(
      [
        "## 六、附件",
        "本协议一式两份。",
        "（以下无正文）",
        "::::signatures\n:::party\n- 申请单位（盖章）：某某公司\n:::\n::::",
        "## 七、甲方审批",
        "以下由甲方按付款审批程序逐级填写：",
        APPROVAL,
        "## 八、说明",
        "逐项说明如下：",
        "| 序号 | 说明 |\n|---|---|\n| 1 | 无 |\n",
      ].join("\n\n"),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "paragraph", "signatures", "heading", "paragraph", "table", "heading", "paragraph", "table"]);
    expect(signOffParts(doc.blocks)).toEqual([false, false, true, true, true, true, true, false, false, false]);
  });
});

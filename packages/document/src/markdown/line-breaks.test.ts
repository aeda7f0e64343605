import { describe, expect, it } from "vitest";
import { documentText } from "../model/text.js";
import { keepLineBreaks } from "./line-breaks.js";
import { parseMarkdown } from "./parse.js";

describe("keepLineBreaks", () => {
  it("keeps each printed line of a paragraph on a line of its own", () => {
    const source = "甲方: 北京市海淀区城市管理指挥中心\n地址: 北京市海淀区长春桥路 17 号\n邮政编码: 100089\n\n乙方: 中国联合网络通信有限公司北京市分公司";
    expect(documentText(parseMarkdown(source).blocks)).toBe("甲方: 北京市海淀区城市管理指挥中心地址: 北京市海淀区长春桥路 17 号邮政编码: 100089\n乙方: 中国联合网络通信有限公司北京市分公司");
    expect(documentText(parseMarkdown(keepLineBreaks(source)).blocks)).toBe(
      "甲方: 北京市海淀区城市管理指挥中心\n地址: 北京市海淀区长春桥路 17 号\n邮政编码: 100089\n乙方: 中国联合网络通信有限公司北京市分公司",
    );
  });

  it("leaves tables, lists, headings, code and lines already broken as they are", () => {
    const source = [
      "## 第一条",
      "",
      "| 序号 | 内容 |",
      "|---|---|",
      "| 1 | 值守 |",
      "",
      "1. 值守工作",
      "2. 办结工作",
      "",
      "```",
      "原样",
      "两行",
      "```",
      "",
      "第一行\\",
      "第二行  ",
      "第三行",
    ].join("\n");
    expect(keepLineBreaks(source)).toBe(source);
  });

  it("breaks the lines of a paragraph inside a list item", () => {
    expect(keepLineBreaks("- 甲方: 北京\n  地址: 海淀\n- 乙方")).toBe("- 甲方: 北京\\\n  地址: 海淀\n- 乙方");
  });
});

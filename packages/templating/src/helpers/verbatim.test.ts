import { describe, expect, it } from "vitest";
import { verbatim } from "./verbatim.js";

describe("verbatim", () => {
  it("moves headings down so contract text never becomes the title", () => {
    expect(verbatim("# 合同书\n## 第一条\n正文", 3)).toBe("### 合同书\n#### 第一条\n正文");
    expect(verbatim("###### 深", 4)).toBe("###### 深");
  });

  it("escapes lines that would read as directives, and images", () => {
    expect(verbatim("::toc\n\n:::kv\n\n- ::pagebreak\n\n文字 ![图](x.png)")).toBe("\\::toc\n\n\\:::kv\n\n- \\::pagebreak\n\n文字 !\\[图](x.png)");
  });

  it("keeps every printed line break: the lines of a paragraph end in a hard break", () => {
    expect(verbatim("甲方: 北京市海淀区城市管理指挥中心\n邮政编码: 100089\n\n乙方: 联通")).toBe(
      "甲方: 北京市海淀区城市管理指挥中心\\\n邮政编码: 100089\n\n乙方: 联通",
    );
    expect(verbatim("::toc\n:::kv")).toBe("\\::toc\\\n\\:::kv");
  });

  it("keeps tables, lists and emphasis", () => {
    const text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. **加粗**\n2. 二";
    expect(verbatim(text)).toBe(text);
  });
});

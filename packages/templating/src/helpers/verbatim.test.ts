import { describe, expect, it } from "vitest";
import { verbatim } from "./verbatim.js";

describe("verbatim", () => {
  it("moves headings down so contract text never becomes the title", () => {
    expect(verbatim("# 合同书\n## 第一条\n正文", 3)).toBe("### 合同书\n#### 第一条\n正文");
    expect(verbatim("###### 深", 4)).toBe("###### 深");
  });

  it("escapes lines that would read as directives, and images", () => {
    expect(verbatim("::toc\n:::kv\n- ::pagebreak\n文字 ![图](x.png)")).toBe("\\::toc\n\\:::kv\n- \\::pagebreak\n文字 !\\[图](x.png)");
  });

  it("keeps tables, lists and emphasis", () => {
    const text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. **加粗**\n2. 二";
    expect(verbatim(text)).toBe(text);
  });
});

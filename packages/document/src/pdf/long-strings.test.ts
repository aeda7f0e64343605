import { hasTool, pdfText } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { renderPdf } from "./index.js";

const poppler = hasTool("pdftotext");

/** How many times `needle` occurs in `text`. */
function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe.skipIf(!poppler)("very long unbroken strings", () => {
  it("are broken as a last resort: no table row, key-value row or signature block is lost", async () => {
    const name = "甲".repeat(5000);
    const url = `https://example.com/${"a".repeat(3000)}`;
    const latin = "X".repeat(4000);
    const markdown = [
      "# 标题",
      "",
      "| 名称 | 值 |",
      "|---|---|",
      `| ${name} | 1 |`,
      `| ${url} | 2 |`,
      `| ${latin} | 3 |`,
      "| 最后一行 | 4 |",
      "",
      `链接 ${url} 结束。`,
      "",
      ":::kv",
      `- 户名：${latin}`,
      "- 开户行：某银行",
      ":::",
      "",
      "::::signatures",
      ":::party",
      `- 甲方（盖章）：${name}`,
      "- 日期：2026年1月1日",
      ":::",
      ":::party",
      `- 乙方（盖章）：${latin}`,
      "- 日期：2026年1月2日",
      ":::",
      "::::",
      "",
      "末尾段落。",
      "",
    ].join("\n");
    const text = (await pdfText(await renderPdf(parseMarkdown(markdown, { theme: "formal" })))).replace(/\s+/g, "");
    for (const kept of ["最后一行", "结束", "开户行", "甲方（盖章）", "乙方（盖章）", "2026年1月1日", "2026年1月2日", "末尾段落"]) {
      expect(text, kept).toContain(kept);
    }
    expect(count(text, "甲")).toBe(2 * 5000 + 1);
    expect(count(text, "X")).toBe(3 * 4000);
    expect(count(text, "a")).toBe(2 * 3000 + 2);
  }, 60_000);
});

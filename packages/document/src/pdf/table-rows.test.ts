import { hasTool, pdfPages } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { renderPdf } from "./index.js";

const poppler = hasTool("pdftotext");

const filler = (n: number) => Array.from({ length: n }, (_, i) => `填充第${i + 1}行。`).join("\n\n");

/** A table whose rows can be told apart in the text of a page: “行3始…行3终”, two lines each. */
function table(rows: number): string {
  const cell = (i: number) => `行${i}始，朝阳路与建国路交叉口路灯不亮，居民夜间出行不便，请求维修，行${i}终`;
  return ["| 序号 | 诉求内容 | 状态 |", "|:---:|--------|:---:|", ...Array.from({ length: rows }, (_, i) => `| ${i + 1} | ${cell(i + 1)} | 已办结 |`)].join("\n");
}

/** The rows of the table each page holds whole, by number. */
async function rowsByPage(markdown: string, rows: number): Promise<number[][]> {
  const pages = pdfPages(await renderPdf(parseMarkdown(markdown))).map((p) => p.replace(/\s+/g, ""));
  return pages.map((page) => Array.from({ length: rows }, (_, i) => i + 1).filter((i) => page.includes(`行${i}始`) && page.includes(`行${i}终`)));
}

describe.skipIf(!poppler)("no table row stands alone on a page, read from the PDF", () => {
  it("leaves at least two body rows on each side of every page break, wherever the table starts", async () => {
    let broken = 0;
    for (const rows of [4, 9]) {
      for (let n = 6; n <= 24; n += 2) {
        const pages = await rowsByPage(`# 工单明细\n\n${filler(n)}\n\n${table(rows)}\n`, rows);
        const label = `${rows} rows after ${n} lines`;
        // every row printed once, whole
        expect(pages.flat().sort((a, b) => a - b), label).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
        const holding = pages.filter((p) => p.length > 0);
        for (const p of holding) expect(p.length, `${label}: ${JSON.stringify(pages)}`).toBeGreaterThanOrEqual(2);
        if (holding.length > 1) broken++;
      }
    }
    // some of these layouts break the table across pages
    expect(broken).toBeGreaterThan(0);
  });

  it("keeps a table of three rows whole", async () => {
    for (let n = 14; n <= 24; n++) {
      const pages = await rowsByPage(`# 工单明细\n\n${filler(n)}\n\n${table(3)}\n`, 3);
      expect(
        pages.filter((p) => p.length > 0),
        `${n} lines before`,
      ).toEqual([[1, 2, 3]]);
    }
  });
});

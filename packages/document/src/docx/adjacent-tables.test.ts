import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { renderDocx } from "./index.js";

const body = async (markdown: string) => (await JSZip.loadAsync(await renderDocx(parseMarkdown(markdown)))).file("word/document.xml")!.async("string");

describe("renderDocx: tables one after another", () => {
  it("keeps a table and the signature block after it apart, so Word does not join them", async () => {
    const xml = await body(
      "| 序号 | 姓名 |\n|:--:|----|\n| 1 |  |\n\n::::signatures\n:::party\n- 甲方（盖章）：甲\n:::\n:::party\n- 乙方（盖章）：乙\n:::\n::::\n",
    );
    // the grid table ends, a paragraph, then the (outer) signature table begins
    expect(xml).toMatch(/<\/w:tbl><w:p>(?:(?!<w:tbl>).)*<\/w:p><w:tbl>/s);
    expect(xml).not.toMatch(/<\/w:tbl><w:tbl>/);
  });
});

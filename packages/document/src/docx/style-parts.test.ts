import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { forgetStyleParts, renderDocx } from "./index.js";
import { readZip } from "./zip.js";

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("renderDocx: the style sheet and theme written once per set of styles", () => {
  it("gives the same package, byte for byte, whether they were written before or not", async () => {
    const doc = parseMarkdown("# 续签合同\n\n## 一、服务内容\n\n正文第一段。\n\n| 序号 | 内容 |\n|---|---|\n| 1 | 值守 |\n| 2 | 质检 |\n");
    forgetStyleParts();
    const first = await renderDocx(doc);
    const second = await renderDocx(doc);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // the reused parts are the real ones, not the empty stand-ins
    const parts = readZip(second);
    expect(text(parts.get("word/styles.xml"))).toMatch(/<w:style [^>]*w:styleId="Heading1"/);
    expect(text(parts.get("word/theme/theme1.xml"))).toContain("<a:clrScheme");
  });

  it("writes a different style sheet for a different theme", async () => {
    forgetStyleParts();
    const formal = readZip(await renderDocx(parseMarkdown("正文。")));
    const plain = readZip(await renderDocx({ ...parseMarkdown("正文。"), theme: "plain" }));
    const formalAgain = readZip(await renderDocx(parseMarkdown("正文。")));
    expect(text(plain.get("word/styles.xml"))).not.toBe(text(formal.get("word/styles.xml")));
    expect(text(formalAgain.get("word/styles.xml"))).toBe(text(formal.get("word/styles.xml")));
  });
});

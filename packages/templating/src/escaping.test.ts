import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { parseMarkdown, plainText, renderDocx, renderPdf } from "@qiyue/document";
import { describe, expect, it } from "vitest";
import { compileTemplate } from "./engine.js";

/** A party name that is Markdown, HTML, a Handlebars expression and a link at once. */
const NASTY = "北京*兴众*|联城_信息_{{x}}<b>技术</b>[链](http://x)有限公司";

const TEMPLATE = `# {{name}}

## {{name}}

甲方：{{name}}

| 名称 | 金额 |
|---|---|
| {{name}} | 1 |

:::kv
- 乙方：{{name}}
:::

::::signatures
:::party
- 乙方（盖章）：{{name}}
:::
:::party
- 甲方（盖章）：{{name}}
:::
::::
`;

const markdown = compileTemplate({ file: "nasty.md.hbs", text: TEMPLATE })({ name: NASTY });

/** One entry of a ZIP file (stored or deflated), read from its central directory. */
function zipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = buf.toString("utf8", at + 46, at + 46 + nameLength);
    if (entry === name) {
      const local = buf.readUInt32LE(at + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(at + 20));
      return (buf.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in zip`);
}

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The text of document.xml as read: without the WORD JOINERs and ZERO WIDTH SPACEs that steer line breaking (no width). */
const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join("")
    .replace(/[\u2060\u200b]/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("values print literally through the real engine", () => {
  const doc = parseMarkdown(markdown);

  it("in the title, headings, paragraphs, tables, kv and signature blocks", () => {
    const texts: string[] = [];
    for (const block of doc.blocks) {
      if (block.type === "title" || block.type === "heading" || block.type === "paragraph") texts.push(plainText(block.runs));
      if (block.type === "table") texts.push(plainText(block.body[0]![0]!.runs));
      if (block.type === "kv") texts.push(plainText(block.rows[0]!.value));
      if (block.type === "signatures") for (const p of block.parties) texts.push(plainText(p.rows[0]!.value));
    }
    expect(texts).toEqual([NASTY, NASTY, `甲方：${NASTY}`, NASTY, NASTY, NASTY, NASTY]);
    for (const block of doc.blocks) {
      if ("runs" in block) expect(block.runs.some((r) => r.bold || r.italic || r.link !== undefined)).toBe(false);
    }
  });

  it("in the DOCX document.xml", async () => {
    const xml = zipEntry(await renderDocx(doc, { sourceDateEpoch: 0 }), "word/document.xml");
    const text = xmlText(xml);
    expect(text.split(NASTY).length - 1).toBeGreaterThanOrEqual(7);
    expect(xml).not.toContain("<w:hyperlink");
  });

  it("in the PDF text", async () => {
    if (!hasPdftotext()) {
      if (process.env.CI) throw new Error("pdftotext (poppler-utils) is required in CI");
      console.warn("skipped: pdftotext is not installed (apt-get install poppler-utils)");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "qiyue-escape-"));
    const pdf = join(dir, "nasty.pdf");
    writeFileSync(pdf, await renderPdf(doc, { sourceDateEpoch: 0 }));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text.split(NASTY).length - 1).toBeGreaterThanOrEqual(5);
  });
});

import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../docx/index.js";
import { readZip } from "../docx/zip.js";
import { RenderError } from "../errors.js";
import { parseMarkdown } from "../markdown/parse.js";
import type { RenderWarning } from "../options.js";
import { renderPdf } from "../pdf/index.js";

const require = createRequire(import.meta.url);
/** A Latin-only TrueType font that pdfmake ships: a user's font that lacks every CJK character. */
const ROBOTO = join(dirname(require.resolve("pdfmake/package.json")), "build", "fonts", "Roboto", "Roboto-Regular.ttf");

/** The base font names a PDF embeds, subset tags removed. */
function embeddedFonts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  return [...new Set([...text.matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z0-9-]+)/g)].map((m) => m[1]!))].sort();
}

/** The text-showing operators' glyph runs are not readable here; the page content streams are, inflated. */
function contentStreams(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      out.push(inflateSync(bytes.subarray(start, end)).toString("latin1"));
    } catch {}
  }
  return out.join("\n");
}

async function render(markdown: string, options: Parameters<typeof renderPdf>[1] = {}) {
  const warnings: RenderWarning[] = [];
  const pdf = await renderPdf(parseMarkdown(markdown, { theme: "formal" }), { ...options, onWarning: (w) => warnings.push(w) });
  return { pdf, warnings };
}

describe("font roles in the PDF", () => {
  it("embeds a distinct face for 宋体 (title), 仿宋 (body), 楷体 (（一） heading) and 黑体 (一、 heading)", async () => {
    const { pdf, warnings } = await render("# 服务合同\n\n## 一、总则\n\n### （一）服务事项\n\n甲方委托乙方提供服务。\n");
    expect(embeddedFonts(pdf)).toEqual(["LXGWWenKai-Regular", "NotoSansSC-Regular", "NotoSerifSC-Bold", "NotoSerifSC-Light", "NotoSerifSC-Regular"]);
    expect(warnings).toEqual([]);
  });
});

describe("characters the fonts lack", () => {
  it("sets rare ideographs the role's font lacks in a fallback face, without a warning", async () => {
    const { pdf, warnings } = await render("# 标题\n\n吉野家的“𠮷”字。\n");
    expect(warnings).toEqual([]);
    expect(embeddedFonts(pdf)).toContain("LXGWWenKai-Regular");
  });

  it("warns, naming each character and where it is, about characters no font has", async () => {
    const { warnings } = await render("# 标题\n\n## 一、总则\n\n正文𠀀😀。\n\n| 名称 | 值 |\n|---|---|\n| שלום | 1 |\n");
    const missing = warnings.find((w) => w.code === "RENDER_MISSING_GLYPHS")!;
    expect(missing.characters.map((c) => c.codePoint)).toEqual(["U+20000", "U+1F600", "U+05E9", "U+05DC", "U+05D5", "U+05DD"]);
    expect(missing.characters[0]!.places).toEqual(["“一、总则”下的正文：“正文𠀀😀。”"]);
    expect(missing.characters[2]!.places[0]).toMatch(/^“一、总则”下的第 1 个表格第 1 行第 1 列/);
    expect(missing.message).toContain("“𠀀”（U+20000");
  });

  it("leaves characters that print nothing out of the PDF, and says so", async () => {
    const { pdf, warnings } = await render("# 标题\n\n零宽\u200b空格与\u200f方向标记。\n");
    const invisible = warnings.find((w) => w.code === "RENDER_INVISIBLE_CHARACTERS")!;
    expect(invisible.characters.map((c) => c.codePoint)).toEqual(["U+200B", "U+200F"]);
    expect(warnings.some((w) => w.code === "RENDER_MISSING_GLYPHS")).toBe(false);
    // no glyph of the PDF stands for them
    expect(contentStreams(pdf)).not.toMatch(/<200[bf]>/i);
    expect(contentStreams(pdf)).toMatch(/<7a7a>/i);
  });
});

describe("a user's own font for a role", () => {
  it("embeds the user's file for the role and names its family in the DOCX", async () => {
    const doc = parseMarkdown("# 标题\n\nThe body is set in the user's font.\n", { theme: "formal" });
    const pdf = await renderPdf(doc, { fonts: { fangsong: ROBOTO } });
    expect(embeddedFonts(pdf)).toContain("Roboto-Regular");
    expect(embeddedFonts(pdf)).not.toContain("NotoSerifSC-Light");
    const docx = await renderDocx(doc, { fonts: { fangsong: ROBOTO } });
    const styles = new TextDecoder().decode((await readZip(docx)).get("word/styles.xml"));
    expect(styles).toMatch(/w:eastAsia="Roboto"/);
    expect(styles).not.toMatch(/w:eastAsia="仿宋"/);
  });

  it("is an error naming the characters the user's font lacks and where they are", async () => {
    const doc = parseMarkdown("# 标题\n\n## 一、总则\n\n正文 text 甲乙。\n", { theme: "formal" });
    const failure = await renderPdf(doc, { fonts: { fangsong: ROBOTO } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RenderError);
    expect((failure as RenderError).code).toBe("RENDER_FONT_MISSING_GLYPHS");
    expect((failure as RenderError).message).toMatch(/^仿宋的字体文件 Roboto-Regular\.ttf 缺少文档用到的 5 个字：“正”（U\+6B63，“一、总则”下的正文：“正文 text 甲”）、“文”/);
  });

  it("is an error naming a file that is missing or not a font", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-font-"));
    const woff = join(dir, "web.woff2");
    writeFileSync(woff, Buffer.from("wOF2 not really a font"));
    const doc = parseMarkdown("# 标题\n", { theme: "formal" });
    await expect(renderPdf(doc, { fonts: { kai: join(dir, "none.ttf") } })).rejects.toThrow(/找不到楷体的字体文件 .*none\.ttf/);
    await expect(renderPdf(doc, { fonts: { kai: woff } })).rejects.toThrow(/楷体的字体文件 web\.woff2 网页字体（WOFF）/);
    const broken = join(dir, "broken.ttf");
    copyFileSync(ROBOTO, broken);
    writeFileSync(broken, Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(8)]));
    await expect(renderPdf(doc, { fonts: { song: broken } })).rejects.toMatchObject({ code: "RENDER_FONT_UNAVAILABLE" });
  });
});

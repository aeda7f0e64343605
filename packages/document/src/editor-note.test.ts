import JSZip from "jszip";
import { hasTool, pdfFonts } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { lineHeightEm, textWidth } from "./fonts/cache.js";
import { renderDocx } from "./docx/index.js";
import { parseMarkdown } from "./markdown/parse.js";
import type { PdfNode } from "./pdf/context.js";
import { renderPdf } from "./pdf/index.js";
import { prewrap } from "./pdf/prewrap.js";
import { styledInlines } from "./pdf/runs.js";
import { pdfStyle } from "./pdf/styles.js";
import { formal } from "./theme/formal.js";
import { noteSizePt } from "./theme/note.js";
import { HAO } from "./theme/units.js";

const NOTE = "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕";
const MD = `项目服务费预计总额为1979100元（大写人民币：壹佰玖拾柒万玖仟一百元整）:note[${NOTE}]（含税）。`;

describe("an editor's note is set apart from the document's own words", () => {
  it("a 字号 smaller than the text it stands in", () => {
    expect(noteSizePt(HAO.三号)).toBe(HAO.四号);
    expect(noteSizePt(HAO.小四)).toBe(HAO.五号);
    expect(noteSizePt(HAO.二号)).toBe(HAO.小二);
  });

  it("PDF: in 楷体 at that size, its line as tall as the body's, and measured so when lines are broken", () => {
    const body = pdfStyle(formal.body);
    const [own, note] = styledInlines([{ text: "元整" }, { text: NOTE, note: true }], body);
    expect(own).toMatchObject({ font: "FangSong", fontSize: HAO.三号 });
    expect(note).toMatchObject({ font: "LXGWWenKai", fontSize: HAO.四号 });
    const height = (i: typeof own) => lineHeightEm(i!.font === "LXGWWenKai" ? "kai" : "serifLight") * (i!.fontSize as number) * (i!.lineHeight as number);
    expect(height(note)).toBeCloseTo(height(own), 6);
    // the note alone fits a line as wide as it is in 楷体 四号, which its text in 仿宋 三号 would not
    const width = textWidth("kai", NOTE, HAO.四号) + 0.5;
    expect(textWidth("serifLight", NOTE, HAO.三号)).toBeGreaterThan(width);
    const node = prewrap([{ text: NOTE, note: true }], { ...body, leadingIndent: 0 }, width);
    expect((node.stack as PdfNode[]).length).toBe(1);
  });

  it("DOCX: the run names 楷体 and the smaller size, in the body and in a table", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(parseMarkdown(`${MD}\n\n| 金额 |\n|---|\n| 壹佰元:note[〔注：请核对〕] |\n`)));
    const xml = await zip.file("word/document.xml")!.async("string");
    const run = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*?${text}(?:(?!</w:r>).)*?</w:r>`, "s").exec(xml)?.[0] ?? "";
    expect(run("注：大写应为")).toContain('w:eastAsia="楷体"');
    expect(run("注：大写应为")).toContain('<w:sz w:val="28"/>');
    expect(run("注：请核对")).toContain('w:eastAsia="楷体"');
    expect(run("注：请核对")).toContain('<w:sz w:val="21"/>');
    // the contract's own words keep the paragraph's font and size
    expect(run("含税")).not.toContain("楷体");
    expect(run("含税")).not.toContain("<w:sz ");
  });

  it.skipIf(!hasTool("pdffonts"))("PDF: the note's 楷体 is embedded, though nothing else is set in it", async () => {
    const plainFonts = pdfFonts(await renderPdf(parseMarkdown(MD.replace(`:note[${NOTE}]`, NOTE)))).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
    expect(plainFonts).not.toContain("LXGWWenKai-Regular");
    const fonts = pdfFonts(await renderPdf(parseMarkdown(MD))).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
    expect(fonts).toContain("LXGWWenKai-Regular");
  });
});

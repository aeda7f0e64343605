import JSZip from "jszip";
import { hasTool, run, withFile } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx/index.js";
import { parseMarkdown } from "./markdown/parse.js";
import { renderPdf } from "./pdf/index.js";

/**
 * Pinggu's 保密协议: 甲方 prints its name, which wraps to two lines in its column; 乙方 leaves the
 * line blank. The two sides must still stand level: the rows under the seals, the seals, and
 * where the values start.
 */
const MD = [
  "::::signatures",
  ":::party",
  "- 甲方（盖章）：北京市平谷区城市管理指挥中心",
  "- 法定代表人/授权代表（签字）：",
  "- 日期：2026年3月19日",
  ":::",
  ":::party",
  "- 乙方（盖章）：",
  "- 法定代表人/授权代表（签字）：",
  "- 日期：2026年3月19日",
  ":::",
  "::::",
].join("\n");

interface Word {
  x: number;
  y: number;
  text: string;
}

function words(pdf: Uint8Array): Word[] {
  const html = withFile(pdf, "signatures.pdf", (path) => run("pdftotext", ["-bbox", path, "-"]));
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
}

describe("signature blocks side by side stand level", () => {
  it.skipIf(!hasTool("pdftotext"))("PDF: a name wrapping on one side moves the other side's rows, seal and date down with it", async () => {
    const all = words(await renderPdf(parseMarkdown(MD)));
    const find = (text: string) => all.filter((w) => w.text.startsWith(text)).sort((a, b) => a.x - b.x);
    const [sealA, sealB] = find("（盖章处）");
    expect(sealB!.y).toBeCloseTo(sealA!.y, 1);
    const [signA, signB] = find("法定代表人");
    expect(signB!.y).toBeCloseTo(signA!.y, 1);
    const [dateA, dateB] = find("2026年3月19日");
    expect(dateB!.y).toBeCloseTo(dateA!.y, 1);
    // the values start at one place in each column
    const [labelA, labelB] = find("日期");
    expect(dateB!.x - labelB!.x).toBeCloseTo(dateA!.x - labelA!.x, 1);
  });

  it("DOCX: every row holds both sides, so Word makes it as tall as the taller side; one label width for both", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(parseMarkdown(MD)));
    const xml = await zip.file("word/document.xml")!.async("string");
    const rows = xml.match(/<w:tr>(?:(?!<w:tr>).)*?<\/w:tr>/gs) ?? [];
    const rowOf = (text: string) => rows.filter((r) => r.includes(text));
    expect(rowOf("甲方（盖章）")).toHaveLength(1);
    expect(rowOf("甲方（盖章）")[0]).toContain("乙方（盖章）");
    expect(rowOf("（盖章处）")).toHaveLength(1);
    expect(rowOf("（盖章处）")[0]!.match(/（盖章处）/g)).toHaveLength(2);
    const dates = rowOf("日期");
    expect(dates).toHaveLength(1);
    expect(dates[0]!.match(/日期/g)).toHaveLength(2);
    // the grid's columns: 甲方's label and line, the gap, 乙方's label and line, the labels equally wide
    const grid = /<w:tblGrid>((?:(?!<\/w:tblGrid>).)*)<\/w:tblGrid>(?:(?!<w:tblGrid>).)*甲方（盖章）/s.exec(xml)?.[1] ?? "";
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(5);
    expect(widths[3]).toBe(widths[0]);
    expect(widths[4]).toBe(widths[1]);
  });
});

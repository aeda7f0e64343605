import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleContractMarkdown, docxTextWithLibreOffice, hasTool } from "@qiyue/testing";
import { parseMarkdown } from "../markdown/parse.js";
import { docxChartRasters, renderDocx } from "./index.js";

async function parts(docx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) out[name] = await zip.file(name)!.async("string");
  }
  return out;
}

/** The XML of a paragraph style in styles.xml. */
function style(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, "s").exec(styles)?.[0] ?? "";
}

const CHART_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150"><rect width="300" height="150" fill="#eee"/><text x="20" y="40" font-size="20">趋势</text></svg>';

describe("renderDocx: the package", () => {
  it("names the Chinese font of each role in the East Asian slot, sized in 号", async () => {
    const xml = await parts(await renderDocx(parseMarkdown(sampleContractMarkdown())));
    const styles = xml["word/styles.xml"]!;
    const font = (id: string) => /w:eastAsia="([^"]+)"/.exec(style(styles, id))?.[1];
    const size = (id: string) => /<w:sz w:val="(\d+)"/.exec(style(styles, id))?.[1];
    expect([font("Normal"), size("Normal")]).toEqual(["仿宋", "32"]);
    expect([font("Title"), size("Title")]).toEqual(["宋体", "44"]);
    expect(style(styles, "Title")).toContain("<w:b/>");
    expect([font("Heading1"), size("Heading1")]).toEqual(["黑体", "32"]);
    expect([font("Heading2"), size("Heading2")]).toEqual(["楷体", "32"]);
    expect([font("PageNumber"), size("PageNumber")]).toEqual(["宋体", "28"]);
    // 22 lines a page: an exact 28.95 pt line pitch.
    expect(style(styles, "Normal")).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);

    const plain = (await parts(await renderDocx(parseMarkdown("# 标题\n\n正文", { theme: "plain" }))))["word/styles.xml"]!;
    expect(/w:eastAsia="([^"]+)"/.exec(style(plain, "Normal"))?.[1]).toBe("宋体");
    expect(style(plain, "Normal")).toMatch(/<w:sz w:val="24"/);
  });

  it("sets A4 and the GB/T 9704 margins", async () => {
    const document = (await parts(await renderDocx(parseMarkdown("正文"))))["word/document.xml"]!;
    expect(document).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
  });

  it("repeats table header rows on every page", async () => {
    const document = (await parts(await renderDocx(parseMarkdown(sampleContractMarkdown()))))["word/document.xml"]!;
    const headerRows = document.match(/<w:tr>(?:(?!<\/w:tr>).)*?<w:tblHeader\/>/gs) ?? [];
    expect(headerRows.length).toBe(3);
    expect(document).toContain("<w:tblLayout w:type=\"fixed\"/>");
  });

  it("writes page numbers as “— PAGE —” on the outer side of odd and even pages", async () => {
    const xml = await parts(await renderDocx(parseMarkdown("正文")));
    const footers = Object.keys(xml).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    for (const name of footers) {
      const footer = xml[name]!;
      expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —<\/w:t>/s);
    }
    const alignments = footers.map((n) => /<w:jc w:val="(\w+)"/.exec(xml[n]!)?.[1]).sort();
    expect(alignments).toEqual(["left", "right"]);
    expect(xml["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");

    const plain = await parts(await renderDocx(parseMarkdown("正文", { theme: "plain" })));
    expect(Object.keys(plain).filter((n) => /^word\/footer\d+\.xml$/.test(n))).toHaveLength(1);
    expect(plain["word/footer1.xml"]).toMatch(/<w:jc w:val="center"/);
  });

  it("pre-fills the table of contents with entries and page numbers, without an update prompt", async () => {
    const md = sampleContractMarkdown().replace(/^(# .*)$/m, "$1\n\n::toc\n\n::pagebreak");
    const xml = await parts(await renderDocx(parseMarkdown(md)));
    const document = xml["word/document.xml"]!;
    expect(document).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect(style(xml["word/styles.xml"]!, "TOC1")).toMatch(/<w:tab w:val="right" w:pos="8844" w:leader="dot"\/>/);
    expect(document).not.toMatch(/w:dirty="true"/);
    expect(xml["word/settings.xml"]).not.toContain("updateFields");
    // Same pages as the PDF of the same document (see pdf/render.test.ts).
    expect(document).toMatch(/一、服务内容<\/w:t>.*?<w:tab\/>.*?>3<\/w:t>/s);
    expect(document).toMatch(/六、其他<\/w:t>.*?<w:tab\/>.*?>\d+<\/w:t>/s);
    expect(document).toMatch(/<w:bookmarkStart [^>]*w:name="_Toc00000001"/);
  });

  it("rasterises charts off this thread to the same pixels, and names a chart resvg cannot draw", async () => {
    const doc = parseMarkdown("正文\n\n::chart{id=t width=300 height=150}");
    const charts = { t: { svg: CHART_SVG, title: "图1 趋势" } };
    const ahead = await renderDocx(doc, { charts }, { charts: await docxChartRasters(doc, { charts }) });
    expect(Buffer.from(ahead).equals(Buffer.from(await renderDocx(doc, { charts })))).toBe(true);
    const broken = await renderDocx(doc, { charts: { t: { svg: '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>' } } }).catch((e: unknown) => e);
    expect(broken).toMatchObject({ name: "RenderError", code: "RENDER_BAD_CHART", line: 3 });
    expect((broken as Error).message).toContain("图表“t”的 SVG 无法绘制");
  });

  it("embeds a chart as a PNG at twice its printed size", async () => {
    const docx = await renderDocx(parseMarkdown("::chart{id=t width=300 height=150}"), { charts: { t: { svg: CHART_SVG, title: "图1 趋势" } } });
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    const png = await zip.file(media[0]!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toContain("图1 趋势");
    expect(document).toMatch(/<wp:extent cx="3810000" cy="1905000"/);
  });

  it("lays parties out side by side with seal placeholders and signature lines", async () => {
    const document = (await parts(await renderDocx(parseMarkdown(sampleContractMarkdown()))))["word/document.xml"]!;
    expect(document.match(/（盖章处）/g)).toHaveLength(2);
    expect(document.match(/w:val="dashed"/g)?.length).toBeGreaterThanOrEqual(8);
    expect(document).toContain("法定代表人或授权代表（签字）");
  });

  it("keeps together what a page must not split: table rows, a header with its first row, a closing paragraph with the seals", async () => {
    const md = "| 项目 | 金额 |\n|---|---|\n| 甲 | 1 |\n| 乙 | 2 |\n\n正文一段。\n\n特此申请。\n\n::::signatures\n:::party\n- 申请单位（盖章）：某公司\n:::\n::::\n";
    const document = (await parts(await renderDocx(parseMarkdown(md))))["word/document.xml"]!;
    const rows = document.match(/<w:tr>.*?<\/w:tr>/gs) ?? [];
    // (the text of a row as read: a cell's last two ideographs are joined with WORD JOINER, in a run of their own)
    const grid = rows.filter((r) => /项目|甲|乙/.test(r.replace(/<[^>]+>/g, "").replaceAll("\u2060", "")));
    expect(grid).toHaveLength(3);
    for (const row of grid) expect(row).toContain("<w:cantSplit/>");
    // a table of two rows stays whole: the header and the first row keep with the next
    expect(grid[0]).toContain("<w:keepNext/>");
    expect(grid[1]).toContain("<w:keepNext/>");
    expect(grid[2]).not.toContain("<w:keepNext/>");
    const paragraph = (text: string) => /<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs.exec(document.slice(0, document.indexOf(text) + text.length).replace(/.*<w:p>/s, "<w:p>") + "</w:p>")?.[0] ?? "";
    expect(paragraph("特此申请。")).toContain("<w:keepNext/>");
    expect(paragraph("正文一段。")).not.toContain("<w:keepNext/>");
  });

  it("prints a signature row without a label as its value alone, across the row and without a line", async () => {
    const md = "::::signatures\n:::party\n- 甲方：北京市海淀区苏家坨镇人民政府\n- ：(盖章)\n- ：2020年3月30日\n:::\n:::party\n- 乙方（公章）：北京政信1890智能科技有限公司\n- 负责人（签章）：\n:::\n::::\n";
    const document = (await parts(await renderDocx(parseMarkdown(md))))["word/document.xml"]!;
    const row = /<w:tr>(?:(?!<\/w:tr>).)*2020\u2060年\u20603\u2060月\u206030\u2060日(?:(?!<\/w:tr>).)*<\/w:tr>/s.exec(document)?.[0] ?? "";
    expect(row).toContain('<w:gridSpan w:val="2"/>');
    expect(row).not.toContain("：");
    expect(row).not.toContain('w:val="single"');
    expect(document).toContain("负责人（签章）");
  });

  it("sets a paragraph of printed lines flush and unjustified: Word would stretch its broken lines", async () => {
    const document = (await parts(await renderDocx(parseMarkdown("甲方: 北京市海淀区\\\n邮政编码: 100089"))))["word/document.xml"]!;
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*邮政编码(?:(?!<\/w:p>).)*<\/w:p>/s.exec(document)?.[0] ?? "";
    expect(paragraph).toContain('w:firstLine="0"');
    expect(paragraph).toContain('<w:jc w:val="left"/>');
    expect(paragraph).toContain("<w:br/>");
  });

  it("keeps links as plain hyperlinks and images as alt text", async () => {
    const xml = await parts(await renderDocx(parseMarkdown("[官网](https://example.gov.cn) ![图](/etc/passwd)")));
    expect(xml["word/_rels/document.xml.rels"]).toMatch(/Target="https:\/\/example\.gov\.cn" TargetMode="External"/);
    expect(JSON.stringify(xml)).not.toContain("passwd");
    expect(xml["word/document.xml"]).toContain("> 图<");
  });
});

describe("renderDocx: determinism", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("gives the same bytes whatever the clock and time zone, with the source date everywhere", async () => {
    const md = `${sampleContractMarkdown()}\n\n[链接](https://example.com)\n\n::chart{id=c}`.replace(/^(# .*)$/m, "$1\n\n::toc");
    const options = { sourceDateEpoch: 1_767_225_600, charts: { c: { svg: CHART_SVG } } };
    vi.stubEnv("TZ", "Asia/Shanghai");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-05-06T07:08:09Z"));
    const a = await renderDocx(parseMarkdown(md), options);
    vi.stubEnv("TZ", "Pacific/Honolulu");
    vi.setSystemTime(new Date("1999-12-31T23:59:59Z"));
    const b = await renderDocx(parseMarkdown(md), options);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);

    const zip = await JSZip.loadAsync(a);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toMatch(/<dcterms:created[^>]*>2026-01-01T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-01-01T00:00:00Z</);
    expect(Object.keys(zip.files).slice(0, 2)).toEqual(["[Content_Types].xml", "_rels/.rels"]);
    // ZIP entries carry the source date too.
    const date = zip.file("word/document.xml")!.date;
    expect(date.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

const office = hasTool("soffice") || hasTool("libreoffice");

describe.skipIf(!office)("renderDocx, opened by LibreOffice", () => {
  it("converts to text with the Chinese content in order", async () => {
    const text = docxTextWithLibreOffice(await renderDocx(parseMarkdown(sampleContractMarkdown())));
    // WORD JOINERs (U+2060) keep dates, numbers and amounts in capitals on one line: not text
    const flat = text.replace(/[\s\u2060\u200b]+/g, "");
    const order = ["北京市平谷区12345市民服务热线接诉即办服务合同", "项目名称", "一、服务内容", "项目经理", "二、服务标准", "（二）支付方式", "伍拾玖万叁仟柒佰叁拾元整", "甲方（盖章）", "（盖章处）"];
    const positions = order.map((s) => flat.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  }, 60_000);
});

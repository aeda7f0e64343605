import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makePdf, scannedPdf, textPdf } from "../../testing/files.test-support.js";
import { readSource } from "../read-source.js";
import { pdfSource } from "./pdf-source.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-pdf-"));
let count = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `t${++count}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

describe("reading a PDF", () => {
  it("reads the text layer of a PDF LibreOffice wrote: Chinese joined, page numbers kept, a table's rows as cells", async () => {
    const fixture = fileURLToPath(new URL("../__fixtures__/service-contract.pdf", import.meta.url));
    const source = await readSource(fixture, { name: "service-contract.pdf" });
    expect(source.format).toBe("pdf");
    expect(source.lines.every((l) => l.page === 1)).toBe(true);
    expect(source.lines.map((l) => l.text)).toEqual([
      "东城区示例街道办公楼物业服务合同",
      "合同编号：DC-WY-2025-017",
      "甲方：北京市东城区示例街道办事处",
      "乙方：北京示例物业管理有限公司",
      "服务内容",
      "1. 办公楼日常保洁，每日两次。",
      "2. 安保巡逻：",
      "a. 白天每两小时一次；",
      "b. 夜间每小时一次。",
      "3. 设备设施维护。",
      "合同价款",
      "本合同总价款为人民币360000.00元（大写：叁拾陆万元整），按季度支付。",
      "期次\t支付时间\t金额（元）",
      "第一期\t2025年4月10日前\t90000.00",
      "第二期\t2025年7月10日前\t90000.00",
      "服务期限自2025年4月1日起至2026年3月31日止。",
      "Service hours: 08:00-18:00, Monday to Friday.",
    ]);
    expect(source.lines[14]?.cells).toEqual(["第二期", "2025年7月10日前", "90000.00"]);
  });

  it("numbers lines across pages and keeps each line's page", async () => {
    const page = (n: number, ops: string) => [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n} 0 R >>`, `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`];
    const [p1, c1] = page(5, "BT /F1 12 Tf 72 700 Td (Page one) Tj ET");
    const [p2, c2] = page(7, "BT /F1 12 Tf 72 700 Td (Page two) Tj 0 -20 Td (Second line) Tj ET");
    const pdf = makePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", p1!, c1!, p2!, c2!]);
    const source = await readSource(file(pdf), { name: "a.pdf" });
    expect(source.lines).toEqual([
      { no: 1, text: "Page one", page: 1 },
      { no: 2, text: "Page two", page: 2 },
      { no: 3, text: "Second line", page: 2 },
    ]);
  });

  it("reads Chinese in a font that is not embedded, through a CMap pdfjs-dist ships (STSong-Light, UniGB-UCS2-H)", async () => {
    // 合同总价 as UCS-2 codes: a way older tools write Chinese PDFs.
    const ops = "BT /F1 14 Tf 72 700 Td <5408540C603B4EF7> Tj ET";
    const pdf = makePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>",
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>",
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    ]);
    const source = await readSource(file(pdf), { name: "a.pdf" });
    expect(source.lines).toEqual([{ no: 1, text: "合同总价", page: 1 }]);
  });

  it("leaves out running heads and page numbers, says so, and joins a paragraph cut by the page end", async () => {
    const words = "The vendor shall provide the hotline services described in this contract and";
    const pageOps = (n: number, body: string[]) =>
      [
        "BT /F1 9 Tf 72 760 Td (Hotline service contract) Tj ET",
        ...body.map((t, i) => `BT /F1 12 Tf 72 ${700 - i * 16} Td (${t}) Tj ET`),
        `BT /F1 9 Tf 280 40 Td (Page ${n} of 4) Tj ET`,
      ].join("\n");
    const bodies = [
      ["Article 1 Services", `${words} shall`, `${words} keep`],
      [`${words} go on.`, "Article 2 Fees"],
      ["Article 3 Term"],
      ["Article 4 Signing"],
    ];
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
    const kids: string[] = [];
    bodies.forEach((body, i) => {
      const ops = pageOps(i + 1, body);
      objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
      kids.push(`${objects.length} 0 R`);
      objects.push(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    });
    objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count 4 >>`;
    const source = await readSource(file(makePdf(objects)), { name: "a.pdf" });
    expect(source.lines.map((l) => [l.page, l.text])).toEqual([
      [1, "Article 1 Services"],
      [1, `${words} shall ${words} keep ${words} go on.`],
      [2, "Article 2 Fees"],
      [3, "Article 3 Term"],
      [4, "Article 4 Signing"],
    ]);
    expect(source.warnings).toEqual(["略去了每页重复的页眉、页脚或页码，共 8 行（如“Page 1 of 4”）"]);
  });

  it("reads a page printed turned (text running up the page) in reading order", async () => {
    // A landscape page stored upright: each line runs up the page, the next line to its right.
    const line = (x: number, text: string) => `BT /F1 12 Tf 0 1 -1 0 ${x} 72 Tm (${text}) Tj ET`;
    const ops = [line(100, "First line"), line(120, "Second line"), line(140, "Third line")].join("\n");
    const pdf = makePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    ]);
    const source = await readSource(file(pdf), { name: "a.pdf" });
    expect(source.lines.map((l) => l.text)).toEqual(["First line", "Second line", "Third line"]);
  });

  it("reads a PDF whose xref table points nowhere (pdfjs rebuilds it)", async () => {
    const source = await readSource(file(textPdf(["Total 1718000"], "wrong-offsets")), { name: "a.pdf" });
    expect(source.lines.map((l) => l.text)).toEqual(["Total 1718000"]);
  });

  it("says which pages have no text when others have", async () => {
    const text = "BT /F1 12 Tf 72 700 Td (Signed) Tj ET";
    const pdf = makePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]);
    const source = await readSource(file(pdf), { name: "a.pdf" });
    expect(source.lines.map((l) => l.text)).toEqual(["Signed"]);
    expect(source.warnings).toEqual(["第 2 页没有文字层（空白页或扫描页），其内容未读取"]);
  });

  it("refuses a scan (pages with images and no text) with IMPORT_NO_TEXT_LAYER: OCR is not supported", async () => {
    await expect(readSource(file(scannedPdf(3)), { name: "扫描件.pdf" })).rejects.toMatchObject({
      code: "IMPORT_NO_TEXT_LAYER",
      message: expect.stringMatching(/^扫描件\.pdf: PDF 共 3 页，都没有文字层（是扫描件或图片）。qiyue 不支持 OCR/),
    });
  });

  it("stops a PDF that takes longer than its time to read, with a clear message and the file named", async () => {
    const text = "BT /F1 12 Tf 72 700 Td (Signed) Tj ET";
    const page = (contents: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`;
    const pdf = makePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      page(5),
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    ]);
    // no time at all: the first step is already too late
    await expect(pdfSource(file(pdf), "慢.pdf", { seconds: 0 })).rejects.toMatchObject({
      code: "IMPORT_TOO_LARGE",
      message: expect.stringMatching(/^慢\.pdf: PDF 读取超过 0 秒仍未读完/),
    });
    // and the same file in ordinary time reads
    expect((await pdfSource(file(pdf), "慢.pdf")).lines.map((l) => l.text)).toEqual(["Signed"]);
  });
});

/**
 * Hostile and broken files: each is refused with its stable code and a message naming the
 * file, quickly and without reading more than the limits allow.
 */
import { mkdtempSync, openSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError, type ImportErrorCode } from "../errors.js";
import { makeDocx, makeZip, p, scannedPdf, textPdf } from "../testing/files.test-support.js";
import { readSource } from "./read-source.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-hostile-"));
function file(name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Reads `path`, expecting a refusal: returns the error and how long it took. */
async function refusal(path: string, name: string): Promise<{ error: ImportError; ms: number }> {
  const started = performance.now();
  const error = await readSource(path, { name }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return { error, ms };
}

async function expectRefused(path: string, name: string, code: ImportErrorCode, message: RegExp, withinMs: number): Promise<void> {
  const { error, ms } = await refusal(path, name);
  expect(error.code).toBe(code);
  expect(error.file).toBe(name);
  expect(error.message.startsWith(`${name}: `)).toBe(true);
  expect(error.message).toMatch(message);
  expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(withinMs);
}

const document = (n: number) => `<w:p><w:r><w:t>${"合同条款".repeat(n)}</w:t></w:r></w:p>`;

describe("hostile files", () => {
  it("an empty file: 文件为空", async () => {
    await expectRefused(file("empty.txt", ""), "empty.txt", "IMPORT_EMPTY", /文件为空/, 1000);
    await expectRefused(file("empty.docx", ""), "empty.docx", "IMPORT_EMPTY", /文件为空/, 1000);
    await expectRefused(file("empty.pdf", ""), "empty.pdf", "IMPORT_EMPTY", /文件为空/, 1000);
  });

  it("binary garbage named .txt", async () => {
    const bytes = Buffer.alloc(64 * 1024);
    let seed = 1;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    await expectRefused(file("garbage.txt", bytes), "garbage.txt", "IMPORT_BINARY", /不是文本文件/, 2000);
  });

  it("a 50 MB text file is refused from its size alone, at once", async () => {
    const path = join(dir, "huge.txt");
    const fd = openSync(path, "w");
    const chunk = Buffer.from("本合同总价款为1718000元。\n".repeat(40_000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    await expectRefused(path, "huge.txt", "IMPORT_TOO_LARGE", /文件有 5\d MB，超过文本文件的读取上限 8\.0 MB/, 500);
    expect(process.memoryUsage().rss - before).toBeLessThan(20 * 1024 * 1024);
  });

  it("a .txt that is a ZIP archive (a renamed .docx)", async () => {
    await expectRefused(file("renamed.txt", makeDocx(p("合同"))), "renamed.txt", "IMPORT_WRONG_TYPE", /扩展名是 \.txt，内容却是 ZIP 压缩包.*请把扩展名改为 \.docx/, 1000);
  });

  it("a DOCX bomb declaring a huge document.xml is refused before anything is inflated", async () => {
    // 72 MB of text in well under 1 MB: above the 64 MB bound whatever the ratio.
    const bomb = makeDocx(document(6_000_000));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(file("bomb.docx", bomb), "bomb.docx", "IMPORT_DOCX_BOMB", /其中的 word\/document\.xml 声明解压后超过 64 MB.*未解压/, 3000);
  });

  it("a DOCX bomb with a compression ratio no Word file has", async () => {
    const zeros = `<w:p><w:r><w:t>${"0".repeat(12 * 1024 * 1024)}</w:t></w:r></w:p>`;
    await expectRefused(file("ratio.docx", makeDocx(zeros)), "ratio.docx", "IMPORT_DOCX_BOMB", /压缩比约 \d+:1，超过 200:1/, 3000);
  });

  it("a DOCX bomb that understates its size is stopped at the size it declared", async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${document(2_000_000)}</w:body></w:document>`;
    const liar = makeZip([{ name: "word/document.xml", data: xml, declaredSize: 1000 }]);
    await expectRefused(file("liar.docx", liar), "liar.docx", "IMPORT_DOCX_BOMB", /解压后比 ZIP 目录声明的 1000 字节多/, 3000);
  });

  it("a truncated DOCX", async () => {
    const whole = makeDocx(document(1000));
    await expectRefused(file("cut.docx", whole.subarray(0, Math.floor(whole.length / 2))), "cut.docx", "IMPORT_DOCX_INVALID", /ZIP 目录/, 2000);
  });

  it("a PDF cut short, its xref and trailer gone, and its objects broken", async () => {
    const whole = textPdf(["Total 1718000"]);
    await expectRefused(file("cut.pdf", whole.subarray(0, 40)), "cut.pdf", "IMPORT_PDF_INVALID", /PDF 文件损坏或被截断|都无法读取/, 5000);
    await expectRefused(file("junk.pdf", Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nstartxref\n999999\n%%EOF")), "junk.pdf", "IMPORT_PDF_INVALID", /PDF/, 5000);
  });

  it("a scanned PDF: pages with an image and no text", async () => {
    await expectRefused(file("scan.pdf", scannedPdf(2)), "scan.pdf", "IMPORT_NO_TEXT_LAYER", /都没有文字层（是扫描件或图片）。qiyue 不支持 OCR/, 5000);
  });
});

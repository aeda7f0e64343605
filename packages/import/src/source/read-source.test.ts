import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { REPO, SEEDS } from "../testing/seeds.test-support.js";
import { readSource } from "./read-source.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-read-"));
function file(name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("readSource: text files", () => {
  it("reads each seed contract as the lines of the file, trimmed, numbered as an editor numbers them", async () => {
    for (const seed of SEEDS) {
      const path = join(REPO, "examples", "import", `${seed}.txt`);
      const raw = readFileSync(path, "utf8").split("\n");
      if (raw.at(-1) === "") raw.pop();
      const source = await readSource(path, { name: `${seed}.txt` });
      expect(source.file).toBe(`${seed}.txt`);
      expect(source.format).toBe("txt");
      expect(source.lines.map((l) => l.no)).toEqual(raw.map((_, i) => i + 1));
      expect(source.lines.map((l) => l.text)).toEqual(raw.map((l) => l.trim()));
    }
  });

  it("gives the rows of a table pasted as text their cells", async () => {
    const path = join(REPO, "examples", "import", "haidian-2024.txt");
    const source = await readSource(path);
    const row = source.lines.find((l) => l.text.startsWith("甲 方\t名称"));
    expect(row?.cells?.slice(0, 3)).toEqual(["甲 方", "名称(或姓名)", "北京市海淀区城市管理指挥中心 (签章)"]);
  });

  it("reads the same text in GBK, UTF-16 and UTF-8 with BOM, with CRLF line ends, alike", async () => {
    const text = "合同书\r\n\r\n甲方：北京市某区城市管理指挥中心\r\n合同总价款为1718000元\r\n";
    const expected = ["合同书", "", "甲方：北京市某区城市管理指挥中心", "合同总价款为1718000元"];
    for (const [name, bytes] of [
      ["gbk.txt", iconv.encode(text, "gbk")],
      ["utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
      ["bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ] as const) {
      const source = await readSource(file(name, bytes));
      expect(source.lines.map((l) => l.text), name).toEqual(expected);
    }
  });

  it("reads Markdown without its marks, line for line", async () => {
    const md = "# 物业服务合同\n\n## **第一条** 服务内容\n- (1) 保洁\n\n| 期次 | 金额 |\n|---|---|\n| 第一期 | 90000.00 |\n";
    const source = await readSource(file("合同.md", md));
    expect(source.format).toBe("md");
    expect(source.lines).toEqual([
      { no: 1, text: "物业服务合同" },
      { no: 2, text: "" },
      { no: 3, text: "第一条 服务内容" },
      { no: 4, text: "(1) 保洁" },
      { no: 5, text: "" },
      { no: 6, text: "期次\t金额", cells: ["期次", "金额"] },
      { no: 7, text: "" },
      { no: 8, text: "第一期\t90000.00", cells: ["第一期", "90000.00"] },
    ]);
  });
});

describe("readSource: what it refuses", () => {
  it("refuses a file that does not exist, a folder, and an extension it cannot read, saying what to do", async () => {
    await expect(readSource(join(dir, "无此文件.txt"), { name: "无此文件.txt" })).rejects.toMatchObject({ code: "IMPORT_UNREADABLE", message: "无此文件.txt: 文件不存在" });
    mkdirSync(join(dir, "folder.txt"));
    await expect(readSource(join(dir, "folder.txt"), { name: "folder.txt" })).rejects.toMatchObject({ code: "IMPORT_UNREADABLE" });
    await expect(readSource(file("合同.doc", "x"), { name: "合同.doc" })).rejects.toMatchObject({
      code: "IMPORT_UNSUPPORTED_FORMAT",
      message: expect.stringContaining("旧版 Word（.doc）不能直接读取，请在 Word 或 WPS 中“另存为” .docx"),
    });
    await expect(readSource(file("合同", "%PDF-1.4\n"), { name: "合同" })).rejects.toMatchObject({
      code: "IMPORT_UNSUPPORTED_FORMAT",
      message: expect.stringContaining("没有扩展名：内容看来是 PDF 文件"),
    });
  });

  it("refuses a file whose content is not what its extension says", async () => {
    await expect(readSource(file("a.md", "%PDF-1.7\n1 0 obj"), { name: "a.md" })).rejects.toMatchObject({
      code: "IMPORT_WRONG_TYPE",
      message: "a.md: 扩展名是 .md，内容却是 PDF 文件；请把扩展名改为 .pdf 后再导入",
    });
    await expect(readSource(file("a.pdf", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), { name: "a.pdf" })).rejects.toMatchObject({ code: "IMPORT_WRONG_TYPE" });
    await expect(readSource(file("b.docx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), { name: "b.docx" })).rejects.toMatchObject({
      code: "IMPORT_WRONG_TYPE",
      message: expect.stringContaining("旧版 Office 文件"),
    });
    await expect(readSource(file("c.docx", "这是一段文字"), { name: "c.docx" })).rejects.toMatchObject({ code: "IMPORT_DOCX_INVALID" });
    await expect(readSource(file("d.pdf", "这是一段文字"), { name: "d.pdf" })).rejects.toMatchObject({ code: "IMPORT_PDF_INVALID" });
  });

  it("refuses a file of blank lines as empty", async () => {
    await expect(readSource(file("blank.txt", "\n  \n\t\n"), { name: "blank.txt" })).rejects.toMatchObject({ code: "IMPORT_EMPTY", message: "blank.txt: 文件为空：没有读出任何文字" });
  });
});

describe("readSource: sniffing", () => {
  it("takes a text that mentions %PDF- below its first line for a text", async () => {
    const source = await readSource(file("notes.txt", "合同附件说明\n扫描件为 %PDF-1.7 格式\n"), { name: "notes.txt" });
    expect(source.lines.map((l) => l.text)).toEqual(["合同附件说明", "扫描件为 %PDF-1.7 格式"]);
  });
});

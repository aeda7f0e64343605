import { describe, expect, it } from "vitest";
import { compareSnapshots } from "./compare.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);
const hashes = (pdf: string, docx = HASH_A) => `${docx}  document.docx\n${pdf}  document.pdf\n`;

describe("compareSnapshots", () => {
  const expected = new Map([
    ["document.md", bytes("# 标题\n")],
    ["pdf/page-001.txt", bytes("第一页\n")],
    ["pdf/page-002.txt", bytes("第二页\n")],
    ["hashes.txt", bytes(hashes(HASH_A))],
  ]);

  it("finds nothing when every file is the same", () => {
    const actual = new Map<string, string | Uint8Array>([...expected].map(([k, v]) => [k, new TextDecoder().decode(v)]));
    expect(compareSnapshots(expected, actual, { images: false })).toEqual([]);
  });

  it("reports changed, added and removed files with both texts", () => {
    const actual = new Map<string, string>([
      ["document.md", "# 新标题\n"],
      ["pdf/page-001.txt", "第一页\n"],
      ["pdf/page-003.txt", "第三页\n"],
      ["hashes.txt", hashes(HASH_A)],
    ]);
    const differences = compareSnapshots(expected, actual, { images: false });
    expect(differences.map((d) => `${d.change} ${d.file}`)).toEqual(["changed document.md", "removed pdf/page-002.txt", "added pdf/page-003.txt"]);
    expect(differences[0]).toMatchObject({ expected: "# 标题\n", actual: "# 新标题\n" });
  });

  it("says in words when the bytes changed but the text did not", () => {
    const actual = new Map<string, string>([
      ["document.md", "# 标题\n"],
      ["pdf/page-001.txt", "第一页\n"],
      ["pdf/page-002.txt", "第二页\n"],
      ["hashes.txt", hashes(HASH_B)],
    ]);
    const [only, ...rest] = compareSnapshots(expected, actual, { images: false });
    expect(rest).toEqual([]);
    expect(only!.file).toBe("hashes.txt");
    expect(only!.note).toContain("PDF 的字节变了，但每页提取的文字");
  });

  it("leaves page images out unless asked, and asks for them when they were never stored", () => {
    const withImages = new Map([...expected, ["images/page-001.png", bytes("not compared")]]);
    const actual = new Map<string, string | Uint8Array>([...expected].map(([k, v]) => [k, new TextDecoder().decode(v)]));
    expect(compareSnapshots(withImages, actual, { images: false })).toEqual([]);
    actual.set("images/page-001.png", bytes("png"));
    const [missing] = compareSnapshots(expected, actual, { images: true });
    expect(missing).toMatchObject({ file: "images/", change: "added" });
    expect(missing!.note).toContain("--images");
  });
});

import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportError } from "../errors.js";
import { decodeText, detectTextEncoding } from "./text-decoding.js";

const TEXT = "甲方：北京市平谷区城市管理指挥中心\n合同总价款为1718000元（壹佰柒拾壹万捌仟元整）\n";

function utf16(text: string, endian: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(text, "utf16le");
  const bytes = endian === "le" ? le : Buffer.from(le).swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, the BOM not kept", () => {
    expect(decodeText(Buffer.from(TEXT), "a.txt")).toEqual({ text: TEXT, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "a.txt")).toEqual({ text: TEXT, encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE with a BOM, and LE without one", () => {
    expect(decodeText(utf16(TEXT, "le", true), "a.txt")).toEqual({ text: TEXT, encoding: "utf-16le" });
    expect(decodeText(utf16(TEXT, "be", true), "a.txt")).toEqual({ text: TEXT, encoding: "utf-16be" });
    expect(detectTextEncoding(utf16(`Contract 合同 ${"x".repeat(40)}`, "le", false))).toBe("utf-16le");
  });

  it("reads GBK and GB18030 (what Chinese Windows saves)", () => {
    expect(decodeText(iconv.encode(TEXT, "gbk"), "a.txt")).toEqual({ text: TEXT, encoding: "gb18030" });
    const rare = "𠀀 丟 合同";
    expect(decodeText(iconv.encode(rare, "gb18030"), "a.txt").text).toBe(rare);
  });

  it("keeps UTF-8 with one damaged byte as UTF-8 (a cut last character), not as GBK", () => {
    const cut = Buffer.from(TEXT + "合").subarray(0, Buffer.byteLength(TEXT) + 2);
    const { text, encoding } = decodeText(cut, "a.txt");
    expect(encoding).toBe("utf-8");
    expect(text.startsWith(TEXT)).toBe(true);
  });

  it("refuses binary data with IMPORT_BINARY and the file name", () => {
    const bytes = Buffer.alloc(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    const error = (() => {
      try {
        decodeText(bytes, "随机.txt");
      } catch (e) {
        return e;
      }
    })() as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.code).toBe("IMPORT_BINARY");
    expect(error.message).toMatch(/^随机\.txt: 不是文本文件/);
  });
});

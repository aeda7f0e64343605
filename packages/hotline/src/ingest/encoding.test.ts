import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./encoding.js";

describe("detectEncoding", () => {
  const text = "工单编号,受理时间\r\n2026030100001,2026-03-01 08:00\r\n";

  it("sees a UTF-8 BOM", () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe("utf8-bom");
  });

  it("takes strictly valid UTF-8 as UTF-8, even cut inside a character", () => {
    const bytes = Buffer.from(text);
    expect(detectEncoding(bytes)).toBe("utf8");
    expect(detectEncoding(bytes.subarray(0, 4))).toBe("utf8");
  });

  it("falls back to GBK", () => {
    expect(detectEncoding(iconv.encode(text, "gbk"))).toBe("gbk");
  });
});

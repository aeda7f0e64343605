import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeLength, wholeUtf8Chunks } from "./utf8-chunks.js";

async function* pieces(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

describe("wholeUtf8Chunks", () => {
  it("finds the end of the last whole character", () => {
    const zhong = Buffer.from("中"); // 3 bytes
    expect(completeLength(Buffer.concat([Buffer.from("a"), zhong.subarray(0, 2)]))).toBe(1);
    expect(completeLength(Buffer.concat([Buffer.from("a"), zhong]))).toBe(4);
    expect(completeLength(Buffer.from("😀").subarray(0, 3))).toBe(0);
  });

  it("never cuts a character, however the bytes arrive", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), async (text, raw) => {
        const bytes = Buffer.from(text);
        const cuts = [...new Set(raw.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const decoded: string[] = [];
        for await (const chunk of wholeUtf8Chunks(pieces(bytes, cuts))) {
          decoded.push(new TextDecoder("utf-8", { fatal: true }).decode(chunk as Buffer));
        }
        expect(decoded.join("")).toBe(text);
      }),
    );
  });
});

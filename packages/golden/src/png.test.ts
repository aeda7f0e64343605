import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CHANGED_PIXEL_THRESHOLD, compareImages, PIXEL_TOLERANCE } from "./images.js";
import { decodePng, type GreyImage } from "./png.js";

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of grey (colour type 0) or RGB (2) pixels, each row written with the given filter. */
function png(width: number, rows: number[][], colour: 0 | 2, filter: (row: number) => number): Uint8Array {
  const channels = colour === 0 ? 1 : 3;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(rows.length, 4);
  header[8] = 8;
  header[9] = colour;
  const raw: number[] = [];
  rows.forEach((row, y) => {
    const f = filter(y);
    raw.push(f);
    const previous = rows[y - 1];
    row.forEach((v, x) => {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = previous?.[x] ?? 0;
      const c = x >= channels && previous ? previous[x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw.push((v - predicted) & 0xff);
    });
  });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from(raw))), chunk("IEND", Buffer.alloc(0))]);
}

describe("decodePng", () => {
  it("decodes grey pixels written with every row filter", () => {
    const rows = [
      [0, 10, 200, 255],
      [5, 15, 100, 30],
      [7, 250, 3, 90],
      [60, 61, 62, 63],
      [255, 0, 255, 0],
    ];
    const image = decodePng(png(4, rows, 0, (y) => y));
    expect(image.width).toBe(4);
    expect(image.height).toBe(5);
    expect([...image.pixels]).toEqual(rows.flat());
  });

  it("turns RGB into grey levels", () => {
    const image = decodePng(png(2, [[255, 255, 255, 0, 0, 0]], 2, () => 1));
    expect([...image.pixels]).toEqual([255, 0]);
  });

  it("refuses what is not a PNG", () => {
    expect(() => decodePng(new TextEncoder().encode("GIF89a"))).toThrow(/PNG/);
  });
});

describe("compareImages", () => {
  const page = (fill: (i: number) => number): GreyImage => ({ width: 100, height: 100, pixels: Uint8Array.from({ length: 10_000 }, (_, i) => fill(i)) });
  const white = page(() => 255);

  it("ignores grey-level noise within the tolerance", () => {
    expect(compareImages(white, page(() => 255 - PIXEL_TOLERANCE)).same).toBe(true);
  });

  it("accepts up to the changed-pixel threshold and fails past it", () => {
    const limit = Math.floor(10_000 * CHANGED_PIXEL_THRESHOLD);
    expect(compareImages(white, page((i) => (i < limit ? 0 : 255))).same).toBe(true);
    const over = compareImages(white, page((i) => (i <= limit ? 0 : 255)));
    expect(over.same).toBe(false);
    expect(over.summary).toContain("0.51%");
  });

  it("fails when the page size changed", () => {
    const result = compareImages(white, { width: 100, height: 99, pixels: new Uint8Array(9900) });
    expect(result.same).toBe(false);
    expect(result.summary).toContain("100×100 → 100×99");
  });
});

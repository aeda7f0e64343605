import { inflateSync } from "node:zlib";

/** A picture as one grey level (0–255) per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per pixel of each PNG colour type with 8 bits a sample (palettes are not used by pdftoppm). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes the PNGs pdftoppm writes (8 bits a sample, grey or RGB, with or without alpha, not
 * interlaced) into grey levels; anything else is refused with a message.
 */
export function decodePng(bytes: Uint8Array): GreyImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error("不是 PNG 文件");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset + 8 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const chunk = buf.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const depth = chunk[8]!;
      const colour = chunk[9]!;
      channels = CHANNELS[colour] ?? 0;
      if (depth !== 8 || channels === 0 || chunk[12] !== 0) {
        throw new Error(`不支持的 PNG 格式（位深 ${depth}，颜色类型 ${colour}，交错 ${chunk[12]}）`);
      }
    } else if (type === "IDAT") data.push(chunk);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (width === 0 || height === 0) throw new Error("PNG 缺少图像头（IHDR）");
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[out + x - channels]! : 0;
      const b = y > 0 ? rows[out - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[out - stride + x - channels]! : 0;
      const v = line[x]!;
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1;
      if (predicted < 0) throw new Error(`PNG 中有未知的行过滤方式 ${filter}`);
      rows[out + x] = (v + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    // grey or luminance (ITU-R BT.601); alpha is ignored: pdftoppm pages are opaque
    pixels[i] = channels <= 2 ? rows[p]! : Math.round(0.299 * rows[p]! + 0.587 * rows[p + 1]! + 0.114 * rows[p + 2]!);
  }
  return { width, height, pixels };
}

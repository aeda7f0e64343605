import * as zlib from "node:zlib";

const { deflateRawSync, inflateRawSync } = zlib;

/**
 * A minimal ZIP reader and writer for DOCX packages. The writer is deterministic:
 * entries in the order given, one fixed timestamp, DEFLATE at a fixed level, no
 * extra fields, so the same parts always give the same bytes.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's own CRC-32 where this Node has it (20.15 and later), else the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(data) >>> 0;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads every entry of a ZIP file (stored or deflated) by name, in the order of the central directory. */
export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a ZIP file");
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad ZIP central directory");
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.toString("utf8", offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith("/")) files.set(name, method === 8 ? inflateRawSync(data) : method === 0 ? Uint8Array.from(data) : fail(name));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function fail(name: string): never {
  throw new Error(`unsupported ZIP compression in ${name}`);
}

/** MS-DOS date and time of a UTC instant; ZIP cannot hold dates before 1980. */
function dosDateTime(date: Date): { date: number; time: number } {
  const d = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/**
 * Parts compressed before, by name, CRC and size: most parts of a theme's documents (styles,
 * settings, fonts table, relationships) are the same from one document to the next, and are
 * deflated once. A hit is checked byte for byte, so the cache can never change the output.
 */
const deflated = new Map<string, { data: Uint8Array; compressed: Buffer }>();
const DEFLATED_MAX_ENTRIES = 64;
const DEFLATED_MAX_PART = 256 * 1024;

function deflatePart(name: string, data: Uint8Array, crc: number): Buffer {
  if (data.length > DEFLATED_MAX_PART) return deflateRawSync(data, { level: 6 });
  const key = `${name}\0${crc}\0${data.length}`;
  const hit = deflated.get(key);
  if (hit !== undefined && Buffer.compare(hit.data, data) === 0) return hit.compressed;
  const compressed = deflateRawSync(data, { level: 6 });
  if (deflated.size >= DEFLATED_MAX_ENTRIES) deflated.delete(deflated.keys().next().value as string);
  deflated.set(key, { data: Uint8Array.from(data), compressed });
  return compressed;
}

/** Parts stored without DEFLATE: formats that are compressed already. */
const STORED = /\.(png|jpe?g|gif)$/i;

export function writeZip(entries: readonly [string, Uint8Array][], date: Date): Uint8Array {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    // images are compressed already: stored as they are, as Word stores them
    const stored = STORED.test(name);
    const compressed = stored ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : deflatePart(name, data, crc);
    const method = stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

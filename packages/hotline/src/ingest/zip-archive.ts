import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";

/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As declared; the reader counts what inflating really gives. */
  readonly size: number;
  readonly localOffset: number;
}

/** Why an archive cannot be read; `message` is a Chinese phrase to put after the file name. */
export class ZipError extends Error {
  override readonly name = "ZipError";
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The central directory of an export lists a handful of parts; a larger one is not a spreadsheet. */
const MAX_CENTRAL_BYTES = 16 << 20;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Reads the central directory of a ZIP archive (ZIP64 included). */
export async function readZipEntries(file: string): Promise<{ entries: Map<string, ZipEntry>; fileSize: number }> {
  const handle = await open(file, "r");
  try {
    const fileSize = (await handle.stat()).size;
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = await readAt(handle, fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipError("不是 Excel（XLSX）文件：找不到 ZIP 目录");
    let count = tail.readUInt16LE(at + 10);
    let centralSize = tail.readUInt32LE(at + 12);
    let centralOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
      const locatorAt = fileSize - tailLength + at - 20;
      const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, 20) : Buffer.alloc(0);
      if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError("ZIP64 目录损坏");
      const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError("ZIP64 目录损坏");
      count = Number(record.readBigUInt64LE(32));
      centralSize = Number(record.readBigUInt64LE(40));
      centralOffset = Number(record.readBigUInt64LE(48));
    }
    if (centralSize > MAX_CENTRAL_BYTES || centralOffset + centralSize > fileSize) throw new ZipError("ZIP 目录损坏或过大");
    const central = await readAt(handle, centralOffset, centralSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL) throw new ZipError("ZIP 目录损坏");
      const flags = central.readUInt16LE(p + 8);
      const method = central.readUInt16LE(p + 10);
      let compressedSize = central.readUInt32LE(p + 20);
      let size = central.readUInt32LE(p + 24);
      const nameLength = central.readUInt16LE(p + 28);
      const extraLength = central.readUInt16LE(p + 30);
      const commentLength = central.readUInt16LE(p + 32);
      let localOffset = central.readUInt32LE(p + 42);
      const name = central.toString("utf8", p + 46, p + 46 + nameLength);
      // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = central.readUInt16LE(e);
        const length = central.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const end = e + 4 + length;
          if (size === 0xffffffff && q + 8 <= end) {
            size = Number(central.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= end) {
            compressedSize = Number(central.readBigUInt64LE(q));
            q += 8;
          }
          if (localOffset === 0xffffffff && q + 8 <= end) localOffset = Number(central.readBigUInt64LE(q));
        }
        e += 4 + length;
      }
      entries.set(name, { name, method, flags, compressedSize, size, localOffset });
      p = extraEnd + commentLength;
    }
    return { entries, fileSize };
  } finally {
    await handle.close();
  }
}

export interface EntryLimits {
  /** Most bytes the member may inflate to. */
  readonly maxBytes: number;
  /** Most bytes out per byte in, checked once the output passes `ratioFrom` bytes. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
}

/**
 * The inflated bytes of one member, streamed, never more than the limits allow: the declared
 * sizes are checked first, and the bytes really produced are counted as they come (a member
 * may lie about its size). `onCompressed` reports the archive bytes consumed.
 */
export async function* entryBytes(
  file: string,
  entry: ZipEntry,
  limits: EntryLimits,
  onCompressed?: (bytes: number) => void,
): AsyncGenerator<Buffer, void, undefined> {
  const tooLarge = (size: number, ratio: number): ZipError =>
    new ZipError(
      `其中的 ${entry.name} 解压后${size > limits.maxBytes ? `超过 ${mib(limits.maxBytes)}` : `达 ${mib(size)}，压缩比约 ${Math.round(ratio)}:1，超过 ${limits.maxRatio}:1`}，不像正常的导出文件（可能是“压缩炸弹”），已停止读取`,
      true,
    );
  const declaredRatio = entry.size / Math.max(entry.compressedSize, 1);
  if (entry.size > limits.maxBytes || (entry.size > limits.ratioFrom && declaredRatio > limits.maxRatio)) {
    throw tooLarge(entry.size, declaredRatio);
  }
  if ((entry.flags & 1) !== 0) throw new ZipError(`其中的 ${entry.name} 已加密，请在 Excel 中取消密码后另存`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`其中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
  const handle = await open(file, "r");
  let header: Buffer;
  try {
    header = await readAt(handle, entry.localOffset, 30);
  } finally {
    await handle.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipError(`其中的 ${entry.name} 损坏`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const input = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  let consumed = 0;
  let produced = 0;
  const check = (): void => {
    if (produced > limits.maxBytes || (produced > limits.ratioFrom && produced > consumed * limits.maxRatio)) {
      throw tooLarge(produced, produced / Math.max(consumed, 1));
    }
  };
  if (entry.method === 0) {
    try {
      for await (const chunk of input) {
        const bytes = chunk as Buffer;
        consumed += bytes.length;
        produced += bytes.length;
        onCompressed?.(bytes.length);
        check();
        yield bytes;
      }
    } finally {
      input.destroy();
    }
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  input.on("data", (chunk: Buffer | string) => {
    consumed += chunk.length;
    onCompressed?.(chunk.length);
  });
  input.on("error", (error) => inflate.destroy(error));
  input.pipe(inflate);
  try {
    for await (const chunk of inflate) {
      const bytes = chunk as Buffer;
      produced += bytes.length;
      check();
      yield bytes;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`其中的 ${entry.name} 无法解压（${error instanceof Error ? error.message : String(error)}）`);
  } finally {
    input.unpipe(inflate);
    input.destroy();
    inflate.destroy();
  }
}

function mib(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GiB` : `${Math.round(bytes / (1 << 20))} MiB`;
}

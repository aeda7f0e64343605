import { open } from "node:fs/promises";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS time and date words of a UTC instant (2-second resolution). */
export function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * `setZipEntryTimes` on an archive in memory (changed in place): every entry's time in its local
 * header and in the central directory. Returns the number of entries.
 */
export function setZipEntryTimesInBytes(bytes: Uint8Array, when: Date): number {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { time, date } = dosDateTime(when);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const entries = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || entries === 0xffff) throw new Error("zip64 archives are not supported");
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error("bad central directory");
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error("bad local header");
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Sets the modification time of every entry of a zip file, in its local headers and
 * its central directory, so that an archive written at different moments has the same
 * bytes. Archives without zip64 records only (under 4 GB and 65,535 entries).
 */
export async function setZipEntryTimes(file: string, when: Date): Promise<number> {
  const { time, date } = dosDateTime(when);
  const handle = await open(file, "r+");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${file}: not a zip archive`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || entries === 0xffff) throw new Error(`${file}: zip64 archives are not supported`);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(time, 0);
    stamp.writeUInt16LE(date, 2);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(at) !== CENTRAL) throw new Error(`${file}: bad central directory`);
      stamp.copy(cd, at + 12);
      const localOffset = cd.readUInt32LE(at + 42);
      const local = Buffer.alloc(4);
      await handle.read(local, 0, 4, localOffset);
      if (local.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: bad local header`);
      await handle.write(stamp, 0, 4, localOffset + 10);
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    await handle.write(cd, 0, cdSize, cdOffset);
    return entries;
  } finally {
    await handle.close();
  }
}

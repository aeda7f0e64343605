/**
 * Re-cuts a stream of UTF-8 bytes so that no chunk ends inside a character: the
 * incomplete tail of a chunk is carried over to the next one.
 */
export async function* wholeUtf8Chunks(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Buffer | string, void, undefined> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    const bytes: Buffer = carry === null ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
    const cut = completeLength(bytes);
    carry = cut < bytes.length ? bytes.subarray(cut) : null;
    if (cut > 0) yield bytes.subarray(0, cut);
  }
  if (carry !== null) yield carry;
}

/** Length of the longest prefix that does not end inside a UTF-8 sequence. */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // Look back at most 3 bytes for the lead byte of the last sequence.
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

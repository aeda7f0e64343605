import iconv from "iconv-lite";
import { ImportError } from "../errors.js";

/** The encodings a contract's text file may be in. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Share of characters that may be control characters (other than tab, line breaks and form
 * feed) or undecodable bytes before a file is taken for binary data. A text with one stray
 * control character still reads; random bytes have about one in ten.
 */
const MAX_NOISE = 0.005;

/**
 * The text of a file's bytes: a BOM (UTF-8, UTF-16 LE or BE) decides; else UTF-16 without BOM
 * when every other byte of the start is zero; else UTF-8 (allowing a damaged byte or two); else GB18030 (a superset of
 * GBK and GB2312, the encoding of Chinese Windows). Bytes that decode to mostly noise are binary
 * data, not text, and are refused.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const encoding = detectTextEncoding(bytes);
  let text: string;
  if (encoding === "utf-8") text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  else if (encoding === "gb18030") text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  else text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  const noise = noiseCount(text);
  if (noise > Math.max(2, text.length * MAX_NOISE)) {
    throw new ImportError(
      "IMPORT_BINARY",
      file,
      `不是文本文件：按 ${ENCODING_NAMES[encoding]} 解码后有 ${noise} 个控制字符或无法识别的字节。请给出合同的文字（.txt/.md，UTF-8 或 GBK 编码）、Word（.docx）或有文字层的 PDF`,
    );
  }
  return { text, encoding };
}

const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  gb18030: "GB18030（GBK）",
};

/** Which encoding `decodeText` takes the bytes to be in (see there). */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  const sixteen = utf16WithoutBom(bytes);
  if (sixteen !== undefined) return sixteen;
  // Valid UTF-8 is UTF-8. So is UTF-8 with a damaged byte or two (a cut last character): GBK
  // read as UTF-8 gives a replacement character for nearly every Chinese character.
  const asUtf8 = new TextDecoder("utf-8").decode(bytes);
  let damaged = 0;
  for (let i = asUtf8.indexOf("\ufffd"); i >= 0; i = asUtf8.indexOf("\ufffd", i + 1)) damaged++;
  return damaged <= Math.max(2, asUtf8.length / 1000) ? "utf-8" : "gb18030";
}

/** UTF-16 without a BOM: in the first 4 KiB, most odd (LE) or even (BE) bytes are zero and the others are not. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Control characters other than tab, LF, CR and form feed, and U+FFFD (an undecodable byte). */
function noiseCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f || code === 0xfffd) count++;
  }
  return count;
}

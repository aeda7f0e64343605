/** What a file's first bytes say it is, whatever its name says. */
export type Sniffed = "zip" | "pdf" | "ole" | "rtf" | "image" | "other";

/** The kind of file the first bytes (at least 1 KiB when the file has them) belong to. */
export function sniff(head: Uint8Array): Sniffed {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) return "zip";
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole";
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return "rtf";
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38) || starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) {
    return "image";
  }
  // A PDF reader accepts the %PDF- header anywhere in the first kilobyte; a text that mentions
  // it further down is still a text, so it must come before the first line break.
  const first = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024));
  const at = first.indexOf("%PDF-", 0, "latin1");
  if (at >= 0 && !first.subarray(0, at).includes(0x0a)) return "pdf";
  return "other";
}

/** What to call the sniffed kind in a message. */
export const SNIFFED_NAMES: Readonly<Record<Exclude<Sniffed, "other">, string>> = {
  zip: "ZIP 压缩包（Word .docx 文件就是 ZIP 压缩包）",
  pdf: "PDF 文件",
  ole: "旧版 Office 文件（如 Word .doc、WPS .wps，或设置了打开密码的 .docx）",
  rtf: "RTF 文件",
  image: "图片",
};

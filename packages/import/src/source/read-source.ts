import { type FileHandle, open, readFile } from "node:fs/promises";
import { extname } from "node:path";
import { ImportError } from "../errors.js";
import { docxSource } from "./docx/docx-source.js";
import { LIMITS, mib } from "./limits.js";
import { pdfSource } from "./pdf/pdf-source.js";
import { SNIFFED_NAMES, type Sniffed, sniff } from "./sniff.js";
import { textSource } from "./text-file.js";
import type { SourceFormat, SourceText } from "./types.js";

export interface ReadSourceOptions {
  /** The file's name in messages and in `SourceText.file` (as the user typed it); the path by default. */
  name?: string;
}

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".docx": "docx",
  ".pdf": "pdf",
};

/** Extensions people try, with what to do instead. */
const HINTS: Readonly<Record<string, string>> = {
  ".doc": "旧版 Word（.doc）不能直接读取，请在 Word 或 WPS 中“另存为” .docx",
  ".wps": "WPS 文字（.wps）不能直接读取，请在 WPS 中“另存为” .docx",
  ".rtf": "RTF 不能直接读取，请在 Word 或 WPS 中“另存为” .docx",
  ".odt": "OpenDocument（.odt）不能直接读取，请“另存为” .docx",
  ".docm": "含宏的 Word 文件（.docm）不能直接读取，请“另存为” .docx",
  ".wpt": "模板文件不能直接读取，请“另存为” .docx",
  ".ofd": "OFD 版式文件不能直接读取，请导出为 PDF 或 .docx",
  ".jpg": "图片需要 OCR 才能读出文字，qiyue 不支持 OCR；请给出合同的 Word 或有文字层的 PDF",
  ".jpeg": "图片需要 OCR 才能读出文字，qiyue 不支持 OCR；请给出合同的 Word 或有文字层的 PDF",
  ".png": "图片需要 OCR 才能读出文字，qiyue 不支持 OCR；请给出合同的 Word 或有文字层的 PDF",
};

const ALLOWED = "可读取：.txt、.md（UTF-8、UTF-16 或 GBK 编码）、.docx、有文字层的 .pdf";

/**
 * Reads a contract's file as numbered lines. The extension says how (.txt, .md, .docx, .pdf),
 * and the first bytes must agree with it: a .txt that is really a ZIP archive or a PDF is
 * refused with a message saying what it is. Every refusal is an ImportError with a stable code.
 */
export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<SourceText> {
  const name = options.name ?? path;
  const ext = extname(path).toLowerCase();
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    throw unreadable(name, e);
  }
  let size: number;
  let head: Uint8Array;
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ImportError("IMPORT_UNREADABLE", name, "这是一个目录，请给出合同文件");
    size = stat.size;
    const buffer = Buffer.alloc(Math.min(size, 1024));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw unreadable(name, e);
  } finally {
    await handle.close();
  }
  const format = FORMATS[ext];
  const kind = sniff(head);
  if (format === undefined) {
    const hint = HINTS[ext] ?? (kind !== "other" ? `内容看来是${spaced(SNIFFED_NAMES[kind])}` : undefined);
    const what = ext === "" ? "没有扩展名" : `扩展名 ${ext} 不受支持`;
    throw new ImportError("IMPORT_UNSUPPORTED_FORMAT", name, `${what}${hint === undefined ? "" : `：${hint}`}。${ALLOWED}`);
  }
  if (size === 0) throw new ImportError("IMPORT_EMPTY", name, "文件为空（0 字节）");
  checkKind(name, format, ext, kind);
  switch (format) {
    case "txt":
    case "md": {
      if (size > LIMITS.textBytes) {
        throw new ImportError(
          "IMPORT_TOO_LARGE",
          name,
          `文件有 ${mib(size)}，超过文本文件的读取上限 ${mib(LIMITS.textBytes)}（一份合同的文字通常不到 1 MB），请确认给出的是合同文本`,
        );
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (e) {
        throw unreadable(name, e);
      }
      return nonEmpty(textSource(bytes, name, format));
    }
    case "docx":
      if (size > LIMITS.docxBytes) {
        throw new ImportError("IMPORT_TOO_LARGE", name, `文件有 ${mib(size)}，超过 Word 文件的读取上限 ${mib(LIMITS.docxBytes)}`);
      }
      return nonEmpty(await docxSource(path, name));
    case "pdf":
      if (size > LIMITS.pdfBytes) {
        throw new ImportError("IMPORT_TOO_LARGE", name, `文件有 ${mib(size)}，超过 PDF 文件的读取上限 ${mib(LIMITS.pdfBytes)}`);
      }
      return nonEmpty(await pdfSource(path, name));
  }
}

/** The content must be what the extension says. */
function checkKind(name: string, format: SourceFormat, ext: string, kind: Sniffed): void {
  if (kind === "other") {
    if (format === "docx") throw new ImportError("IMPORT_DOCX_INVALID", name, "不是 Word（.docx）文件：文件开头不是 ZIP 压缩包的标记");
    if (format === "pdf") throw new ImportError("IMPORT_PDF_INVALID", name, "不是 PDF 文件：文件开头没有 %PDF 标记");
    return;
  }
  if ((format === "docx" && kind === "zip") || (format === "pdf" && kind === "pdf")) return;
  const advice =
    kind === "zip" ? "如是 Word 文件，请把扩展名改为 .docx 后再导入"
    : kind === "pdf" ? "请把扩展名改为 .pdf 后再导入"
    : kind === "ole" ? "请在 Word 或 WPS 中取消打开密码（如有），再“另存为” .docx"
    : kind === "rtf" ? "请在 Word 或 WPS 中“另存为” .docx"
    : "图片需要 OCR 才能读出文字，qiyue 不支持 OCR";
  throw new ImportError("IMPORT_WRONG_TYPE", name, `扩展名是 ${ext}，内容却是${spaced(SNIFFED_NAMES[kind])}；${advice}`);
}

/** A space before a name that starts with a Latin letter, as Chinese text sets one ("是 PDF 文件"). */
function spaced(name: string): string {
  return /^[A-Za-z]/.test(name) ? ` ${name}` : name;
}

/** A file whose text is empty (only blank lines) is refused like an empty file. */
function nonEmpty(source: SourceText): SourceText {
  if (source.lines.every((l) => l.text === "")) {
    throw new ImportError("IMPORT_EMPTY", source.file, "文件为空：没有读出任何文字");
  }
  return source;
}

function unreadable(name: string, e: unknown): ImportError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT" ? "文件不存在" : code === "EACCES" || code === "EPERM" ? "没有读取权限" : code === "EISDIR" ? "这是一个目录，请给出合同文件" : `无法打开（${code ?? String(e)}）`;
  return new ImportError("IMPORT_UNREADABLE", name, why, { cause: e });
}

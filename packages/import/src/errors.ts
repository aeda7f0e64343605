import { UserError } from "@qiyue/contract-model/errors";

/**
 * Every error `qiyue import` can raise about its input, with what it means. The code is stable
 * (scripts may match on it); the message a user sees is written where the error is thrown and
 * always names the file.
 */
export const IMPORT_ERRORS = {
  IMPORT_UNREADABLE: "文件不存在、是目录或没有读取权限",
  IMPORT_UNSUPPORTED_FORMAT: "不是可读取的文件类型（可读取 .txt、.md、.docx 和有文字层的 .pdf）",
  IMPORT_WRONG_TYPE: "文件内容与扩展名不符（如扩展名为 .txt，内容却是 ZIP 压缩包或 PDF）",
  IMPORT_EMPTY: "文件为空，或读出的文字为空",
  IMPORT_BINARY: "不是文本：含有大量控制字符或无法按 UTF-8、UTF-16、GB18030 解码的字节",
  IMPORT_TOO_LARGE: "文件或其中的部件超过读取上限",
  IMPORT_DOCX_INVALID: "不是完整的 Word（.docx）文件：ZIP 结构损坏或缺少 word/document.xml",
  IMPORT_DOCX_BOMB: "Word 文件中的部件解压后过大或压缩比异常（可能是“压缩炸弹”），已在解压前停止",
  IMPORT_DOCX_ENCRYPTED: "Word 文件已加密",
  IMPORT_PDF_INVALID: "PDF 文件损坏或被截断，无法读取",
  IMPORT_PDF_ENCRYPTED: "PDF 文件有打开密码",
  IMPORT_NO_TEXT_LAYER: "PDF 没有文字层（扫描件或图片），不支持 OCR",
} as const;

/** Stable codes of everything reading a contract file can reject. */
export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

/** A file `qiyue import` cannot read. The message begins with the file name, as a user typed it. */
export class ImportError extends UserError {
  override readonly name = "ImportError";
  override readonly code: ImportErrorCode;
  readonly file: string;

  constructor(code: ImportErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(code, `${file}: ${message}`, [], options);
    this.code = code;
    this.file = file;
  }
}

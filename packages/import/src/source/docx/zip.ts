import yauzl from "yauzl";
import { ImportError } from "../../errors.js";
import { LIMITS, mib } from "../limits.js";

/** Bounds on one member of the archive, checked before it is inflated and again as bytes come. */
export interface PartLimits {
  /** Most bytes the member may inflate to. */
  readonly maxBytes: number;
  /** Most bytes out per byte in, for a member larger than `ratioFrom`. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
}

/** A .docx file's ZIP archive, opened: its directory read, no member inflated yet. */
export interface DocxArchive {
  /** Members by name. */
  readonly entries: ReadonlyMap<string, yauzl.Entry>;
  /** Streams a member's inflated bytes to `onChunk`, within `limits`. */
  read(name: string, limits: PartLimits, onChunk: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

/**
 * Opens a .docx file's archive and reads its directory (at most LIMITS.docxEntries members).
 * The directory's sizes are only claims: `read` refuses a member whose declared size or
 * compression ratio is too large before inflating anything, and yauzl's size check stops a
 * member that inflates to more than it declared (a bomb that lies about its size).
 */
export async function openDocx(path: string, name: string): Promise<DocxArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch (e) {
    throw new ImportError("IMPORT_DOCX_INVALID", name, `不是完整的 Word（.docx）文件：ZIP 目录无法读取（${reason(e)}）`, { cause: e });
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entries.size >= LIMITS.docxEntries) {
          reject(new ImportError("IMPORT_DOCX_BOMB", name, `ZIP 目录列出的部件超过 ${LIMITS.docxEntries} 个，不像 Word 文件，已停止读取`));
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", (e: unknown) =>
        reject(e instanceof ImportError ? e : new ImportError("IMPORT_DOCX_INVALID", name, `不是完整的 Word（.docx）文件：ZIP 目录损坏（${reason(e)}）`, { cause: e })),
      );
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    entries,
    close: () => zip.close(),
    read: (part, limits, onChunk) => readPart(zip, entries, name, part, limits, onChunk),
  };
}

async function readPart(
  zip: yauzl.ZipFile,
  entries: ReadonlyMap<string, yauzl.Entry>,
  name: string,
  part: string,
  limits: PartLimits,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const entry = entries.get(part);
  if (entry === undefined) throw new ImportError("IMPORT_DOCX_INVALID", name, `不是完整的 Word（.docx）文件：缺少 ${part}`);
  const bomb = (size: number, compressed: number, declared: boolean) =>
    new ImportError(
      "IMPORT_DOCX_BOMB",
      name,
      `其中的 ${part} ${declared ? "声明" : ""}解压后${
        size > limits.maxBytes ? `超过 ${mib(limits.maxBytes)}` : `有 ${mib(size)}，压缩比约 ${Math.round(size / Math.max(compressed, 1))}:1，超过 ${limits.maxRatio}:1`
      }，不像正常的 Word 文件（可能是“压缩炸弹”），${declared ? "未解压" : "已停止解压"}`,
    );
  const { uncompressedSize: size, compressedSize: compressed } = entry;
  if (size > limits.maxBytes || (size > limits.ratioFrom && size > compressed * limits.maxRatio)) throw bomb(size, compressed, true);
  if (entry.isEncrypted()) throw new ImportError("IMPORT_DOCX_ENCRYPTED", name, `其中的 ${part} 已加密，请在 Word 中取消密码后另存为 .docx`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new ImportError("IMPORT_DOCX_INVALID", name, `其中的 ${part} 使用了不支持的压缩方式（${entry.compressionMethod}）`);
  }
  let stream: NodeJS.ReadableStream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw new ImportError("IMPORT_DOCX_INVALID", name, `其中的 ${part} 损坏（${reason(e)}）`, { cause: e });
  }
  let produced = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length;
      // yauzl already stops a member at its declared size; this is the same bound, counted here.
      if (produced > limits.maxBytes) throw bomb(produced, compressed, false);
      try {
        onChunk(chunk);
      } catch (e) {
        throw new ReaderFailure(e);
      }
    }
  } catch (e) {
    if (e instanceof ReaderFailure) throw e.failure;
    if (e instanceof ImportError) throw e;
    const message = reason(e);
    if (/too many bytes|uncompressedSize/i.test(message)) {
      throw new ImportError("IMPORT_DOCX_BOMB", name, `其中的 ${part} 解压后比 ZIP 目录声明的 ${size} 字节多（可能是“压缩炸弹”），已停止解压`, { cause: e });
    }
    throw new ImportError("IMPORT_DOCX_INVALID", name, `其中的 ${part} 无法解压（${message}）`, { cause: e });
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

/** An error of the caller's reader of the bytes (an XML error), passed on as it is. */
class ReaderFailure {
  constructor(readonly failure: unknown) {}
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { detectEncoding } from "./encoding.js";
import { HotlineIngestError } from "./errors.js";
import type { RowBatch, RowSource, TextEncodingName } from "./row-source.js";
import { drainInBatches } from "./row-source.js";

export interface CsvSourceOptions {
  /** Name used in messages. */
  readonly displayName: string;
  readonly encoding?: "auto" | "utf8" | "gbk";
  readonly delimiter?: string;
}

const SNIFF_BYTES = 256 * 1024;
const BATCH = 512;

/** Opens a CSV file, detecting its encoding; rows are read when `batches()` is iterated. */
export async function openCsvSource(file: string, options: CsvSourceOptions): Promise<RowSource> {
  const name = options.displayName;
  let head: Uint8Array;
  try {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new HotlineIngestError("file-unreadable", `无法读取文件 ${name}`, { file: name }, { cause });
  }
  const hasBom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const wanted = options.encoding ?? "auto";
  const encoding: TextEncodingName =
    wanted === "auto" ? detectEncoding(head) : wanted === "gbk" ? "gbk" : hasBom ? "utf8-bom" : "utf8";

  return {
    encoding,
    async *batches(): AsyncGenerator<RowBatch, void, undefined> {
      const parser = parse({
        bom: false,
        delimiter: options.delimiter ?? ",",
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        encoding: "utf8",
      });
      const input = createReadStream(file, { start: encoding === "utf8-bom" ? 3 : 0, highWaterMark: 1 << 20 });
      // Errors reach the parser through the pipeline; the drain reports them.
      const ignore = (): void => {};
      if (encoding === "gbk") pipeline(input, iconv.decodeStream("gb18030"), parser, ignore);
      else pipeline(input as Readable, parser, ignore);
      let row = 0;
      for await (const records of drainInBatches<string[]>(parser, BATCH, (e) => wrapError(e, name))) {
        const rowNumbers: number[] = new Array(records.length);
        for (let i = 0; i < records.length; i++) rowNumbers[i] = ++row;
        yield { rowNumbers, rows: records };
      }
    },
  };
}

function wrapError(error: Error & { code?: string; lines?: number }, file: string): HotlineIngestError {
  if (typeof error.code === "string" && error.code.startsWith("CSV_")) {
    const line = typeof error.lines === "number" ? error.lines : undefined;
    return new HotlineIngestError(
      "csv-syntax",
      `${file}${line === undefined ? "" : ` 第 ${line} 行附近`} CSV 格式错误（${error.message}）`,
      line === undefined ? { file } : { file, row: line },
      { cause: error },
    );
  }
  return new HotlineIngestError("file-unreadable", `无法读取文件 ${file}（${error.message}）`, { file }, { cause: error });
}

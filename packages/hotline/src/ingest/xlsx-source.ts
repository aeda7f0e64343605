import { createReadStream, type ReadStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import type { Cell } from "./cell.js";
import { HotlineIngestError } from "./errors.js";
import type { RowBatch, RowSource } from "./row-source.js";
import { wholeUtf8Chunks } from "./utf8-chunks.js";

const BATCH = 512;

/** Reads the first worksheet of an XLSX file with exceljs' streaming reader. */
export function openXlsxSource(file: string, displayName: string): RowSource {
  let input: ReadStream | undefined;
  return {
    encoding: null,
    // the archive's bytes taken by the unzipper so far
    bytesRead: () => input?.bytesRead ?? 0,
    async *batches(): AsyncGenerator<RowBatch, void, undefined> {
      // Loaded only when an XLSX file is read: exceljs takes ~180 ms to import.
      const { default: ExcelJS } = await import("exceljs");
      input = createReadStream(file);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: "emit",
        sharedStrings: "cache",
        hyperlinks: "ignore",
        styles: "ignore",
        entries: "ignore",
      });
      decodeWholeCharacters(reader);
      let rowNumbers: number[] = [];
      let rows: Cell[][] = [];
      try {
        for await (const sheet of reader) {
          for await (const row of sheet) {
            rowNumbers.push(row.number);
            rows.push(toCells(row.values));
            if (rows.length >= BATCH) {
              yield { rowNumbers, rows };
              rowNumbers = [];
              rows = [];
            }
          }
          break; // first worksheet only
        }
      } catch (cause) {
        if (cause instanceof HotlineIngestError) throw cause;
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new HotlineIngestError(
          "xlsx-unreadable",
          `无法读取 Excel 文件 ${displayName}（${detail}）`,
          { file: displayName },
          { cause },
        );
      } finally {
        // Stop reading the rest of the archive.
        (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
        input.destroy();
      }
      if (rows.length > 0) yield { rowNumbers, rows };
    },
  };
}

/** The parts of exceljs' WorkbookReader that hand XML bytes to its parser. */
interface ReaderInternals {
  _parseWorksheet?: (iterator: AsyncIterable<Uint8Array | string>, sheetNo: string) => unknown;
  _parseSharedStrings?: (entry: NodeJS.ReadableStream) => unknown;
}

/**
 * exceljs 4.4 decodes every chunk of a worksheet or the shared strings on its own,
 * so a Chinese character split across two chunks becomes U+FFFD. Its reader is given
 * chunks re-cut at character boundaries instead (see the XLSX test with 400 rows).
 */
function decodeWholeCharacters(reader: object): void {
  const internals = reader as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  if (parseWorksheet !== undefined) {
    internals._parseWorksheet = function (iterator, sheetNo) {
      return parseWorksheet.call(this, wholeUtf8Chunks(iterator), sheetNo);
    };
  }
  if (parseSharedStrings !== undefined) {
    internals._parseSharedStrings = function (entry) {
      const bytes = entry.pipe(new PassThrough());
      return parseSharedStrings.call(this, Readable.from(wholeUtf8Chunks(bytes), { objectMode: false }));
    };
  }
}

/** exceljs row values are 1-based and may hold rich text, formulas and hyperlinks. */
function toCells(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = new Array(Math.max(values.length - 1, 0));
  for (let i = 1; i < values.length; i++) cells[i - 1] = toCell(values[i]);
  return cells;
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return toCell(v.result);
    if (v.text !== undefined) return toCell(v.text);
    if (v.error !== undefined) return null;
  }
  return String(value);
}

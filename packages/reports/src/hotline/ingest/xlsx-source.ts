import ExcelJS from "exceljs";
import type { Cell } from "./cell.js";
import { HotlineIngestError } from "./errors.js";
import type { RowBatch, RowSource } from "./row-source.js";

const BATCH = 512;

/** Reads the first worksheet of an XLSX file with exceljs' streaming reader. */
export function openXlsxSource(file: string, displayName: string): RowSource {
  return {
    encoding: null,
    async *batches(): AsyncGenerator<RowBatch, void, undefined> {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        worksheets: "emit",
        sharedStrings: "cache",
        hyperlinks: "ignore",
        styles: "ignore",
        entries: "ignore",
      });
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
      }
      if (rows.length > 0) yield { rowNumbers, rows };
    },
  };
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

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import iconv from "iconv-lite";
import type { WorkOrder } from "../orders/work-order.js";
import { orderToCells, WRITTEN_HEADERS } from "./order-cells.js";

export interface CsvWriteOptions {
  /** Default "utf8". */
  readonly encoding?: "utf8" | "gbk";
  /** Write a UTF-8 BOM so that Excel recognises the encoding; default true (ignored for GBK). */
  readonly bom?: boolean;
}

export interface WriteSummary {
  readonly orders: number;
  readonly bytes: number;
}

const CHUNK_CHARS = 1 << 20;

/** Writes work orders as a CSV export with the default Chinese headers (CRLF line ends). */
export async function writeWorkOrdersCsv(
  file: string,
  orders: Iterable<WorkOrder> | AsyncIterable<WorkOrder>,
  options: CsvWriteOptions = {},
): Promise<WriteSummary> {
  const gbk = options.encoding === "gbk";
  const out = createWriteStream(file, { highWaterMark: 8 << 20 });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  let bytes = 0;
  const write = async (text: string, prefix?: Buffer): Promise<void> => {
    let buffer = gbk ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
    if (prefix !== undefined) buffer = Buffer.concat([prefix, buffer]);
    bytes += buffer.length;
    if (!out.write(buffer)) await Promise.race([once(out, "drain"), failed]);
  };

  let count = 0;
  let pending: string[] = [line([...WRITTEN_HEADERS])];
  let pendingChars = 0;
  let first = true;
  const flush = async (): Promise<void> => {
    const bom = first && !gbk && options.bom !== false ? Buffer.from([0xef, 0xbb, 0xbf]) : undefined;
    first = false;
    await write(pending.join(""), bom);
    pending = [];
    pendingChars = 0;
  };
  const add = (order: WorkOrder): boolean => {
    const text = line(orderToCells(order));
    pending.push(text);
    pendingChars += text.length;
    count++;
    return pendingChars >= CHUNK_CHARS;
  };
  if (Symbol.iterator in orders) {
    // A plain loop: for-await over a synchronous generator costs a promise per order.
    for (const order of orders) if (add(order)) await flush();
  } else {
    for await (const order of orders) if (add(order)) await flush();
  }
  await flush();
  out.end();
  await Promise.race([once(out, "finish"), failed]);
  return { orders: count, bytes };
}

function line(cells: string[]): string {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (needsQuotes(cell)) cells[i] = `"${cell.replace(/"/g, '""')}"`;
  }
  return cells.join(",") + "\r\n";
}

const SPECIAL = /[",\r\n]/;

function needsQuotes(cell: string): boolean {
  if (cell.length === 0) return false;
  // The regex first: it flattens a concatenated string once for the checks after it.
  return SPECIAL.test(cell) || cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32;
}

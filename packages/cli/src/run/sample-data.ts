import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SAMPLE_AREA_KEYS, type SampleAreaKey, sampleOrders, writeWorkOrdersCsv, writeWorkOrdersXlsx } from "@qiyue/hotline";
import { parseArgs } from "../args.js";
import { usageError } from "../exit.js";
import type { Io } from "../io.js";
import { userPath } from "../paths.js";

export interface SampleDataRequest {
  month: string;
  orders: number;
  seed: number;
  encoding: "utf8" | "gbk";
  format: "csv" | "xlsx";
  district?: SampleAreaKey;
  out: string;
}

/** Writes a synthetic export atomically (a temporary file beside the target, then a rename). Same seed, same bytes. */
export async function writeSampleData(request: SampleDataRequest): Promise<{ file: string; orders: number }> {
  await mkdir(dirname(request.out), { recursive: true });
  const temp = join(dirname(request.out), `.${basename(request.out)}.${randomBytes(6).toString("hex")}.tmp`);
  const orders = sampleOrders({
    month: request.month,
    orders: request.orders,
    seed: request.seed,
    ...(request.district ? { district: request.district } : {}),
  });
  try {
    if (request.format === "xlsx") await writeWorkOrdersXlsx(temp, orders);
    else await writeWorkOrdersCsv(temp, orders, { encoding: request.encoding });
    await rename(temp, request.out);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return { file: request.out, orders: request.orders };
}

function integer(name: string, text: string | undefined, min: number): number {
  if (text === undefined) throw usageError(`请给出 ${name}`);
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) throw usageError(`${name} 应为不小于 ${min} 的整数，收到“${text}”`);
  return Number(text);
}

/** Runs `qiyue sample-data` (see ../commands/sample-data.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    month: { type: "string" },
    orders: { type: "string" },
    seed: { type: "string" },
    encoding: { type: "string" },
    format: { type: "string" },
    district: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length > 0) throw usageError(`多余的参数：${positionals.join(" ")}`);
  if (!values.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw usageError("--month 应写成 YYYY-MM");
  if (!values.out) throw usageError("请用 --out 给出输出文件");
  const encoding = values.encoding ?? "utf8";
  if (encoding !== "utf8" && encoding !== "gbk") throw usageError(`--encoding 只能是 utf8 或 gbk，收到“${encoding}”`);
  const format = values.format ?? (values.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
  if (format !== "csv" && format !== "xlsx") throw usageError(`--format 只能是 csv 或 xlsx，收到“${format}”`);
  if (format === "xlsx" && values.encoding !== undefined) throw usageError("--encoding 只用于 CSV");
  const district = values.district;
  if (district !== undefined && !(SAMPLE_AREA_KEYS as string[]).includes(district)) {
    throw usageError(`--district 只能是 ${SAMPLE_AREA_KEYS.join("、")} 之一，收到“${district}”`);
  }
  const out = userPath(io.cwd, values.out);
  const written = await writeSampleData({
    month: values.month,
    orders: integer("--orders", values.orders, 1),
    seed: integer("--seed", values.seed, 0),
    encoding,
    format,
    out,
    ...(district ? { district: district as SampleAreaKey } : {}),
  });
  io.stdout(`${written.file}\n`);
  return 0;
}

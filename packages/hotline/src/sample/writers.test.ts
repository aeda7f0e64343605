import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { readWorkOrders } from "../ingest/read-work-orders.js";
import type { WorkOrder } from "../orders/work-order.js";
import { writeWorkOrdersCsv } from "./csv-writer.js";
import { sampleOrders } from "./generate.js";
import { writeWorkOrdersXlsx } from "./xlsx-writer.js";
import { dosDateTime } from "./zip-timestamps.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-sample-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

const sample = (seed: number) => sampleOrders({ month: "2026-03", orders: 400, seed, district: "海淀区" });

async function readBack(file: string): Promise<WorkOrder[]> {
  const orders: WorkOrder[] = [];
  for await (const o of readWorkOrders(file)) orders.push(o);
  return orders;
}

describe("sample writers", () => {
  it("write CSV (UTF-8 and GBK) that reads back to the same orders", async () => {
    const expected = [...sample(3)];
    const utf8 = join(dir, "utf8.csv");
    const gbk = join(dir, "gbk.csv");
    expect(await writeWorkOrdersCsv(utf8, sample(3))).toMatchObject({ orders: 400 });
    await writeWorkOrdersCsv(gbk, sample(3), { encoding: "gbk" });
    expect(readFileSync(utf8).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readBack(utf8)).toEqual(expected);
    expect(await readBack(gbk)).toEqual(expected);
  });

  it("write the same CSV bytes for the same seed and different bytes for another", async () => {
    const paths = ["a.csv", "b.csv", "c.csv"].map((name) => join(dir, name));
    await writeWorkOrdersCsv(paths[0]!, sample(11), { encoding: "gbk" });
    await writeWorkOrdersCsv(paths[1]!, sample(11), { encoding: "gbk" });
    await writeWorkOrdersCsv(paths[2]!, sample(12), { encoding: "gbk" });
    expect(readFileSync(paths[1]!).equals(readFileSync(paths[0]!))).toBe(true);
    expect(readFileSync(paths[2]!).equals(readFileSync(paths[0]!))).toBe(false);
  });

  it("write byte-identical XLSX whatever the clock says", async () => {
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    const other = join(dir, "other.xlsx");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-02T03:04:05Z"));
    await writeWorkOrdersXlsx(first, sample(5));
    vi.setSystemTime(new Date("2031-06-07T08:09:11Z"));
    await writeWorkOrdersXlsx(second, sample(5));
    await writeWorkOrdersXlsx(other, sample(6));
    vi.useRealTimers();
    const bytes = readFileSync(first);
    expect(readFileSync(second).equals(bytes)).toBe(true);
    expect(readFileSync(other).equals(bytes)).toBe(false);
    // Every zip entry carries the fixed time, not the fake clock's.
    const { time, date } = dosDateTime(new Date(Date.UTC(2026, 0, 1)));
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(time, 0);
    stamp.writeUInt16LE(date, 2);
    let headers = 0;
    for (let at = bytes.indexOf(Buffer.from("PK\x03\x04", "latin1")); at >= 0; at = bytes.indexOf(Buffer.from("PK\x03\x04", "latin1"), at + 4)) {
      expect(bytes.subarray(at + 10, at + 14)).toEqual(stamp);
      headers++;
    }
    expect(headers).toBeGreaterThan(5);
    expect(bytes.toString("latin1")).not.toContain("2030-01-02");
    expect(await readBack(first)).toEqual([...sample(5)]);
  });
});

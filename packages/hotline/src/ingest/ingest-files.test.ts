import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeWorkOrdersCsv } from "../sample/csv-writer.js";
import { sampleOrders } from "../sample/generate.js";
import { writeWorkOrdersXlsx } from "../sample/xlsx-writer.js";
import { filesSize, ingestFiles } from "./ingest-files.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-ingest-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("progress while reading several exports", () => {
  it("counts bytes up through every file, CSV (GBK too) and XLSX, ending at their total size", async () => {
    const csv = join(dir, "a.csv");
    const gbk = join(dir, "b.csv");
    const xlsx = join(dir, "c.xlsx");
    await writeWorkOrdersCsv(csv, sampleOrders({ month: "2026-05", orders: 3000, seed: 1 }));
    await writeWorkOrdersCsv(gbk, sampleOrders({ month: "2026-04", orders: 2000, seed: 2 }), { encoding: "gbk" });
    await writeWorkOrdersXlsx(xlsx, sampleOrders({ month: "2026-03", orders: 1000, seed: 3 }));
    const files = [csv, gbk, xlsx];
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    expect(await filesSize(files)).toBe(total);
    expect(await filesSize([...files, join(dir, "missing.csv")])).toBe(total);

    const seen: number[] = [];
    let orders = 0;
    await ingestFiles(files, () => orders++, { onBytes: (b) => seen.push(b) });
    expect(orders).toBe(6000);
    // many steps, never backwards, the first file's size passed on the way, the total at the end
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1]!)).toBe(true);
    expect(seen).toContain(statSync(csv).size);
    expect(seen.at(-1)).toBe(total);
    expect(Math.max(...seen)).toBe(total);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocument } from "../render-document.js";
import { workerScript } from "./pool.js";
import type { MonthlyProgress } from "./request.js";
import { csv, MAY_ROWS, sujiatuoWithLevels, UNIT_A, UNIT_B, UNIT_C } from "./testing.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const orders = join(dir, "2026-05.csv");
writeFileSync(orders, csv(MAY_ROWS));
const contractFile = sujiatuoWithLevels(dir);

async function split(out: string, workers: number, progress: MonthlyProgress[] = []): Promise<Map<string, Buffer>> {
  const outDir = join(dir, out);
  await renderDocument({
    template: "monthly-report",
    contract: contractFile,
    formats: ["docx", "pdf"],
    outDir,
    orders: { files: [orders], month: "2026-05", splitBy: "handling-unit", workers, onProgress: (p) => progress.push(p) },
  });
  return new Map(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
}

// The pool runs the compiled worker (dist/monthly/render-worker.js): build the package first.
// In CI a missing worker is a failure, not a skip.
describe.skipIf(workerScript() === undefined && !process.env.CI)("split reports on worker threads", () => {
  it("writes the same bytes as rendering in this thread, run after run, whichever worker finishes first", async () => {
    const progress: MonthlyProgress[] = [];
    const pooled = await split("pooled", 2, progress);
    const again = await split("again", 2);
    const inline = await split("inline", 0);
    expect([...pooled.keys()].sort()).toEqual(
      [UNIT_A, UNIT_B, UNIT_C].flatMap((unit) => ["docx", "pdf"].map((ext) => `sujiatuo-2026-工作月报-2026-05-${unit}.${ext}`)).sort(),
    );
    for (const [name, bytes] of pooled) {
      expect(again.get(name)?.equals(bytes), name).toBe(true);
      expect(inline.get(name)?.equals(bytes), name).toBe(true);
    }
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(progress.map((p) => p.group).sort()).toEqual([UNIT_A, UNIT_B, UNIT_C].sort());
    // no temporary files left behind
    expect(readdirSync(join(dir, "pooled")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // Three runs of six documents with workers starting up: slow when every package tests at once on two cores.
  }, 180_000);
});

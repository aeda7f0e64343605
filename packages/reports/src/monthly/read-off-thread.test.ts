import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { loadContract, UserError } from "@qiyue/contract-model";
import { afterAll, describe, expect, it } from "vitest";
import { builtinMetricsConfig, HotlineIngestError } from "@qiyue/hotline";
import { type CollectRequest, collectPeriod, type ReadProgress } from "./collect.js";
import { MonthlyReportError } from "./errors.js";
import { workerScript } from "./pool.js";
import { prepareOrdersReading, takePreparedReader } from "./read-ahead.js";
import { collectPeriodOffThread } from "./read-off-thread.js";
import { hotlineServiceLevels } from "./service-levels.js";
import { BAD_ROW, csv, EARLIER_ROWS, MAY_ROWS, scratch, sujiatuoWithLevels } from "./testing.js";
import { reviveError } from "./revive-error.js";
import { serializeError } from "./thread-errors.js";

const { dir, write, remove } = scratch("qiyue-read-thread-");
afterAll(remove);
const may = write("2026-05.csv", csv(MAY_ROWS));
const earlier = write("earlier.csv", csv(EARLIER_ROWS));
const { contract } = await loadContract(sujiatuoWithLevels(dir));
const base: CollectRequest = {
  files: [may],
  previous: [earlier],
  config: builtinMetricsConfig("beijing-0.1-0.5-0.4"),
  serviceLevels: hotlineServiceLevels(contract),
};

describe("errors crossing threads", () => {
  it("revives a user's mistake as its own class, with its code and position", () => {
    const thrown = new HotlineIngestError("bad-time", "bad.csv 第 11 行：时间无法识别", { file: "bad.csv", row: 11, column: "受理时间", value: "x" });
    const revived = reviveError(structuredClone(serializeError(thrown)));
    expect(revived).toBeInstanceOf(HotlineIngestError);
    expect(revived).toBeInstanceOf(UserError);
    expect(revived).toMatchObject({ name: "HotlineIngestError", code: "bad-time", file: "bad.csv", row: 11, column: "受理时间", value: "x" });
    expect(revived.message).toBe(thrown.message);

    const monthly = reviveError(structuredClone(serializeError(new MonthlyReportError("MONTHLY_NO_ORDERS", "没有工单", { file: "a.csv", line: 2 }))));
    expect(monthly).toBeInstanceOf(MonthlyReportError);
    expect(monthly).toMatchObject({ code: "MONTHLY_NO_ORDERS", file: "a.csv", line: 2, message: "a.csv:2: 没有工单" });
  });

  it("keeps a file-system error's code and path, and a bug's stack, without making either a user error", () => {
    const missing = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT", syscall: "open", path: "/x/y.csv", errno: -2 });
    const revived = reviveError(structuredClone(serializeError(missing)));
    expect(revived).not.toBeInstanceOf(UserError);
    expect(revived).toMatchObject({ code: "ENOENT", syscall: "open", path: "/x/y.csv" });
    const bug = new TypeError("x is not a function");
    const revivedBug = reviveError(structuredClone(serializeError(bug)));
    expect(revivedBug).not.toBeInstanceOf(UserError);
    expect(revivedBug.message).toBe("x is not a function");
    expect(revivedBug.stack).toBe(bug.stack);
  });
});

describe("reading progress", () => {
  it("reads the month's files once, also when the month is found from them", async () => {
    const size = statSync(may).size;
    const earlierSize = statSync(earlier).size;
    const found: ReadProgress[] = [];
    await collectPeriod({ ...base, onProgress: (p) => found.push(p) });
    expect(found.every((p) => p.totalBytes === size + earlierSize)).toBe(true);
    expect(found.map((p) => p.bytesRead)).toEqual([...found.map((p) => p.bytesRead)].sort((a, b) => a - b));
    expect(found.map((p) => p.bytesRead)).toContain(size);
    expect(found.at(-1)?.bytesRead).toBe(size + earlierSize);

    const given: ReadProgress[] = [];
    const withMonth = await collectPeriod({ ...base, month: "2026-05", onProgress: (p) => given.push(p) });
    expect(given.at(-1)).toEqual({ bytesRead: size + earlierSize, totalBytes: size + earlierSize });
    // the month found after one read gives the figures of the month given beforehand
    const inferred = await collectPeriod(base);
    expect(inferred.month).toBe("2026-05");
    expect({ ...inferred, monthGiven: true }).toEqual(withMonth);
  });
});

describe.skipIf(workerScript("read-worker") === undefined && !process.env.CI)("reading the orders on a worker thread", () => {
  it("gives the same figures as reading here, whole and split", async () => {
    expect(await collectPeriodOffThread(base)).toEqual(await collectPeriod(base));
    const split: CollectRequest = { ...base, splitBy: "handling-unit", month: "2026-05" };
    const offThread = await collectPeriodOffThread(split);
    expect(offThread.groups?.length).toBe(3);
    expect(offThread).toEqual(await collectPeriod(split));
  });

  it("passes its progress back, ending at the total", async () => {
    const seen: ReadProgress[] = [];
    await collectPeriodOffThread({ ...base, month: "2026-05", onProgress: (p) => seen.push(p) });
    const total = statSync(may).size + statSync(earlier).size;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ bytesRead: total, totalBytes: total });
  });

  it("reports a bad row, a missing file and a month without orders as they are reported here", async () => {
    const bad = write("bad.csv", csv([...MAY_ROWS, BAD_ROW]));
    const badRow = await collectPeriodOffThread({ ...base, previous: [bad] }).catch((e: unknown) => e);
    expect(badRow).toBeInstanceOf(HotlineIngestError);
    expect(badRow).toMatchObject({ code: "bad-time", file: bad, row: 11, column: "受理时间", value: "2026-05-0x 10:00:00" });

    const gone = join(dir, "missing.csv");
    const missing = await collectPeriodOffThread({ ...base, files: [gone] }).catch((e: unknown) => e);
    const here = await collectPeriod({ ...base, files: [gone] }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ message: (here as Error).message, code: (here as { code: string }).code });
    expect(missing instanceof UserError).toBe(here instanceof UserError);

    const empty = write("empty.csv", csv([]));
    const none = await collectPeriodOffThread({ ...base, files: [empty] }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(MonthlyReportError);
    expect(none).toMatchObject({ code: "MONTHLY_NO_ORDERS" });
  });

  it("reads on the thread started ahead (prepareOrdersReading), once, with the same figures", async () => {
    prepareOrdersReading();
    const request = { ...base, month: "2026-05" };
    const seen: ReadProgress[] = [];
    expect(await collectPeriodOffThread({ ...request, onProgress: (p) => seen.push(p) })).toEqual(await collectPeriod(request));
    expect(seen.length).toBeGreaterThan(0);
    // taken by that read: the next one starts its own thread
    expect(takePreparedReader()).toBeUndefined();
    expect(await collectPeriodOffThread(request)).toEqual(await collectPeriod(request));
  });

  it("reports a mistake found on the thread started ahead as it is reported here", async () => {
    prepareOrdersReading();
    const bad = write("bad-ahead.csv", csv([...MAY_ROWS, BAD_ROW]));
    await expect(collectPeriodOffThread({ ...base, files: [bad] })).rejects.toMatchObject({ code: "bad-time", file: bad, row: 11 });
  });

  it("does not keep a command alive that stops before reading", () => {
    const script = workerScript("read-worker")!;
    const readAhead = new URL("./read-ahead.js", script).href;
    const started = Date.now();
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", `(await import(${JSON.stringify(readAhead)})).prepareOrdersReading(); console.log("stopped");`], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("stopped\n");
    // it ends as soon as the command does, not after the thread has loaded
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

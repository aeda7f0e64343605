import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { metricsOf } from "./metrics.js";

const yuetan = fileURLToPath(new URL("../../../../examples/contracts/yuetan-2026.yaml", import.meta.url));

/**
 * Four orders of May 2026. A and B were dispatched and signed; C was dispatched but never signed;
 * D was never dispatched. By hand: 签收率 2/3 = 66.67 %, 转办率 3/4 = 75.00 %; both miss Yuetan's 100 %.
 */
const CSV = [
  "工单编号,受理时间,诉求类型,主办单位,派单时间,签收时间",
  "A,2026-05-04 09:00,投诉,月坛街道城管科,2026-05-04 09:10,2026-05-04 09:20",
  "B,2026-05-05 10:00,求助,月坛街道城管科,2026-05-05 10:05,2026-05-05 10:30",
  "C,2026-05-06 11:00,咨询,月坛街道社区办,2026-05-06 11:20,",
  "D,2026-05-07 12:00,建议,,,",
].join("\n");

describe("qiyue metrics", () => {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-metrics-"));
  const orders = join(dir, "orders.csv");
  writeFileSync(orders, CSV);

  it("measures the contract's service levels against the export", async () => {
    const { month, result } = await metricsOf({ orders: [orders], previous: [], lenient: false, contract: yuetan });
    expect(month).toBe("2026-05");
    expect(result.counts.total).toBe(4);
    const level = (metric: string) => result.serviceLevels.find((s) => s.metric === metric);
    expect(level("sign-rate")).toMatchObject({ status: "fail", achieved: { numerator: "2", denominator: 3, percent: "66.67%" } });
    expect(level("sign-rate")?.failing.orders).toEqual(["C"]);
    expect(level("dispatch-rate")).toMatchObject({ status: "fail", achieved: { numerator: "3", denominator: 4, percent: "75.00%" } });
  });

  it("costs the misses under the clause the service levels name (Yuetan 6.2: 10 % of ¥1,850,761)", async () => {
    const { penalties } = await metricsOf({ orders: [orders], previous: [], lenient: false, contract: yuetan });
    const cost = penalties?.costs.find((c) => c.clause === "6.2");
    expect(cost).toMatchObject({ computable: true, amount: 18507610 });
    const io = memoryIo();
    await main(["metrics", "--orders", orders, "--contract", yuetan], io);
    expect(io.out).toContain("第6.2条");
    expect(io.out).toContain("185,076.10 元");
  });

  it("prints the figure sheet, and the same as JSON", async () => {
    const io = memoryIo();
    expect(await main(["metrics", "--orders", orders, "--contract", yuetan], io)).toBe(0);
    expect(io.out).toContain("受理 4 件");
    expect(io.out).toContain("签收率（第二条（一））：66.67%（2/3），目标 ≥ 100.00%，未达标（不符合 1 件）");
    const json = memoryIo();
    await main(["metrics", "--orders", orders, "--json"], json);
    expect(JSON.parse(json.out).result.counts.total).toBe(4);
  });

  it("a bad row stops with the file, row, column and value (exit 2); --lenient skips it", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${CSV}\nE,2026-05-32 08:00,投诉,,,\n`);
    const io = memoryIo();
    expect(await main(["metrics", "--orders", bad], io)).toBe(2);
    expect(io.err).toContain("第 6 行");
    expect(io.err).toContain("2026-05-32");
    const lenient = memoryIo();
    expect(await main(["metrics", "--orders", bad, "--lenient"], lenient)).toBe(0);
    expect(lenient.out).toContain("跳过有问题的行 1 行");
  });
});

describe("qiyue sample-data", () => {
  it("writes the same bytes for the same seed, atomically, and refuses bad arguments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-sample-"));
    const [a, b] = [join(dir, "a.csv"), join(dir, "new", "folder", "b.csv")];
    for (const out of [a, b]) expect(await main(["sample-data", "--month", "2026-03", "--orders", "500", "--seed", "42", "--out", out], memoryIo())).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const gbk = join(dir, "g.csv");
    await main(["sample-data", "--month", "2026-03", "--orders", "500", "--seed", "42", "--encoding", "gbk", "--out", gbk], memoryIo());
    expect(readFileSync(gbk).equals(readFileSync(a))).toBe(false);
    const io = memoryIo();
    expect(await main(["sample-data", "--month", "2026-13", "--orders", "5", "--seed", "1", "--out", join(dir, "x.csv")], io)).toBe(2);
    expect(await main(["sample-data", "--month", "2026-03", "--orders", "5", "--seed", "1", "--district", "朝阳区", "--out", join(dir, "x.csv")], memoryIo())).toBe(2);
  });
});

import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract, parseContract } from "@qiyue/contract-model";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { renewFile } from "./renew.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding a copy of an example contract. */
function workspace(id = "sujiatuo-2026") {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-renew-"));
  dirs.push(dir);
  const file = join(dir, `${id}.yaml`);
  copyFileSync(example(id), file);
  return { dir, file };
}

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(["renew", ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe("renewFile", () => {
  it("writes a renewed contract that loads, when every cap holds", async () => {
    const { dir, file } = workspace();
    const out = join(dir, "r1.yaml");
    const result = await renewFile(file, { increase: 100_000 }, out);
    expect(result.plan.ok).toBe(true);
    expect(result.written).toBe(out);
    const { contract } = await loadContract(out);
    expect(contract.id).toBe("sujiatuo-2026-r1");
    expect(contract.fees.total.amount).toBe(194_315_000);
    expect(contract.term).toMatchObject({ start: "2027-04-02", end: "2028-04-01" });
    expect(readdirSync(dir).sort()).toEqual(["r1.yaml", "sujiatuo-2026.yaml"]); // no temporary file left
  });

  it("writes nothing when a cap fails", async () => {
    const { dir, file } = workspace();
    const result = await renewFile(file, { increase: 100_100 }, join(dir, "r1.yaml"));
    expect(result.plan.ok).toBe(false);
    expect(result.written).toBeUndefined();
    expect(readdirSync(dir)).toEqual(["sujiatuo-2026.yaml"]);
  });
});

describe("qiyue renew", () => {
  it("prints every check and the path, and exits 0", async () => {
    const { dir, file } = workspace();
    const out = join(dir, "r1.yaml");
    const r = await run(file, "--increase", "10%", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("第 1 次续签，按合同约定的续签规则检查");
    expect(r.out).toContain("✓ 金额增幅：续签金额 1,943,150.00 元较原合同金额 1,766,500.00 元增加 10%，未超过 10% 的增幅上限。");
    expect(r.out).toContain("    依据：合同第二条第1款；《中华人民共和国政府采购法》第四十九条");
    expect(r.out).toContain("？ 预算：");
    expect(r.out).toContain(`已写出续签合同：${out}`);
    expect(r.err).toBe("");
    expect(parseContract(readFileSync(out, "utf8"), out).contract.renewal?.history?.renewals).toHaveLength(1);
  });

  it("a failing cap: exit 1, nothing written, says which cap, by how much and where it comes from", async () => {
    const { dir, file } = workspace();
    const out = join(dir, "r1.yaml");
    const r = await run(file, "--amount", "1,960,000.00", "--out", out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(["sujiatuo-2026.yaml"]);
    expect(r.out).toContain("✗ 金额增幅");
    expect(r.err).toContain("未通过续签上限检查，未写出任何文件");
    expect(r.err).toContain("超过 10% 的增幅上限（1,943,150.00 元）16,850.00 元");
    expect(r.err).toContain("依据：合同第二条第1款；《中华人民共和国政府采购法》第四十九条");
  });

  it("renewing the renewed file checks against the ORIGINAL amount, not the renewed one", async () => {
    const { dir, file } = workspace();
    const r1 = join(dir, "r1.yaml");
    const r2 = join(dir, "r2.yaml");
    expect((await run(file, "--increase", "10%", "--out", r1)).code).toBe(0);
    // +5 % on 1,943,150.00 is 2,040,307.50: 15.5 % over the original 1,766,500.00.
    const failed = await run(r1, "--increase", "5%", "--out", r2);
    expect(failed.code).toBe(1);
    expect(existsSync(r2)).toBe(false);
    expect(failed.err).toContain("续签金额 2,040,307.50 元较原合同金额 1,766,500.00 元增加 15.5%，超过 10% 的增幅上限（1,943,150.00 元）97,157.50 元（依据：合同第二条第1款；");
    // The same amount again passes, and is the last renewal allowed.
    const passed = await run(r1, "--increase", "0%", "--out", r2);
    expect(passed.code).toBe(0);
    expect(passed.out).toContain("第 2 次续签");
    const third = await run(r2, "--increase", "0%", "--out", join(dir, "r3.yaml"));
    expect(third.code).toBe(1);
    expect(third.err).toContain("✗ 续签次数：本次为第 3 次续签，超过 2 次的上限 1 次（依据：合同第二条第1款）。");
    expect(third.err).toContain("✗ 总服务期限");
  });

  it("a contract without a renewal clause is checked against the default caps", async () => {
    const { dir, file } = workspace("pinggu-2026");
    const r = await run(file, "--increase", "10%", "--years", "1", "--schedule", "50/20/30", "--out", join(dir, "r1.yaml"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("按默认续签规则（合同未约定续签规则）检查");
  });

  it("Pinggu: a zero installment stops the renewal (exit 1, nothing written) with the validator's finding", async () => {
    const { dir, file } = workspace("pinggu-2026");
    const out = join(dir, "r1.yaml");
    const r = await run(file, "--increase", "5%", "--out", out);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(["pinggu-2026.yaml"]);
    expect(r.err).toContain("原合同的付款方式不能照搬到续签合同，未写出任何文件：");
    expect(r.err).toContain("✗ 第 2 期写“支付至合同总额的 20%”，但此前各期已支付 50%");
    expect(r.err).toContain("（PAYMENT_CUMULATIVE_BELOW_PAID）");
    expect(r.err).toContain("用 --schedule 给出（共 3 期");
    const json = await run(file, "--increase", "5%", "--out", out, "--json");
    expect(JSON.parse(json.out)).toMatchObject({ written: false, unresolved: { installments: 3 } });
  });

  it("Pinggu with --schedule: the shares are written, the same as the draft records them", async () => {
    const { dir, file } = workspace("pinggu-2026");
    const out = join(dir, "r1.yaml");
    expect((await run(file, "--increase", "5%", "--schedule", "50/20/30", "--out", out)).code).toBe(0);
    const { contract } = await loadContract(out);
    expect(contract.payments.installments.map((i) => i.basis)).toEqual([500_000, 200_000, 300_000].map((share) => ({ kind: "share", share })));
    expect(contract.notes).toContain("付款比例按甲乙双方约定调整为 50%、20%、30%。");
  });

  it("the term keeps its length unless --term asks otherwise (Yuetan: 11 months, or 12 with --term 12m)", async () => {
    const { dir, file } = workspace("yuetan-2026");
    const kept = await run(file, "--increase", "5%", "--out", join(dir, "a.yaml"));
    expect(kept.out).toContain("服务期 11 个月（与本期相同）");
    expect((await loadContract(join(dir, "a.yaml"))).contract.term).toMatchObject({ start: "2027-01-01", end: "2027-11-30" });
    const chosen = await run(file, "--increase", "5%", "--term", "12m", "--out", join(dir, "b.yaml"));
    expect(chosen.out).toContain("服务期 1 年（按 --term / --years 约定）");
    const renewed = (await loadContract(join(dir, "b.yaml"))).contract;
    expect(renewed.term).toMatchObject({ start: "2027-01-01", end: "2027-12-31" });
    // the payment date moves with the term's start: 2026-06-30 → 2027-05-31
    expect(renewed.payments.installments[1]?.trigger).toContainEqual({ event: "by-date", date: "2027-05-31" });
  });

  it("--json prints the plan and whether it was written", async () => {
    const { dir, file } = workspace();
    const r = await run(file, "--increase", "10.01%", "--out", join(dir, "r1.yaml"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { written: boolean; plan: { ok: boolean; next: { amount: number } } };
    expect(json).toMatchObject({ written: false, plan: { ok: false, next: { amount: 194_332_665 } } });
  });

  it.each([
    ["no percent sign", ["--increase", "10"], "须带百分号"],
    ["a bad percent", ["--increase", "ten%"], "不是有效的百分比"],
    ["both amounts", ["--increase", "10%", "--amount", "1943150"], "只给出其中一个"],
    ["neither amount", [], "只给出其中一个"],
    ["a bad amount", ["--amount", "1.234"], "不是有效的金额"],
    ["bad years", ["--increase", "10%", "--years", "1.5"], "--years 须为正整数"],
    ["bad term", ["--increase", "10%", "--term", "1.5y"], "--term 应写成整月或整年"],
    ["years and term", ["--increase", "10%", "--years", "1", "--term", "12m"], "只能给出一个"],
    ["shares not adding up", ["--increase", "10%", "--schedule", "50/20"], "合计须为 100%"],
    ["shares on monthly billing", ["--increase", "10%", "--schedule", "100"], "按月计费"],
  ])("bad input (%s) exits 2 with a message, never a stack trace", async (_, args, message) => {
    const { dir, file } = workspace();
    const r = await run(file, ...args, "--out", join(dir, "r1.yaml"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["sujiatuo-2026.yaml"]);
  });

  it("bad files exit 2: missing input, invalid contract, output is the input, missing directory, no --out", async () => {
    const { dir, file } = workspace();
    const missing = await run(join(dir, "nope.yaml"), "--increase", "10%", "--out", join(dir, "r1.yaml"));
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toContain("文件不存在");

    const invalid = join(dir, "invalid.yaml");
    writeFileSync(invalid, "id: x\ntitle: [unclosed\n");
    expect((await run(invalid, "--increase", "10%", "--out", join(dir, "r1.yaml"))).code).toBe(2);

    const before = readFileSync(file, "utf8");
    const self = await run(file, "--increase", "10%", "--out", file);
    expect(self.code).toBe(2);
    expect(self.err).toContain("不能是输入文件本身");
    expect(readFileSync(file, "utf8")).toBe(before);

    const nodir = await run(file, "--increase", "10%", "--out", join(dir, "no", "such", "r1.yaml"));
    expect(nodir.code).toBe(2);
    expect(nodir.err).toContain("输出目录不存在");
    expect(existsSync(join(dir, "no"))).toBe(false);

    const isDir = await run(file, "--increase", "10%", "--out", dir);
    expect(isDir.code).toBe(2);

    const noOut = await run(file, "--increase", "10%");
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("--out");
  });

  it("is listed in qiyue --help", async () => {
    const io = memoryIo();
    await main(["--help"], io);
    expect(io.out).toMatch(/^\s+renew\s+续签/m);
  });
});

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));

async function penalty(argv: string[]) {
  const io = memoryIo();
  const code = await main(["penalty", ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe("qiyue penalty", () => {
  it("prints the steps and the result: Haidian 8.3 for 5 days is ¥48,782.87", async () => {
    const r = await penalty([example("haidian-2024"), "--clause", "8.3", "--days", "5"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("计算：0.3% × 3,252,191.00 元 × 5 日 = 48,782.865 元，四舍五入到分为 48,782.87 元。");
    expect(r.out.endsWith("结果：48,782.87 元\n")).toBe(true);
  });

  it("--json gives the calculation", async () => {
    const r = await penalty([example("haidian-2024"), "--clause", "8.2", "--days", "15", "--amount", "1,626,095.50", "--json"]);
    const json = JSON.parse(r.out) as { amount: number; input: unknown; steps: string[] };
    expect(json.amount).toBe(7317430);
    expect(json.input).toEqual({ days: 15, amount: 162609550 });
  });

  it("counts occurrences, and says when the termination right opens", async () => {
    const r = await penalty([example("pinggu-2026"), "--clause", "四.3", "--occurrences", "4"]);
    expect(r.out).toContain("✓ 解除权已产生：已发生 4 次，超过 3 次，甲方有权解除合同");
    expect(r.out).toContain("结果：4,000.00 元");
  });

  it("a share of the monthly fee needs the month; a range needs a rate", async () => {
    const month = await penalty([example("sujiatuo-2026"), "--clause", "九.3", "--occurrences", "1", "--month", "2026-04"]);
    expect(month.out).toContain("结果：7,360.42 元");
    const noMonth = await penalty([example("sujiatuo-2026"), "--clause", "九.3", "--occurrences", "1"]);
    expect(noMonth.code).toBe(2);
    expect(noMonth.err).toContain("--month YYYY-MM");
    const range = await penalty([example("pinggu-2026"), "--clause", "四.7"]);
    expect(range.out).toContain("结果：197,910.00 元至 593,730.00 元，须选定比例（--rate）");
    expect((await penalty([example("pinggu-2026"), "--clause", "四.7", "--rate", "20%"])).out).toContain("结果：395,820.00 元");
  });

  it("an unknown clause lists the clauses there are (2)", async () => {
    const r = await penalty([example("haidian-2024"), "--clause", "9.9", "--days", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("合同中的违约条款：第8.2条（逾期付款）、第8.3条（逾期交付）");
  });

  it("refuses bad or conflicting options (2)", async () => {
    expect((await penalty([example("haidian-2024"), "--clause", "8.3", "--days", "5", "--occurrences", "2"])).code).toBe(2);
    expect((await penalty([example("haidian-2024"), "--clause", "8.3", "--days", "-1"])).code).toBe(2);
    expect((await penalty([example("haidian-2024"), "--days", "5"])).code).toBe(2);
    expect((await penalty([example("haidian-2024"), "--clause", "8.3"])).err).toContain("请给出逾期天数（命令行：--days N）");
  });
});

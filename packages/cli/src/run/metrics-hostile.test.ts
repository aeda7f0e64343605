import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { sampleOrders, writeWorkOrdersCsv } from "@qiyue/hotline";
import { collectPeriod, hotlineServiceLevels, metricsConfigOf, reportPlans } from "@qiyue/reports";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { metricsOf } from "./metrics.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const exports = (name: string) => here(`./__fixtures__/exports/${name}`);
const contracts = here("../../../../examples/contracts");

async function qiyue(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("qiyue metrics and the monthly report measure service levels alike", () => {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-levels-"));
  const files = readdirSync(contracts).filter((f) => f.endsWith(".yaml"));
  for (const file of files) {
    it(`agrees on every service level of ${file}`, async () => {
      const { contract } = await loadContract(join(contracts, file));
      const month = contract.term.start.slice(0, 7);
      const orders = join(dir, `${file}.csv`);
      await writeWorkOrdersCsv(orders, sampleOrders({ month, orders: 300, seed: 11 }));
      const figures = await metricsOf({ orders: [orders], previous: [], lenient: false, contract: join(contracts, file) });
      const { config, builtin } = await metricsConfigOf(undefined);
      const collected = await collectPeriod({ files: [orders], config, serviceLevels: hotlineServiceLevels(contract) });
      const [plan] = reportPlans(collected, { contract, orders: { files: [orders] }, builtinConfig: builtin });
      const report = plan!.view.serviceLevels.rows.map((r) => [r.name, r.target, r.achieved, r.status, r.failingCount]);
      expect(figures.levels?.map((l) => [l.name, l.target, l.achieved, l.status, l.failingCount])).toEqual(report);
      const printed = (await qiyue("metrics", "--orders", orders, "--contract", join(contracts, file))).out;
      for (const [name, , achieved, status] of report) {
        expect(printed).toContain(`${name}`);
        expect(printed).toContain(`${achieved}`);
        expect(printed).toContain(status === "pass" ? "达标" : status === "fail" ? "未达标" : "");
      }
      // a clause's problem is a clause of the line, not a sentence inside it
      expect(printed).not.toMatch(/[。；，][，；。]/);
    });
  }
});

describe("qiyue metrics on hostile exports", () => {
  it("stops at an unbalanced quote with its file and row; --lenient lists the row and reads the others", async () => {
    const strict = await qiyue("metrics", "--orders", exports("unbalanced-quote.csv"));
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/unbalanced-quote\.csv 第 6 行：无法拆分成列（引号不成对）.*\[csv-syntax\]/);
    expect(strict.out).toBe("");
    const lenient = await qiyue("metrics", "--orders", exports("unbalanced-quote.csv"), "--lenient");
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain("受理 29 件");
    expect(lenient.out).toContain("数据行 30 行，读入工单 29 件，跳过 1 行");
    expect(lenient.out).toMatch(/unbalanced-quote\.csv 第 6 行：无法拆分成列/);
  });

  it("refuses rows of another width and a duplicated header, naming the row and columns", async () => {
    const short = await qiyue("metrics", "--orders", exports("column-count.csv"));
    expect(short).toMatchObject({ code: 2, out: "" });
    expect(short.err).toContain("column-count.csv 第 4 行：列数与表头不符（本行 5 列，表头 6 列；缺少「满意度」） [column-count]");
    const twice = await qiyue("metrics", "--orders", exports("duplicate-header.csv"));
    expect(twice).toMatchObject({ code: 2, out: "" });
    expect(twice.err).toContain("duplicate-header.csv 第 1 行的表头「满意度」出现了 2 次（第 4 列、第 6 列）");
  });

  it("refuses a mapping that names a column twice or gives a header to two columns, at its line and column", async () => {
    const column = await qiyue("metrics", "--orders", exports("custom.csv"), "--mapping", exports("mapped-twice.yaml"));
    expect(column).toMatchObject({ code: 2, out: "" });
    expect(column.err).toContain("mapped-twice.yaml:4:1: 「满意度」（satisfaction）已在第 3 行给出，同一列只能写一次");
    const header = await qiyue("metrics", "--orders", exports("custom.csv"), "--mapping", exports("header-twice.yaml"));
    expect(header.err).toContain("header-twice.yaml:3:9: 表头「来源」同时映射到「来源渠道」（channel）和「工单状态」（status）");
    const value = await qiyue("metrics", "--orders", exports("custom.csv"), "--mapping", exports("bad-value.yaml"));
    expect(value.err).toContain("bad-value.yaml:3:9: 「满意度」的取值「一般」对应到「还可以」，不可用。可用的对应值：满意、基本满意、不满意、未评价");
  });

  it("reads an export through a mapping with Chinese and English keys and mapped values", async () => {
    const { code, out, err } = await qiyue("metrics", "--orders", exports("custom.csv"), "--mapping", exports("custom.yaml"), "--json");
    expect(code).toBe(0);
    const answers = JSON.parse(out).result.assessment.overall.answers;
    expect(answers).toEqual({ 满意: 1, 基本满意: 1, 不满意: 0, 未评价: 0 });
    expect(JSON.parse(out).result.assessment.overall.response.percent).toBe("100.00%");
    expect(err).not.toContain("满意率");
    const mapped = await metricsOf({ orders: [exports("custom.csv")], previous: [], lenient: false, mapping: exports("custom.yaml"), metricsConfig: "beijing-0.1-0.5-0.4" });
    expect(mapped.result.counts.total).toBe(2);
  });

  it("warns loudly about a figure whose column is absent, and --strict exits 1", async () => {
    const loose = await qiyue("metrics", "--orders", exports("required-only.csv"));
    expect(loose.code).toBe(0);
    expect(loose.err).toContain("qiyue: 警告：数据不全，满意率、综合成绩不能反映实际情况：导出文件没有「满意度」列");
    expect(loose.err).toContain("承办单位排名");
    expect(loose.err).toContain("来源渠道分布");
    expect(loose.out).toContain("数据说明");
    const strict = await qiyue("metrics", "--orders", exports("required-only.csv"), "--strict");
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/--strict：有 \d+ 项指标缺少数据，退出码 1/);
  });

  it("reads a spreadsheet without r= references and stops a shared-strings bomb quickly", async () => {
    expect((await qiyue("metrics", "--orders", exports("no-cell-references.xlsx"))).out).toContain("受理 3 件");
    const started = performance.now();
    const bomb = await qiyue("metrics", "--orders", exports("bomb-understated.xlsx"));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(bomb).toMatchObject({ code: 2, out: "" });
    expect(bomb.err).toMatch(/bomb-understated\.xlsx：其中的 xl\/sharedStrings\.xml 解压后.*压缩炸弹.*\[xlsx-too-large\]/);
  });
});

describe("qiyue mapping init", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "qiyue-mapping-"));
  });

  it("writes a starter mapping from the header, guesses marked, that reads the export", async () => {
    const out = join(dir, "m.yaml");
    const run = await qiyue("mapping", "init", exports("custom.csv"), "--out", out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^工单编号: 流水号 +# 猜测：表头含“流水号”，请核对（必需）：orderNo$/m);
    expect(text).toMatch(/^受理时间: 来电时间 +# 与常见表头一致（必需）：receivedAt$/m);
    expect(text).toMatch(/^满意度: 评价 +# 猜测：表头含“评价”，请核对：satisfaction$/m);
    expect(text).toMatch(/^# 来源渠道: "" +# 未找到：channel$/m);
    const again = await qiyue("mapping", "init", exports("custom.csv"), "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("已存在，未覆盖");
    // the guesses read the export; the words no mapping covers yet are listed, with what is understood
    const read = await qiyue("metrics", "--orders", exports("custom.csv"), "--mapping", out);
    expect(read.code).toBe(2);
    expect(read.err).toContain("custom.csv 第 2 行「评价」列的值「一般」：满意度取值无法识别（可识别：满意、");
  });

  it("names the export it cannot read and writes nothing", async () => {
    const out = join(dir, "none.yaml");
    const run = await qiyue("mapping", "init", exports("bomb-understated.xlsx"), "--out", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain("[xlsx-too-large]");
    expect(existsSync(out)).toBe(false);
  });
});

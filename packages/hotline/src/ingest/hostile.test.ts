import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { HotlineIngestError } from "./errors.js";
import { readError as readFailure, readAll as readFile } from "./read.test-support.js";
import type { ReadWorkOrdersOptions } from "./read-work-orders.js";

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "qiyue-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const name = (file: string) => file.replace(/^.*[\\/]/, "");
const readAll = (file: string, options: ReadWorkOrdersOptions = {}) => readFile(file, name(file), options);
const readError = (file: string, options: ReadWorkOrdersOptions = {}) => readFailure(file, name(file), options);

describe("exports that cannot be split cleanly", () => {
  it("stops at the row of an unbalanced quote, and a lenient read loses that row only", async () => {
    const file = fixture("unbalanced-quote.csv");
    const error = await readError(file);
    expect(error).toMatchObject({ code: "csv-syntax", file: "unbalanced-quote.csv", row: 6 });
    expect(error.message).toMatch(/^unbalanced-quote\.csv 第 6 行：无法拆分成列（引号不成对）（有引号未闭合/);
    const { orders, report } = await readAll(file, { lenient: true });
    expect(report.rows).toBe(30);
    expect(orders).toHaveLength(29);
    expect(report.skipped.rows.map((r) => [r.row, r.reason])).toEqual([[6, "csv-syntax"]]);
    expect(report.orders).toBe(report.rows - report.skipped.count);
  });

  it("reads again the rows an open quote swallowed up to a later quote", async () => {
    const file = fixture("quote-swallows-rows.csv");
    expect(await readError(file)).toMatchObject({ code: "csv-syntax", row: 6 });
    const { orders, report } = await readAll(file, { lenient: true });
    expect(orders.map((o) => o.orderNo)).toEqual(
      Array.from({ length: 30 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`).filter((n) => n !== "Q05"),
    );
    // the quote that closed the swallowed span is a quote inside an unquoted cell: kept as text
    expect(orders.find((o) => o.orderNo === "Q10")?.handlingUnit).toBe('某单位"');
    expect(report.skipped.rows.map((r) => [r.row, r.reason])).toEqual([[6, "csv-syntax"]]);
    expect(report.rows).toBe(30);
    expect(report.orders).toBe(report.rows - report.skipped.count);
  });

  it("refuses rows with fewer or more columns than the header, naming the row and the columns", async () => {
    const file = fixture("column-count.csv");
    const short = await readError(file);
    expect(short).toMatchObject({ code: "column-count", file: "column-count.csv", row: 4 });
    expect(short.message).toBe("column-count.csv 第 4 行：列数与表头不符（本行 5 列，表头 6 列；缺少「满意度」）");
    const { orders, report } = await readAll(file, { lenient: true });
    expect(orders).toHaveLength(28);
    expect(report.skipped.rows.map((r) => [r.row, r.reason])).toEqual([
      [4, "column-count"],
      [8, "column-count"],
    ]);
    expect(report.skipped.rows[1]!.message).toContain("本行 7 列，表头 6 列；第 7 列在表头之外，值为「满意」");
  });

  it("refuses a header the mapping uses twice, with the columns it is in", async () => {
    const error = await readError(fixture("duplicate-header.csv"), { lenient: true });
    expect(error).toMatchObject({ code: "duplicate-header", file: "duplicate-header.csv", row: 1, column: "满意度" });
    expect(error.message).toContain("第 4 列、第 6 列");
  });
});

describe("hostile spreadsheets", () => {
  it("reads a valid sheet whose rows and cells omit their optional r= references", async () => {
    const { orders, report } = await readAll(fixture("no-cell-references.xlsx"));
    expect(report).toMatchObject({ headerRow: 1, rows: 3, orders: 3 });
    expect(orders.map((o) => [o.orderNo, o.receivedAt, o.requestType, o.satisfaction, o.handlingUnit])).toEqual([
      ["N1", "2026-04-01 08:00:00", "投诉", "满意", null],
      ["N2", "2026-04-01 12:00:00", "投诉", null, null],
      ["N3", "2026-04-01 06:00:00", "投诉", null, "滨河街道办事处"],
    ]);
  });

  for (const name of ["bomb-declared.xlsx", "bomb-understated.xlsx"]) {
    it(`stops inflating a shared-strings bomb quickly, in bounded memory (${name})`, async () => {
      const started = performance.now();
      const error = await readError(fixture(name));
      expect(performance.now() - started).toBeLessThan(3000);
      expect(error).toMatchObject({ code: "xlsx-too-large", file: name });
      expect(error.message).toContain(`无法读取 Excel 文件 ${name}：其中的 xl/sharedStrings.xml 解压后`);
      expect(error.message).toContain("压缩炸弹");
    });
  }
});

describe("the readers under arbitrary input", () => {
  const HEADER = "工单编号,受理时间,诉求类型,满意度";
  const cell = fc.oneof(
    fc.constantFrom("满意", "投诉", "2026-04-01 08:00", "", "X1"),
    fc.string({ maxLength: 6, unit: fc.constantFrom("a", "中", ",", '"', "\n", "\r\n", " ") }),
  );
  const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(","));

  it("either reads or stops with a user error, and never loses a row it does not list", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const file = join(dir, `fuzz-${n++}.csv`);
        writeFileSync(file, [HEADER, ...rows].join("\n"));
        try {
          const { orders, report } = await readAll(file, { lenient: true });
          expect(orders.length).toBe(report.rows - report.skipped.count);
        } catch (error) {
          expect(error).toBeInstanceOf(HotlineIngestError);
        }
      }),
      { numRuns: 150, interruptAfterTimeLimit: 10_000 },
    );
  });

  it("never crashes on arbitrary bytes named .xlsx", async () => {
    let n = 0;
    const { zip } = (await import(fixture("make-xlsx.mjs"))) as { zip: (m: { name: string; data: string }[]) => Buffer };
    const sheet = fc.string({ maxLength: 80, unit: fc.constantFrom("<", ">", "/", "row", "c", " r=\"A1\"", " t=\"s\"", "v", "0", "is", "t", "&amp;", "&#x4e2d;", "x") });
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (xml, asZip) => {
        const file = join(dir, `fuzz-${n++}.xlsx`);
        writeFileSync(file, asZip ? zip([{ name: "xl/worksheets/sheet1.xml", data: `<worksheet><sheetData>${xml}</sheetData></worksheet>` }]) : xml);
        try {
          await readAll(file, { lenient: true });
        } catch (error) {
          expect(error).toBeInstanceOf(HotlineIngestError);
        }
      }),
      { numRuns: 100, interruptAfterTimeLimit: 10_000 },
    );
  });
});

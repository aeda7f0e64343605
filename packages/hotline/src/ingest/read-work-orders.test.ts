import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { WorkOrder } from "../orders/work-order.js";
import { loadColumnMapping } from "./mapping-file.js";
import { readError as readFailure, readAll as readFile } from "./read.test-support.js";
import { type ReadWorkOrdersOptions, readWorkOrders } from "./read-work-orders.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "工单编号,受理时间,诉求类型,主办单位,是否联系,满意度";

function csvFile(name: string, lines: readonly string[], encoding: "utf8" | "utf8-bom" | "gbk" = "utf8"): string {
  const text = lines.join("\r\n") + "\r\n";
  const path = join(dir, name);
  const bytes =
    encoding === "gbk"
      ? iconv.encode(text, "gbk")
      : encoding === "utf8-bom"
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
        : Buffer.from(text);
  writeFileSync(path, bytes);
  return path;
}

const name = (file: string) => file.slice(dir.length + 1);
const readAll = (file: string, options: ReadWorkOrdersOptions = {}) => readFile(file, name(file), options);
const readError = (file: string, options: ReadWorkOrdersOptions = {}) => readFailure(file, name(file), options);

describe("readWorkOrders", () => {
  it("reads UTF-8, UTF-8 with BOM and GBK files to the same orders", async () => {
    const lines = [HEADER, "A1,2026-03-01 08:00,投诉,滨河街道办事处,是,满意", "A2,2026/3/2 9:05,求决,兴谷街道办事处,否,不满意"];
    const plain = await readAll(csvFile("plain.csv", lines));
    const bom = await readAll(csvFile("bom.csv", lines, "utf8-bom"));
    const gbk = await readAll(csvFile("gbk.csv", lines, "gbk"));
    expect(plain.report.encoding).toBe("utf8");
    expect(bom.report.encoding).toBe("utf8-bom");
    expect(gbk.report.encoding).toBe("gbk");
    expect(bom.orders).toEqual(plain.orders);
    expect(gbk.orders).toEqual(plain.orders);
    expect(plain.orders.map((o) => [o.orderNo, o.receivedAt, o.requestType, o.contacted, o.satisfaction])).toEqual([
      ["A1", "2026-03-01 08:00:00", "投诉", true, "满意"],
      ["A2", "2026-03-02 09:05:00", "求助", false, "不满意"],
    ]);
    for (const order of plain.orders) expect(WorkOrder.parse(order)).toEqual(order);
  });

  it("fills absent optional columns with null or their default and says which were absent", async () => {
    const { orders, report } = await readAll(csvFile("minimal.csv", ["工单号,来电时间,问题类型", "B1,2026-03-01 08:00,咨询"]));
    expect(orders[0]).toMatchObject({ channel: null, returnCount: 0, counted: true, proactive: false, validFollowUp: null });
    expect(report.absentColumns).toContain("handlingUnit");
    expect(report.columns).toMatchObject({ orderNo: "工单号", receivedAt: "来电时间", requestType: "问题类型" });
  });

  it("finds the header below title rows and counts rows as a spreadsheet does", async () => {
    const file = csvFile("titled.csv", [
      "2026年3月工单明细",
      "",
      HEADER,
      'C1,2026-03-01 08:00,投诉,"多行\n单位",是,满意',
      "",
      "C2,2026-03-01 09:00,催办,某单位,是,满意",
    ]);
    const error = await readError(file);
    expect(error).toMatchObject({ code: "unknown-request-type", file: "titled.csv", row: 6, column: "诉求类型", value: "催办" });
    const { report } = await readAll(file, { lenient: true });
    expect(report).toMatchObject({ headerRow: 3, rows: 2, orders: 1, blankRows: 1 });
  });

  it("stops at the first bad row with its file, row, column and value", async () => {
    const file = csvFile("bad.csv", [
      HEADER,
      "D1,2026-03-01 08:00,投诉,甲,是,满意",
      "D2,2026-13-01 08:00,投诉,甲,是,满意",
      "D3,2026-03-01 08:00,催办,甲,是,满意",
      ",2026-03-01 08:00,投诉,甲,是,满意",
      "D1,2026-03-02 08:00,投诉,甲,是,满意",
      "D4,2026-03-01 08:00,投诉,甲,也许,满意",
      "D5,2026-03-01 08:00,投诉,甲,是,还行",
      "D6,,投诉,甲,是,满意",
      "D7,2026-03-01 10:00,建议,乙,否,",
    ]);
    const error = await readError(file);
    expect(error).toMatchObject({
      code: "bad-time",
      file: "bad.csv",
      row: 3,
      column: "受理时间",
      value: "2026-13-01 08:00",
    });
    expect(error.message).toBe("bad.csv 第 3 行「受理时间」列的值「2026-13-01 08:00」：时间无法识别");
  });

  it("skips bad rows when lenient, counting them by reason and listing them", async () => {
    const file = join(dir, "bad.csv");
    const { orders, report } = await readAll(file, { lenient: true });
    expect(orders.map((o) => o.orderNo)).toEqual(["D1", "D7"]);
    expect(report.skipped.count).toBe(7);
    expect(report.skipped.byReason).toEqual([
      { reason: "missing-order-no", label: "缺少工单编号", count: 1 },
      { reason: "duplicate-order-no", label: "工单编号重复", count: 1 },
      { reason: "missing-value", label: "缺少必填内容", count: 1 },
      { reason: "bad-time", label: "时间无法识别", count: 1 },
      { reason: "unknown-request-type", label: "诉求类型无法识别", count: 1 },
      { reason: "bad-boolean", label: "是/否取值无法识别", count: 1 },
      { reason: "bad-satisfaction", label: "满意度取值无法识别", count: 1 },
    ]);
    expect(report.skipped.rows.map(({ row, column, value, reason }) => [row, column, value, reason])).toEqual([
      [3, "受理时间", "2026-13-01 08:00", "bad-time"],
      [4, "诉求类型", "催办", "unknown-request-type"],
      [5, "工单编号", "", "missing-order-no"],
      [6, "工单编号", "D1", "duplicate-order-no"],
      [7, "是否联系", "也许", "bad-boolean"],
      [8, "满意度", "还行", "bad-satisfaction"],
      [9, "受理时间", "", "missing-value"],
    ]);
    expect(report.skipped.rows[3]).toMatchObject({ file: "bad.csv", message: expect.stringContaining("与第 2 行重复") });
  });

  it("catches a duplicate across files when they share the seen numbers", async () => {
    const { SeenOrderNumbers } = await import("./read-work-orders.js");
    const seen = new SeenOrderNumbers();
    await readAll(csvFile("first.csv", [HEADER, "E1,2026-03-01 08:00,投诉,甲,是,满意"]), { seen });
    const error = await readError(csvFile("second.csv", [HEADER, "E1,2026-03-02 08:00,投诉,甲,是,满意"]), { seen });
    expect(error).toMatchObject({ code: "duplicate-order-no", file: "second.csv", row: 2, value: "E1" });
    expect(error.message).toContain("与 first.csv 第 2 行重复");
  });

  it("names the file and the headers found when a required column is missing", async () => {
    const error = await readError(csvFile("nocol.csv", ["工单编号,受理时间,标题", "F1,2026-03-01 08:00,路灯"]));
    expect(error).toMatchObject({ code: "missing-column", file: "nocol.csv", row: 1 });
    expect(error.message).toContain("nocol.csv");
    expect(error.message).toContain("「诉求类型」");
    expect(error.message).toContain("工单编号、受理时间、标题");
  });

  it("uses a mapping file's headers", async () => {
    const mapping = loadColumnMapping(
      "orderNo: 流水号\nreceivedAt: [来电日期]\nrequestType: 类别\nexcluded: 剔除\n",
      "mapping.yaml",
    );
    const file = csvFile("custom.csv", ["流水号,来电日期,类别,剔除,街道", "G1,2026-03-03 10:00,举报,是,月坛街道", "G2,2026-03-03 11:00,表扬,否,月坛街道"]);
    const { orders } = await readAll(file, { mapping });
    expect(orders.map((o) => [o.orderNo, o.requestType, o.counted, o.street])).toEqual([
      ["G1", "举报", false, "月坛街道"],
      ["G2", "表扬", true, "月坛街道"],
    ]);
    expect((await readError(file)).code).toBe("missing-column");
  });

  it("reads the first sheet of an XLSX file, with date, number and rich-text cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("工单");
    workbook.addWorksheet("说明").addRow(["不读这一页"]);
    sheet.addRow(["导出时间：2026-04-01"]);
    sheet.addRow(["工单编号", "受理时间", "诉求类型", "办理时限", "退单次数", "主办单位", "是否解决"]);
    sheet.addRow([2026030100001, new Date(Date.UTC(2026, 2, 1, 8, 30)), "投诉", new Date(Date.UTC(2026, 2, 8)), 2, { richText: [{ text: "滨河" }, { text: "街道办事处" }] }, true]);
    sheet.addRow(["H2", 46086.5, "咨询", "2026-03-06", null, "兴谷街道办事处", "否"]);
    const file = join(dir, "orders.xlsx");
    await workbook.xlsx.writeFile(file);
    const { orders, report } = await readAll(file);
    expect(report).toMatchObject({ format: "xlsx", encoding: null, headerRow: 2, orders: 2 });
    expect(orders.map((o) => [o.orderNo, o.receivedAt, o.dueAt, o.returnCount, o.handlingUnit, o.resolved])).toEqual([
      ["2026030100001", "2026-03-01 08:30:00", "2026-03-08 23:59:59", 2, "滨河街道办事处", true],
      ["H2", "2026-03-05 12:00:00", "2026-03-06 23:59:59", 0, "兴谷街道办事处", false],
    ]);
  });

  it("keeps Chinese text whole across the chunks of a large shared-strings sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("工单");
    sheet.addRow(["工单编号", "受理时间", "诉求类型", "诉求内容", "主办单位"]);
    const content = (i: number) => `第${i}号：小区门口垃圾桶满溢多日无人清运，气味很大，希望尽快处理。`;
    for (let i = 0; i < 3000; i++) sheet.addRow([`S${i}`, "2026-03-01 08:00", "投诉", content(i), `第${i % 97}街道办事处`]);
    const file = join(dir, "shared.xlsx");
    await workbook.xlsx.writeFile(file);
    const { orders } = await readAll(file);
    expect(orders).toHaveLength(3000);
    expect(orders.filter((o, i) => o.content !== content(i) || o.handlingUnit !== `第${i % 97}街道办事处`)).toEqual([]);
  });

  it("reports an unreadable file", async () => {
    expect(await readError(join(dir, "missing.csv"))).toMatchObject({ code: "file-unreadable" });
    writeFileSync(join(dir, "not.xlsx"), "plain text");
    expect(await readError(join(dir, "not.xlsx"))).toMatchObject({ code: "xlsx-unreadable" });
    expect(await readError(csvFile("empty.csv", []))).toMatchObject({ code: "empty-file" });
  });
});

describe("reading several files and stopping early", () => {
  it("gathers several files into one stream of orders and one skipped list", async () => {
    const { ingestFiles } = await import("./ingest-files.js");
    const first = csvFile("part1.csv", [HEADER, "K1,2026-03-01 08:00,投诉,甲,是,满意", "K2,bad,投诉,甲,是,满意"]);
    const second = csvFile("part2.csv", [HEADER, "K1,2026-03-02 08:00,投诉,甲,是,满意", "K3,2026-03-02 09:00,咨询,乙,否,"]);
    const seen: string[] = [];
    const { reports, skipped } = await ingestFiles([first, second], (o) => seen.push(o.orderNo), { lenient: true });
    expect(seen).toEqual(["K1", "K3"]);
    expect(reports.map((r) => r.orders)).toEqual([1, 1]);
    expect(skipped.summary().rows.map((r) => [r.file, r.row, r.reason])).toEqual([
      [first, 3, "bad-time"],
      [second, 2, "duplicate-order-no"],
    ]);
  });

  it("releases the file when the consumer stops early", async () => {
    const lines = [HEADER];
    for (let i = 0; i < 50_000; i++) lines.push(`L${i},2026-03-01 08:00,投诉,甲,是,满意`);
    const reader = readWorkOrders(csvFile("long.csv", lines));
    let count = 0;
    for await (const _ of reader) if (++count === 10) break;
    expect(count).toBe(10);
    await expect(reader.batches().next()).rejects.toThrow(/already being read/);
  });

  it("names the row where an unclosed quote starts", async () => {
    const { writeFileSync: write } = await import("node:fs");
    const file = join(dir, "unclosed.csv");
    write(file, `${HEADER}\nM1,2026-03-01 08:00,投诉,甲,是,满意\nM2,2026-03-01 08:00,投诉,"${"很长".repeat(600_000)}`);
    expect(await readError(file)).toMatchObject({ code: "csv-syntax", row: 3 });
  });
});

import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tableWorkbookBytes } from "./table-workbook.js";

const sheets = () => [
  { name: "附录四 不纳入考核工单", header: ["工单编号", "受理时间"], rows: Array.from({ length: 3000 }, (_, i) => [`G${i}`, "2026-05-01 08:00"]) },
  { name: "附录六 读取时跳过的数据行", header: ["文件", "行"], rows: [["a.csv", 7]], widths: [20, 6] },
];

describe("tableWorkbookBytes", () => {
  afterEach(() => vi.useRealTimers());

  it("writes the same bytes whatever the clock says", async () => {
    const timestamp = new Date(Date.UTC(2026, 5, 1));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.UTC(2027, 0, 1, 3, 4, 5)));
    const a = await tableWorkbookBytes(sheets(), { timestamp });
    vi.setSystemTime(new Date(Date.UTC(2031, 6, 9, 23, 59, 59)));
    const b = await tableWorkbookBytes(sheets(), { timestamp });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("holds every row under its header, one sheet per table", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await tableWorkbookBytes(sheets(), { timestamp: new Date(0) })) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["附录四 不纳入考核工单", "附录六 读取时跳过的数据行"]);
    const first = workbook.worksheets[0]!;
    expect(first.rowCount).toBe(3001);
    expect(first.getRow(1).values).toEqual([undefined, "工单编号", "受理时间"]);
    expect(first.getRow(3001).getCell(1).value).toBe("G2999");
    expect(workbook.worksheets[1]!.getRow(2).getCell(2).value).toBe(7);
  });
});

import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unzipSync } from "fflate";
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

  it("keeps text as typed: markup characters, line breaks, control characters and a literal _x0041_", async () => {
    const text = 'a&b<c>"d" 换\n行\ttab \u0001 _x0041_ 𠀀';
    const bytes = await tableWorkbookBytes([{ name: "表", header: ["说明"], rows: [[text], [3.25]] }], { timestamp: new Date(0) });
    const xml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain('<t xml:space="preserve">a&amp;b&lt;c&gt;&quot;d&quot; 换\n行\ttab _x0001_ _x005F_x0041_ 𠀀</t>');
    expect(xml).toContain('<c r="A3"><v>3.25</v></c>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    expect(workbook.worksheets[0]!.getRow(3).getCell(1).value).toBe(3.25);
  });

  it("sets every zip entry's time from the timestamp in any time zone, 1980 at the earliest", async () => {
    const times = async (timestamp: Date) => {
      const zip = Buffer.from(await tableWorkbookBytes(sheets(), { timestamp }));
      const found = new Set<string>();
      for (let at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) found.add(`${zip.readUInt16LE(at + 12)}:${zip.readUInt16LE(at + 10)}`);
      return [...found];
    };
    const june = new Date(Date.UTC(2026, 5, 1, 8, 30, 14));
    // 2026-06-01 08:30:14 as MS-DOS words
    expect(await times(june)).toEqual([`${(46 << 9) | (6 << 5) | 1}:${(8 << 11) | (30 << 5) | 7}`]);
    expect(await times(new Date(0))).toEqual([`${(0 << 9) | (1 << 5) | 1}:0`]);
  });

  it("refuses a sheet name Excel cannot hold, and a sheet over Excel's row limit, naming it", async () => {
    const at = { timestamp: new Date(0) };
    await expect(tableWorkbookBytes([{ name: "附录/七", header: ["a"], rows: [] }], at)).rejects.toThrow("工作表名“附录/七”不可用");
    await expect(tableWorkbookBytes([{ name: "x".repeat(32), header: ["a"], rows: [] }], at)).rejects.toThrow("1 至 31 个字符");
    await expect(tableWorkbookBytes([{ name: "表", header: ["a"], rows: [] }, { name: "表", header: ["a"], rows: [] }], at)).rejects.toThrow("重复");
    function* many() {
      for (let i = 0; i < 1_048_576; i++) yield [i];
    }
    await expect(tableWorkbookBytes([{ name: "长表", header: ["a"], rows: many() }], at)).rejects.toThrow("工作表“长表”超过 Excel 的 1048576 行");
  }, 60_000);
});

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { renderDocument } from "../render-document.js";
import { csv, MAY_ROWS, scratch, sujiatuoWithLevels, UNIT_A } from "./testing.js";
import { APPENDIX_AUTO_ROWS, APPENDIX_DOCUMENT_ROWS } from "./view.js";

const { dir, write, remove } = scratch("qiyue-monthly-appendix-");
afterAll(remove);
const contractFile = sujiatuoWithLevels(dir);

/**
 * 137 orders not counted in the assessment, dispatched and never signed (so 签收率 and 反馈率
 * miss on each), the first ten under appeal: with S05 of the fixture, 138 excluded orders,
 * 12 appealed, and 138 orders failing 签收率.
 */
const EXCLUDED = Array.from({ length: 137 }, (_, i) => {
  const no = `E${String(i + 1).padStart(3, "0")}`;
  const day = String((i % 28) + 1).padStart(2, "0");
  const appeal = i < 10 ? "申诉中" : "";
  return `${no},2026-05-${day} 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,${UNIT_A},2026-05-${day} 08:10:00,,2026-06-${day} 08:00:00,,否,,,,否,${appeal},否`;
});
const orders = write("2026-05-long.csv", csv([...MAY_ROWS, ...EXCLUDED]));
const REPORT = "sujiatuo-2026-工作月报-2026-05";
const WORKBOOK = `${REPORT}-附录.xlsx`;

/** The Markdown with the engine's escapes taken out, for comparing prose. */
const plain = (md: string) => md.replace(/\\([\\`*_{}[\]()#+\-.,!|:%/=<>~])/g, "$1").replace(/&#65306;/g, "：");

async function render(out: string, appendix?: "xlsx" | "document" | "auto", formats: ("md" | "docx")[] = ["md"], file = orders) {
  const outDir = join(dir, out);
  const paths = await renderDocument({
    template: "monthly-report",
    contract: contractFile,
    formats,
    outDir,
    sourceDateEpoch: 1_780_000_000,
    orders: { files: [file], month: "2026-05", ...(appendix === undefined ? {} : { appendix }) },
  });
  return { paths, outDir, md: plain(readFileSync(join(outDir, `${REPORT}.md`), "utf8")) };
}

describe("the monthly report's appendices list every order", () => {
  it("prints all 138 excluded orders and every order failing a service level, none left out", async () => {
    const { md, paths } = await render("every");
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual([`${REPORT}.md`]);
    expect(md).toContain("本月不纳入考核的工单共 138 件，明细如下。");
    for (const order of EXCLUDED) expect(md).toContain(`| ${order.slice(0, 4)} | 2026-05-`);
    expect(md).toContain("| S05 | 2026-05-03 12:00 |");
    expect(md).not.toContain("未列出");
    expect(md).not.toContain("前 20 件");
    const signRate = md.split("\n").find((line) => line.startsWith("| 签收率 | 138 |"))!;
    expect(signRate).toBeDefined();
    expect(signRate.split("、")).toHaveLength(138);
    expect(signRate).toContain("E137");
    expect(signRate).not.toContain("……");
  });
});

describe("a list too long to print", () => {
  // as many excluded orders (none appealed) as the report prints by default, and one more with S05
  const many = Array.from({ length: APPENDIX_AUTO_ROWS }, (_, i) => EXCLUDED[10]!.replace(/^E011/, `L${String(i + 1).padStart(4, "0")}`));
  const longFile = write("2026-05-longer.csv", csv([...MAY_ROWS, ...many]));

  it(`goes to the workbook by default when longer than ${APPENDIX_AUTO_ROWS} rows; a short one stays in the report`, async () => {
    const { md, paths } = await render("auto", undefined, ["md"], longFile);
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual([`${REPORT}.md`, WORKBOOK]);
    expect(md).toContain(`本月不纳入考核的工单共 ${APPENDIX_AUTO_ROWS + 1} 件，全部列于随本报告提交的《${WORKBOOK}》工作表“附录四 不纳入考核工单”。`);
    expect(md).not.toContain("| L1000 |");
    // the appeals are few: listed in the report
    expect(md).toContain("本月有申诉记录的工单共 2 件");
    expect(md).not.toContain("工作表“附录五");
  });

  it("stays in the report with --appendix document, every order printed", async () => {
    const { md, paths } = await render("document", "document", ["md"], longFile);
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual([`${REPORT}.md`]);
    expect(md).toContain(`本月不纳入考核的工单共 ${APPENDIX_AUTO_ROWS + 1} 件，明细如下。`);
    expect(md).toContain("| L1000 |");
  });
});

describe("--appendix xlsx", () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.TZ;
  });

  it(`moves a list longer than ${APPENDIX_DOCUMENT_ROWS} rows to one workbook beside the report and says where`, async () => {
    const { md, paths, outDir } = await render("xlsx", "xlsx");
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual([`${REPORT}.md`, WORKBOOK]);
    expect(md).toContain(`本月不纳入考核的工单共 138 件，全部列于随本报告提交的《${WORKBOOK}》工作表“附录四 不纳入考核工单”。`);
    expect(md).toContain(`各项合计共 277 件，全部列于随本报告提交的《${WORKBOOK}》工作表“附录七 未达标服务标准涉及的工单”。`);
    expect(md).not.toContain("| E137 |");
    // a short list stays in the report
    expect(md).toContain("本月有申诉记录的工单共 12 件");
    expect(md).toContain("| E010 | 2026-05-10 08:00 | 投诉 |");
    expect(md).not.toContain("工作表“附录五");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(outDir, WORKBOOK)) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["附录四 不纳入考核工单", "附录七 未达标服务标准涉及的工单"]);
    const excluded = workbook.getWorksheet("附录四 不纳入考核工单")!;
    expect(excluded.getRow(1).values).toEqual([undefined, "工单编号", "受理时间", "类型", "街乡镇", "承办单位", "分类"]);
    const numbers: unknown[] = [];
    excluded.eachRow((row, n) => {
      if (n > 1) numbers.push(row.getCell(1).value);
    });
    expect(numbers).toHaveLength(138);
    expect(new Set(numbers)).toEqual(new Set(["S05", ...EXCLUDED.map((o) => o.slice(0, 4))]));
    expect(excluded.getRow(2).values).toEqual([undefined, "S05", "2026-05-03 12:00", "咨询", "苏家坨镇", "海淀区水务局", "市场管理 / 消费维权 / 预付卡退费"]);
    const failing = workbook.getWorksheet("附录七 未达标服务标准涉及的工单")!;
    expect(failing.rowCount).toBe(1 + 277);
    expect(failing.getRow(2).values).toEqual([undefined, "签收率", "S03"]);
  });

  it("writes the same workbook and report whatever the clock and the time zone", async () => {
    process.env.TZ = "Asia/Shanghai";
    const first = await render("tz-1", "xlsx", ["md", "docx"]);
    process.env.TZ = "America/Los_Angeles";
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.UTC(2031, 6, 9, 23, 59, 59)));
    const second = await render("tz-2", "xlsx", ["md", "docx"]);
    for (const name of [WORKBOOK, `${REPORT}.docx`]) {
      expect(readFileSync(join(second.outDir, name)).equals(readFileSync(join(first.outDir, name))), name).toBe(true);
    }
  });

  it("writes the report and its workbook together or not at all", async () => {
    const outDir = join(dir, "blocked");
    mkdirSync(join(outDir, WORKBOOK), { recursive: true });
    await expect(render("blocked", "xlsx")).rejects.toMatchObject({ code: "EISDIR" });
    expect(existsSync(join(outDir, `${REPORT}.md`))).toBe(false);
  });
});

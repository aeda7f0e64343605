import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { APPENDIX_AUTO_ROWS, APPENDIX_DOCUMENT_ROWS } from "@qiyue/reports";
import { describe, expect, it } from "vitest";
import { ExitError } from "../exit.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { renderRequest, spreadFileLists } from "./render.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), "qiyue-cli-monthly-"));

const HEADER =
  "工单编号,受理时间,来源渠道,诉求类型,一级分类,二级分类,三级分类,街乡镇,社区,主办单位,派单时间,签收时间,办理时限,办结时间,是否有效回访,是否联系,是否解决,满意度,是否纳入考核,申诉状态,是否主动治理";
const row = (no: string, day: string, unit: string, satisfaction: string) =>
  `${no},2026-05-${day} 09:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,马坊镇,马坊村,${unit},2026-05-${day} 09:10:00,2026-05-${day} 09:20:00,2026-05-${day} 18:00:00,2026-05-${day} 12:00:00,是,是,是,${satisfaction},是,,否`;
const ROWS = [
  row("M01", "01", "马坊镇人民政府", "满意"),
  row("M02", "02", "马坊镇人民政府", "基本满意"),
  row("M03", "03", "平谷区水务局", "不满意"),
  row("M04", "04", "平谷区城市管理委员会", "满意"),
];
const BAD = "M05,2026-05-05 09:00:00,电话,抱怨,城乡建设,市容环卫,垃圾清运,马坊镇,马坊村,平谷区水务局,,,,,否,,,,是,,否";

function orders(dir: string, rows: string[], name = "orders.csv"): string {
  const file = join(dir, name);
  writeFileSync(file, [HEADER, ...rows].join("\r\n") + "\r\n");
  return file;
}

function usage(argv: string[]): string {
  try {
    renderRequest(argv, { cwd: "/srv/contracts", env: {} });
  } catch (e) {
    expect(e).toBeInstanceOf(ExitError);
    expect((e as ExitError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

describe("qiyue render monthly-report: arguments", () => {
  it("reads several files after --orders and --previous", () => {
    expect(spreadFileLists(["monthly-report", "--orders", "a.csv", "b.xlsx", "--previous", "p.csv", "--lenient"])).toEqual([
      "monthly-report",
      "--orders",
      "a.csv",
      "--orders",
      "b.xlsx",
      "--previous",
      "p.csv",
      "--lenient",
    ]);
    const request = renderRequest(
      [
        "monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "b.csv", "--previous", "p.csv", "--month", "2026-05",
        "--notes", "n.md", "--mapping", "m.yaml", "--metrics-config", "beijing-0.3-0.35-0.35", "--lenient", "--split-by", "street",
      ],
      { cwd: "/srv/contracts", env: {} },
    );
    expect(request.orders).toEqual({
      files: ["/srv/contracts/a.csv", "/srv/contracts/b.csv"],
      previous: ["/srv/contracts/p.csv"],
      month: "2026-05",
      notesFile: "/srv/contracts/n.md",
      mappingFile: "/srv/contracts/m.yaml",
      metricsConfig: "beijing-0.3-0.35-0.35",
      lenient: true,
      splitBy: "street",
    });
    expect(renderRequest(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--metrics-config", "口径.yaml"], { cwd: "/srv/contracts", env: {} }).orders)
      .toMatchObject({ metricsConfig: "/srv/contracts/口径.yaml" });
    expect(renderRequest(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--audience", "client"], { cwd: "/", env: {} }).orders).toMatchObject({
      audience: "client",
    });
  });

  it("refuses what cannot be used (exit 2)", () => {
    expect(usage(["monthly-report", "--contract", "c.yaml", "--lenient"])).toContain("--lenient 只用于由工单数据生成的文档");
    expect(usage(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--month", "2026-13"])).toContain("YYYY-MM");
    expect(usage(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--split-by", "unit"])).toContain("handling-unit");
    expect(usage(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--audience", "finance"])).toContain("vendor");
    expect(usage(["acceptance", "--contract", "c.yaml", "--audience", "client"])).toContain("--audience 只用于由工单数据生成的文档");
    expect(usage(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--appendix", "xls"])).toContain("--appendix 只能是 auto");
    expect(usage(["monthly-report", "--contract", "c.yaml", "--appendix", "xlsx"])).toContain("--appendix 只用于由工单数据生成的文档");
  });

  it("--appendix xlsx asks for the long lists in a workbook; --help says so", async () => {
    const request = renderRequest(["monthly-report", "--contract", "c.yaml", "--orders", "a.csv", "--appendix", "xlsx"], { cwd: "/srv/contracts", env: {} });
    expect(request.orders?.appendix).toBe("xlsx");
    const io = memoryIo();
    expect(await main(["render", "--help"], io)).toBe(0);
    expect(io.out).toContain("[--appendix auto|document|xlsx]");
    expect(io.out).toContain(`超过 ${APPENDIX_AUTO_ROWS} 行的清单写入报告旁的《<报告名>-附录.xlsx》`);
    expect(io.out).toContain(`--appendix xlsx 超过 ${APPENDIX_DOCUMENT_ROWS} 行即写入工作簿，--appendix document 全部印在报告里`);
  });
});

describe("qiyue render monthly-report", () => {
  it("a template that needs orders says so; another template refuses them (exit 2)", async () => {
    const io = memoryIo();
    expect(await main(["render", "monthly-report", "--contract", example("pinggu-2026"), "--out", temp()], io)).toBe(2);
    expect(io.err).toContain("需要 --orders");
    const dir = temp();
    const other = memoryIo();
    expect(await main(["render", "acceptance", "--contract", example("pinggu-2026"), "--orders", orders(dir, ROWS), "--out", dir], other)).toBe(2);
    expect(other.err).toContain("不使用工单数据");
  });

  it("stops at a bad row in strict mode (exit 2) naming the file, row, column and value, and writes nothing", async () => {
    const dir = temp();
    const file = orders(dir, [...ROWS, BAD], "bad.csv");
    const out = join(dir, "out");
    const io = memoryIo();
    expect(await main(["render", "monthly-report", "--contract", example("pinggu-2026"), "--orders", file, "--out", out], io)).toBe(2);
    expect(io.err).toContain(`${file} 第 6 行「诉求类型」列的值「抱怨」：诉求类型无法识别`);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).not.toContain("out");
  });

  it("skips it with --lenient and lists it in the appendix", async () => {
    const dir = temp();
    const file = orders(dir, [...ROWS, BAD], "bad.csv");
    const io = memoryIo();
    const code = await main(["render", "monthly-report", "--contract", example("pinggu-2026"), "--orders", file, "--lenient", "--format", "md", "--out", dir], io);
    expect(code).toBe(0);
    const md = readFileSync(join(dir, "pinggu-2026-工作月报-2026-05.md"), "utf8");
    expect(md).toContain("| 诉求类型无法识别 | 1 |");
    expect(md).toContain("| bad\\.csv | 6 | 诉求类型 | 抱怨 | 诉求类型无法识别 |");
  });

  it("--appendix xlsx writes each report's long lists beside it, named after it, and prints its path", async () => {
    const dir = temp();
    const excluded = Array.from({ length: APPENDIX_DOCUMENT_ROWS + 1 }, (_, i) =>
      row(`X${String(i + 1).padStart(2, "0")}`, String((i % 28) + 1).padStart(2, "0"), "平谷区水务局", "满意").replace(/,是,,否$/, ",否,,否"),
    );
    const file = orders(dir, [...ROWS, ...excluded]);
    const io = memoryIo({ SOURCE_DATE_EPOCH: "1767225600" });
    const argv = ["render", "monthly-report", "--contract", example("pinggu-2026"), "--orders", file, "--split-by", "handling-unit", "--format", "md", "--appendix", "xlsx", "--out", dir];
    expect(await main(argv, io)).toBe(0);
    const report = "pinggu-2026-工作月报-2026-05-平谷区水务局";
    const written = io.out.trim().split("\n").map((p) => p.replace(/^.*[\\/]/, ""));
    expect(written).toContain(`${report}-附录.xlsx`);
    expect(written.filter((p) => p.endsWith(".xlsx"))).toHaveLength(1);
    expect(readdirSync(dir)).toContain(`${report}-附录.xlsx`);
    const md = readFileSync(join(dir, `${report}.md`), "utf8").replace(/\\(.)/g, "$1");
    expect(md).toContain(`本月不纳入考核的工单共 ${APPENDIX_DOCUMENT_ROWS + 1} 件，全部列于随本报告提交的《${report}-附录.xlsx》工作表“附录四 不纳入考核工单”。`);
  }, 120_000);

  it("--split-by handling-unit writes one report per unit, the same bytes run after run, progress on stderr", async () => {
    const dir = temp();
    const file = orders(dir, ROWS);
    const run = async (out: string) => {
      const io = memoryIo({ SOURCE_DATE_EPOCH: "1767225600" });
      const argv = ["render", "monthly-report", "--contract", example("pinggu-2026"), "--orders", file, "--split-by", "handling-unit", "--out", join(dir, out)];
      expect(await main(argv, io)).toBe(0);
      return io;
    };
    const first = await run("a");
    const second = await run("b");
    const units = ["平谷区城市管理委员会", "平谷区水务局", "马坊镇人民政府"];
    const names = units.flatMap((u) => [`pinggu-2026-工作月报-2026-05-${u}.docx`, `pinggu-2026-工作月报-2026-05-${u}.pdf`]);
    expect(readdirSync(join(dir, "a")).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(readFileSync(join(dir, "b", name)).equals(readFileSync(join(dir, "a", name))), name).toBe(true);
    }
    // stdout: the files in group order; stderr: one line per report as it is written
    expect(first.out.trim().split("\n")).toEqual(names.map((n) => join(dir, "a", n)));
    expect(first.err).toContain("共 3 份报告");
    expect(first.err.match(/^\[\d\/3\] /gm)).toHaveLength(3);
    expect(second.out).toBe(first.out.replaceAll(join(dir, "a"), join(dir, "b")));
  }, 120_000); // three split renders on worker threads: slow on a busy 2-core CI
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkOrders } from "../ingest/read-work-orders.js";
import { HotlineMetrics } from "./accumulator.js";
import type { HotlineMetricsResult } from "./result.js";
import { builtinMetricsConfig } from "./schemes.js";
import type { ServiceLevel } from "./service-levels.js";

// Nine orders of March 2026 in four handling units. Every expected figure below is
// worked out by hand from this table, not by running the code.
const A = "滨河街道办事处";
const B = "兴谷街道办事处";
const C = "区城市管理委员会";
const D = "区水务局";
const HEADER =
  "工单编号,受理时间,来源渠道,诉求类型,一级分类,二级分类,三级分类,街乡镇,社区,主办单位,派单时间,签收时间,办理时限,办结时间,是否有效回访,是否联系,是否解决,满意度,是否纳入考核,申诉状态,是否主动治理";
const ROWS = [
  `H001,2026-03-01 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,滨河街道,建西社区,${A},2026-03-01 08:10:00,2026-03-01 08:20:00,2026-03-08 08:00:00,2026-03-02 10:00:00,是,是,是,满意,是,,否`,
  `H002,2026-03-01 09:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,滨河街道,建南社区,${A},2026-03-01 09:45:00,2026-03-01 09:50:00,2026-03-08 09:00:00,2026-03-09 10:00:00,是,是,否,基本满意,是,,否`,
  `H003,2026-03-02 10:00:00,网络,求助,城乡建设,市政设施,路灯不亮,兴谷街道,兴谷社区,${B},2026-03-02 10:05:00,,2026-03-09 10:00:00,,否,,,,是,,否`,
  `H004,2026-03-02 11:00:00,电话,求助,交通管理,停车管理,违章停车,兴谷街道,兴谷社区,${B},2026-03-02 11:20:00,2026-03-02 11:30:00,2026-03-09 11:00:00,2026-03-05 11:00:00,是,否,否,不满意,是,申诉中,否`,
  `H005,2026-03-03 12:00:00,APP,咨询,市场管理,消费维权,预付卡退费,滨河街道,建西社区,${C},2026-03-03 12:30:00,2026-03-03 12:40:00,2026-03-05 12:00:00,2026-03-04 12:00:00,是,是,是,基本满意,否,申诉通过,否`,
  `H006,2026-03-03 13:00:00,电话,举报,城乡建设,市容环卫,道路清扫,滨河街道,建西社区,${C},2026-03-03 13:10:00,2026-03-03 13:15:00,2026-03-18 13:00:00,2026-03-10 13:00:00,是,是,否,不满意,是,,否`,
  `H007,2026-03-05 14:00:00,电话,建议,交通管理,公共交通,公交线路,兴谷街道,胜利街社区,${A},2026-03-05 14:20:00,2026-03-05 14:30:00,2026-03-20 14:00:00,2026-03-12 14:00:00,是,是,是,满意,是,,是`,
  `H008,2026-03-05 15:00:00,主动治理,投诉,城乡建设,市容环卫,垃圾清运,滨河街道,建南社区,${A},,,2026-03-12 15:00:00,,否,,,,是,,是`,
  `H009,2026-03-31 23:30:00,电话,表扬,城乡建设,市容环卫,垃圾清运,滨河街道,建西社区,${D},2026-03-31 23:40:00,2026-03-31 23:50:00,2026-04-07 23:30:00,,否,,,,是,,否`,
];
const TEXT = [HEADER, ...ROWS].join("\r\n") + "\r\n";

const SERVICE_LEVELS: ServiceLevel[] = [
  { id: "sign", metric: "sign-rate" },
  { id: "dispatch", metric: "dispatch-rate" },
  { id: "on-time", metric: "on-time-close-rate" },
  { id: "feedback", metric: "feedback-rate", target: 750_000 },
  { id: "dispatch-30", metric: "dispatch-within-minutes", minutes: 30 },
  { id: "zero-score", metric: "zero-score-orders", target: 800_000 },
];

const dir = mkdtempSync(join(tmpdir(), "qiyue-metrics-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function metricsOf(file: string, previous?: HotlineMetricsResult["counts"]): Promise<HotlineMetricsResult> {
  const metrics = new HotlineMetrics({
    config: builtinMetricsConfig("beijing-0.1-0.5-0.4"),
    month: "2026-03",
    serviceLevels: SERVICE_LEVELS,
    listLimit: 2,
  });
  await metrics.addAll(readWorkOrders(file));
  return metrics.finish({
    ...(previous === undefined ? {} : { previousMonth: previous }),
    sameMonthLastYear: { total: 6 },
  });
}

async function writeXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("工单明细");
  sheet.addRow(HEADER.split(","));
  for (const row of ROWS) {
    const cells: (string | Date)[] = row.split(",");
    // Times as real date cells, as an Excel user would type them.
    for (const i of [1, 10, 11, 12, 13]) {
      const text = cells[i] as string;
      if (text !== "") cells[i] = new Date(text.replace(" ", "T") + "Z");
    }
    sheet.addRow(cells);
  }
  await workbook.xlsx.writeFile(file);
}

const files = {
  gbk: join(dir, "2026-03-gbk.csv"),
  bom: join(dir, "2026-03-bom.csv"),
  xlsx: join(dir, "2026-03.xlsx"),
  february: join(dir, "2026-02.csv"),
};

beforeAll(async () => {
  writeFileSync(files.gbk, iconv.encode(TEXT, "gbk"));
  writeFileSync(files.bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
  await writeXlsx(files.xlsx);
  writeFileSync(
    files.february,
    [
      "工单编号,受理时间,诉求类型",
      "P001,2026-02-10 09:00:00,投诉",
      "P002,2026-02-11 09:00:00,咨询",
    ].join("\n"),
  );
});

describe("monthly metrics of a hand-built export", () => {
  let result: HotlineMetricsResult;

  beforeAll(async () => {
    const february = new HotlineMetrics({ config: builtinMetricsConfig("beijing-0.1-0.5-0.4"), month: "2026-02" });
    await february.addAll(readWorkOrders(files.february));
    result = await metricsOf(files.gbk, february.counts());
  });

  it("gives the same result from GBK CSV, UTF-8 BOM CSV and XLSX", async () => {
    const fromGbk = await metricsOf(files.gbk);
    expect(await metricsOf(files.bom)).toEqual(fromGbk);
    expect(await metricsOf(files.xlsx)).toEqual(fromGbk);
  });

  it("counts by type, channel, category, place, unit and day", () => {
    const c = result.counts;
    expect([c.total, c.counted, c.excluded, c.appealed, c.proactive]).toEqual([9, 8, 1, 2, 2]);
    expect(c.byRequestType.map((r) => [r.key, r.count, r.share])).toEqual([
      ["咨询", 1, "11.11%"],
      ["求助", 2, "22.22%"],
      ["投诉", 3, "33.33%"],
      ["举报", 1, "11.11%"],
      ["建议", 1, "11.11%"],
      ["表扬", 1, "11.11%"],
    ]);
    expect(c.byChannel.map((r) => [r.key, r.count])).toEqual([
      ["电话", 6],
      ["APP", 1],
      ["主动治理", 1],
      ["网络", 1],
    ]);
    expect(c.categoryTop.level1.map((r) => [r.key, r.count, r.share])).toEqual([
      ["城乡建设", 6, "66.67%"],
      ["交通管理", 2, "22.22%"],
      ["市场管理", 1, "11.11%"],
    ]);
    expect(c.categoryTop.level2.map((r) => [r.key, r.count])).toEqual([
      ["城乡建设 / 市容环卫", 5],
      ["交通管理 / 停车管理", 1],
      ["交通管理 / 公共交通", 1],
      ["城乡建设 / 市政设施", 1],
      ["市场管理 / 消费维权", 1],
    ]);
    expect(c.categoryTop.level3[0]).toEqual({
      key: "城乡建设 / 市容环卫 / 垃圾清运",
      path: ["城乡建设", "市容环卫", "垃圾清运"],
      count: 4,
      share: "44.44%",
    });
    expect(c.byStreet.map((r) => [r.key, r.count])).toEqual([
      ["滨河街道", 6],
      ["兴谷街道", 3],
    ]);
    expect(c.byCommunity.map((r) => [r.key, r.count])).toEqual([
      ["滨河街道 / 建西社区", 4],
      ["兴谷街道 / 兴谷社区", 2],
      ["滨河街道 / 建南社区", 2],
      ["兴谷街道 / 胜利街社区", 1],
    ]);
    expect(c.byHandlingUnit.map((r) => [r.key, r.count])).toEqual([
      [A, 4],
      [B, 2],
      [C, 2],
      [D, 1],
    ]);
    expect(c.byDay).toHaveLength(31);
    expect(c.byDay.filter((r) => r.count > 0).map((r) => [r.key, r.count])).toEqual([
      ["2026-03-01", 2],
      ["2026-03-02", 2],
      ["2026-03-03", 2],
      ["2026-03-05", 2],
      ["2026-03-31", 1],
    ]);
    expect(c.outsideMonth).toBe(0);
  });

  it("computes the three rates and the composite over counted valid follow-ups", () => {
    // Base: H001, H002, H004, H006, H007 (H005 excluded; H003, H008, H009 no valid visit).
    const overall = result.assessment.overall;
    expect([overall.orders, overall.counted, overall.base]).toEqual([9, 8, 5]);
    expect(overall.response).toEqual({ numerator: "4", denominator: 5, ppm: 800000, percent: "80.00%" });
    expect(overall.resolution).toEqual({ numerator: "2", denominator: 5, ppm: 400000, percent: "40.00%" });
    // 1 + 0.9 + 0 + 0 + 1 = 2.9
    expect(overall.satisfaction).toEqual({ numerator: "2.9", denominator: 5, ppm: 580000, percent: "58.00%" });
    // 100 × (0.1 × 0.8 + 0.5 × 0.4 + 0.4 × 0.58) = 51.2
    expect(overall.composite.value).toBe("51.20");
    expect(overall.answers).toEqual({ 满意: 2, 基本满意: 1, 不满意: 2, 未评价: 0 });
  });

  it("computes them per handling unit, — where a unit has no base", () => {
    const byUnit = Object.fromEntries(result.assessment.byHandlingUnit.map((u) => [u.unit, u]));
    expect(result.assessment.byHandlingUnit.map((u) => u.unit)).toEqual([A, B, C, D]);
    // A: H001, H002, H007 → contacted 3/3, resolved 2/3, satisfaction 2.9/3; 10 + 33.33… + 38.66… = 82
    expect(byUnit[A]).toMatchObject({
      orders: 4,
      counted: 4,
      base: 3,
      response: { percent: "100.00%" },
      resolution: { percent: "66.67%" },
      satisfaction: { numerator: "2.9", percent: "96.67%" },
      composite: { value: "82.00" },
    });
    expect(byUnit[B]).toMatchObject({ base: 1, response: { percent: "0.00%" }, composite: { value: "0.00" } });
    // C: H005 excluded, H006 contacted only → 100 × 0.1 = 10
    expect(byUnit[C]).toMatchObject({ orders: 2, counted: 1, base: 1, composite: { value: "10.00" } });
    expect(byUnit[D]).toMatchObject({
      base: 0,
      response: { percent: "—", ppm: null },
      satisfaction: { percent: "—" },
      composite: { value: "—", exact: null },
    });
  });

  it("measures the service levels and names the failing orders", () => {
    const levels = Object.fromEntries(result.serviceLevels.map((s) => [s.id, s]));
    const summary = (id: string) => {
      const s = levels[id]!;
      return [s.achieved.numerator, s.achieved.denominator, s.achieved.percent, s.status, s.failing.count, s.failing.orders];
    };
    expect(summary("sign")).toEqual(["7", 8, "87.50%", "fail", 1, ["H003"]]);
    expect(summary("dispatch")).toEqual(["8", 9, "88.89%", "fail", 1, ["H008"]]);
    // Due in March: all but H009; late or open: H002, H003, H008 (list capped at 2).
    expect(summary("on-time")).toEqual(["5", 8, "62.50%", "fail", 3, ["H002", "H003"]]);
    expect(levels["on-time"]!.failing.unlisted).toBe(1);
    expect(summary("feedback")).toEqual(["6", 8, "75.00%", "pass", 2, ["H003", "H009"]]);
    // H005 took exactly 30 minutes: within.
    expect(summary("dispatch-30")).toEqual(["7", 8, "87.50%", "fail", 1, ["H002"]]);
    expect(levels["dispatch-30"]!.label).toBe("30 分钟内派单率");
    expect(summary("zero-score")).toEqual(["4", 5, "80.00%", "pass", 1, ["H004"]]);
    expect(levels["zero-score"]!.target).toEqual({ ppm: 800000, percent: "80.00%" });
  });

  it("lists excluded and appealed orders", () => {
    expect(result.excluded.count).toBe(1);
    expect(result.excluded.orders[0]).toEqual({
      orderNo: "H005",
      receivedAt: "2026-03-03 12:00:00",
      requestType: "咨询",
      handlingUnit: C,
      street: "滨河街道",
      category: "市场管理 / 消费维权 / 预付卡退费",
      appealState: "申诉通过",
    });
    expect(result.appealed.orders.map((o) => o.orderNo)).toEqual(["H004", "H005"]);
    expect(result.appealed.byState.map((r) => [r.key, r.count])).toEqual([
      ["申诉中", 1],
      ["申诉通过", 1],
    ]);
  });

  it("compares with the previous month and the same month last year", () => {
    const mom = result.changes.monthOnMonth!;
    expect(mom.total).toEqual({ current: 9, previous: 2, delta: 7, rate: "+350.00%" });
    expect(mom.byRequestType!.map((r) => [r.key, r.rate])).toEqual([
      ["咨询", "0.00%"],
      ["求助", "—"],
      ["投诉", "+200.00%"],
      ["举报", "—"],
      ["建议", "—"],
      ["表扬", "—"],
    ]);
    expect(result.changes.yearOnYear).toEqual({
      total: { current: 9, previous: 6, delta: 3, rate: "+50.00%" },
      byRequestType: null,
    });
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

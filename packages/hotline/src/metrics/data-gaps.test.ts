import { describe, expect, it } from "vitest";
import { COLUMN_KEYS } from "../orders/fields.js";
import type { WorkOrder } from "../orders/work-order.js";
import { sampleOrders } from "../sample/generate.js";
import { HotlineMetrics } from "./accumulator.js";
import { dataGaps } from "./data-gaps.js";
import { builtinMetricsConfig } from "./schemes.js";
import { parseServiceLevels } from "./service-levels.js";

const config = builtinMetricsConfig("beijing-0.1-0.5-0.4");
const levels = parseServiceLevels([
  { id: "on-time", metric: "on-time-close-rate" },
  { id: "sign", metric: "sign-rate" },
]);

function figures(month?: string, orders: Iterable<WorkOrder> = sampleOrders({ month: "2026-04", orders: 400, seed: 7 })) {
  const metrics = new HotlineMetrics({ config, serviceLevels: levels, ...(month === undefined ? {} : { month }) });
  for (const order of orders) metrics.add(order);
  return metrics;
}

describe("the month fixed after reading", () => {
  it("gives the figures of an accumulator that knew the month before", () => {
    // orders of two months: March's spill into the count and the due dates of April
    const orders = [...sampleOrders({ month: "2026-03", orders: 50, seed: 3 }), ...sampleOrders({ month: "2026-04", orders: 400, seed: 7 })];
    const late = figures(undefined, orders);
    late.fixMonth("2026-04");
    expect(late.finish()).toEqual(figures("2026-04", orders).finish());
  });
});

describe("dataGaps", () => {
  const complete = { file: "a.csv", absentColumns: [] };

  it("finds nothing to say about a complete export", () => {
    expect(dataGaps(figures().finish().coverage, [complete])).toEqual([]);
  });

  it("names the figures a missing column leaves unsupported, never a silent 0 %", () => {
    const orders = [...sampleOrders({ month: "2026-04", orders: 200, seed: 7 })].map((o) => ({ ...o, satisfaction: null, handlingUnit: null, channel: null }));
    const coverage = figures("2026-04", orders).finish().coverage;
    const absent = ["satisfaction", "handlingUnit", "channel"] as const;
    const gaps = dataGaps(coverage, [{ file: "a.csv", absentColumns: [...absent] }], [{ metric: "sign-rate", label: "签收率" }]);
    expect(gaps.map((g) => g.figure)).toEqual(["满意率、综合成绩", "承办单位排名", "来源渠道分布"]);
    expect(gaps[0]!.text).toBe("导出文件没有「满意度」列，这些工单计入满意率分母，按未评价处理");
  });

  it("warns when more than 5 % of the orders a figure counts are empty", () => {
    const orders = [...sampleOrders({ month: "2026-04", orders: 200, seed: 7 })].map((o, i) => (i % 10 === 0 ? { ...o, channel: null } : o));
    const gaps = dataGaps(figures("2026-04", orders).finish().coverage, [complete]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ figure: "来源渠道分布", of: 200, empty: 20, share: "10.00%" });
    expect(gaps[0]!.text).toBe("全部工单 200 件中 20 件（10.00%）的「来源渠道」为空，这些工单归入“（未填写）”");
  });

  it("says which service level cannot be measured without its columns", () => {
    const gaps = dataGaps(figures().finish().coverage, [{ file: "a.csv", absentColumns: ["signedAt"] }], [{ metric: "sign-rate", label: "签收率" }]);
    expect(gaps.map((g) => [g.figure, g.text])).toEqual([["服务标准“签收率”", "导出文件没有「签收时间」列，该项无法如实计量"]]);
  });

  it("says when no column tells which orders count in the assessment", () => {
    const absent = COLUMN_KEYS.filter((k) => k === "counted" || k === "excluded");
    const gaps = dataGaps(figures().finish().coverage, [{ file: "a.csv", absentColumns: absent }]);
    expect(gaps.map((g) => g.figure)).toEqual(["纳入考核工单数、三率、综合成绩"]);
  });
});

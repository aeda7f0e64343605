import { describe, expect, it } from "vitest";
import type { WorkOrder } from "../orders/work-order.js";
import { HotlineMetrics } from "./accumulator.js";
import { parseMetricsConfig } from "./config.js";
import { BUILTIN_METRICS_SCHEMES, builtinMetricsConfig } from "./schemes.js";
import { parseServiceLevels } from "./service-levels.js";

function order(orderNo: string, patch: Partial<WorkOrder> = {}): WorkOrder {
  return {
    orderNo,
    receivedAt: "2026-03-10 09:00:00",
    channel: "电话",
    requestType: "投诉",
    category1: null,
    category2: null,
    category3: null,
    title: null,
    content: null,
    district: null,
    street: null,
    community: null,
    handlingUnit: null,
    dispatchedAt: null,
    signedAt: null,
    dueAt: null,
    closedAt: null,
    returnCount: 0,
    extended: false,
    status: null,
    result: null,
    validFollowUp: true,
    contacted: true,
    resolved: true,
    satisfaction: "满意",
    counted: true,
    appealState: null,
    proactive: false,
    ...patch,
  };
}

// Two valid follow-ups: one all-positive, one contacted but unresolved and unrated.
const PAIR = [order("X1"), order("X2", { resolved: false, satisfaction: null })];

describe("HotlineMetrics", () => {
  it("shows — everywhere when there is nothing to count", () => {
    const result = new HotlineMetrics({
      config: builtinMetricsConfig("beijing-0.1-0.5-0.4"),
      serviceLevels: [{ id: "s", metric: "sign-rate" }],
    }).finish();
    expect(result.counts.total).toBe(0);
    expect(result.counts.byRequestType[0]).toEqual({ key: "咨询", count: 0, share: "—" });
    expect(result.assessment.overall.response.percent).toBe("—");
    expect(result.assessment.overall.composite.value).toBe("—");
    expect(result.serviceLevels[0]).toMatchObject({ status: "no-data", achieved: { percent: "—" } });
    expect(JSON.stringify(result)).not.toContain("NaN");
  });

  it("uses the weights of the chosen scheme", () => {
    const run = (id: keyof typeof BUILTIN_METRICS_SCHEMES) => {
      const metrics = new HotlineMetrics({ config: builtinMetricsConfig(id) });
      for (const o of PAIR) metrics.add(o);
      return metrics.finish();
    };
    // response 2/2, resolution 1/2, satisfaction (1 + 0) / 2
    expect(run("beijing-0.1-0.5-0.4").assessment.overall.composite.value).toBe("55.00"); // 10 + 25 + 20
    expect(run("beijing-0.3-0.35-0.35").assessment.overall.composite.value).toBe("65.00"); // 30 + 17.5 + 17.5
    expect(run("beijing-0.1-0.5-0.4").scheme).toMatchObject({
      name: "北京市接诉即办考核（响应0.1/解决0.5/满意0.4）",
      weights: { response: "0.1", resolution: "0.5", satisfaction: "0.4" },
      satisfactionWeights: { 满意: "1", 基本满意: "0.9", 不满意: "0" },
    });
  });

  it("can leave unrated answers out of the 满意率 denominator", () => {
    const config = parseMetricsConfig({ ...BUILTIN_METRICS_SCHEMES["beijing-0.1-0.5-0.4"], unratedSatisfaction: "exclude" });
    const metrics = new HotlineMetrics({ config });
    for (const o of PAIR) metrics.add(o);
    expect(metrics.finish().assessment.overall.satisfaction).toMatchObject({ numerator: "1", denominator: 1, percent: "100.00%" });
  });

  it("can take all counted orders as the denominator", () => {
    const config = parseMetricsConfig({ ...BUILTIN_METRICS_SCHEMES["beijing-0.1-0.5-0.4"], basis: "counted-orders" });
    const metrics = new HotlineMetrics({ config });
    const unvisited = order("X3", { validFollowUp: false, contacted: null, resolved: null, satisfaction: null });
    for (const o of [...PAIR, unvisited, order("X4", { counted: false })]) metrics.add(o);
    const overall = metrics.finish().assessment.overall;
    expect([overall.counted, overall.base]).toEqual([3, 3]);
    expect(overall.response.percent).toBe("66.67%");
  });

  it("keeps only the top categories and counts days without a month", () => {
    const config = parseMetricsConfig({ ...BUILTIN_METRICS_SCHEMES["beijing-0.1-0.5-0.4"], topN: 2 });
    const metrics = new HotlineMetrics({ config });
    ["甲", "乙", "乙", "丙", "丙", "丙"].forEach((c, i) => {
      metrics.add(order(`Y${i}`, { category1: c, receivedAt: `2026-0${(i % 2) + 3}-0${i + 1} 08:00` }));
    });
    const counts = metrics.counts();
    expect(counts.categoryTop.level1.map((r) => [r.key, r.count])).toEqual([
      ["丙", 3],
      ["乙", 2],
    ]);
    expect(counts.categoryTop.level2.map((r) => r.key)).toEqual(["丙 / （未填写）", "乙 / （未填写）"]);
    expect(counts.byDay.map((r) => r.key)).toEqual([
      "2026-03-01",
      "2026-03-03",
      "2026-03-05",
      "2026-04-02",
      "2026-04-04",
      "2026-04-06",
    ]);
  });

  it("keeps orders outside the report month out of the daily series", () => {
    const metrics = new HotlineMetrics({ config: builtinMetricsConfig("beijing-0.1-0.5-0.4"), month: "2026-03" });
    metrics.add(order("Z1"));
    metrics.add(order("Z2", { receivedAt: "2026-02-28 23:59:59" }));
    const counts = metrics.counts();
    expect(counts.outsideMonth).toBe(1);
    expect(counts.byDay.reduce((sum, r) => sum + r.count, 0)).toBe(1);
    expect(counts.total).toBe(2);
  });

  it("validates service levels", () => {
    expect(() => parseServiceLevels([{ id: "d", metric: "dispatch-within-minutes" }], "contract.yaml")).toThrow(/minutes/);
    expect(() => parseServiceLevels([{ id: "s", metric: "sign-rate", target: 1.5 }])).toThrow();
    expect(() => parseServiceLevels([{ id: "s", metric: "signing" }])).toThrow();
    expect(parseServiceLevels([{ id: "s", metric: "sign-rate", target: 990_000 }])).toHaveLength(1);
    expect(() => new HotlineMetrics({ config: builtinMetricsConfig("beijing-0.1-0.5-0.4"), month: "2026-3" })).toThrow(RangeError);
  });
});

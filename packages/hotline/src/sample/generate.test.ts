import { describe, expect, it } from "vitest";
import { WorkOrder } from "../orders/work-order.js";
import { SAMPLE_AREA_KEYS, SAMPLE_AREAS } from "./areas.js";
import { generateSampleOrders, sampleOrders } from "./generate.js";

const take = (options: Parameters<typeof sampleOrders>[0]) => [...sampleOrders(options)];

describe("sample orders", () => {
  const orders = take({ month: "2026-03", orders: 5000, seed: 7 });
  const share = (test: (o: WorkOrder) => boolean, among: readonly WorkOrder[] = orders) =>
    among.filter(test).length / among.length;

  it("is deterministic and depends on the seed", async () => {
    expect(take({ month: "2026-03", orders: 5000, seed: 7 })).toEqual(orders);
    const viaAsync: WorkOrder[] = [];
    for await (const o of generateSampleOrders({ month: "2026-03", orders: 5000, seed: 7 })) viaAsync.push(o);
    expect(viaAsync).toEqual(orders);
    expect(take({ month: "2026-03", orders: 5000, seed: 8 })).not.toEqual(orders);
  });

  it("produces valid, unique orders received in the month, in time order", () => {
    expect(orders).toHaveLength(5000);
    for (const o of orders) expect(WorkOrder.safeParse(o).success).toBe(true);
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(5000);
    expect(orders.every((o) => o.receivedAt.startsWith("2026-03-"))).toBe(true);
    const times = orders.map((o) => o.receivedAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times.map((t) => t.slice(0, 10))).size).toBe(31);
  });

  it("has a realistic mix", () => {
    const types = (t: string) => share((o) => o.requestType === t);
    expect(types("投诉") + types("求助")).toBeGreaterThan(0.6);
    expect(types("投诉")).toBeGreaterThan(types("咨询"));
    expect(share((o) => o.channel === "电话")).toBeGreaterThan(0.5);
    const dispatched = orders.filter((o) => o.dispatchedAt !== null);
    const minutes = (o: WorkOrder) => (Date.parse(o.dispatchedAt!.replace(" ", "T") + "Z") - Date.parse(o.receivedAt.replace(" ", "T") + "Z")) / 60000;
    expect(share((o) => minutes(o) <= 30, dispatched)).toBeGreaterThan(0.85);
    expect(share((o) => minutes(o) > 30, dispatched)).toBeGreaterThan(0.02);
    const visited = orders.filter((o) => o.validFollowUp === true);
    expect(share((o) => o.contacted === true, visited)).toBeCloseTo(0.9, 1);
    expect(share((o) => o.resolved === true, visited)).toBeCloseTo(0.75, 1);
    expect(share((o) => o.satisfaction === "满意", visited)).toBeGreaterThan(0.5);
    expect(share((o) => !o.counted)).toBeGreaterThan(0.005);
    expect(share((o) => o.appealState !== null)).toBeGreaterThan(0.005);
    expect(share((o) => o.proactive)).toBeGreaterThan(0.01);
    expect(new Set(orders.map((o) => `${o.category1}/${o.category2}/${o.category3}`)).size).toBeGreaterThan(30);
  });

  it("uses the streets and communities of the chosen area", () => {
    for (const key of SAMPLE_AREA_KEYS) {
      const area = SAMPLE_AREAS[key];
      const sample = take({ month: "2026-04", orders: 300, seed: 1, district: key });
      const streets = new Set(area.streets.map((s) => s.name));
      expect(sample.every((o) => o.district === area.district && streets.has(o.street!))).toBe(true);
    }
    const sujiatuo = take({ month: "2026-04", orders: 100, seed: 1, district: "海淀区苏家坨镇" });
    expect(new Set(sujiatuo.map((o) => o.street))).toEqual(new Set(["苏家坨镇"]));
    const yuetan = take({ month: "2026-02", orders: 100, seed: 1, district: "西城区月坛街道" });
    expect(yuetan.every((o) => o.handlingUnit === null || o.handlingUnit.startsWith("月坛街道") || o.handlingUnit.endsWith("居委会"))).toBe(true);
  });

  it("rejects a bad month", () => {
    expect(() => take({ month: "2026-13", orders: 1, seed: 1 })).toThrow(RangeError);
  });
});

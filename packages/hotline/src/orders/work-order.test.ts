import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sampleOrders } from "../sample/generate.js";
import { WorkOrder } from "./work-order.js";

const valid = [...sampleOrders({ month: "2026-03", orders: 1, seed: 1 })][0]!;

describe("WorkOrder schema", () => {
  it("accepts a complete order and rejects a twin with bad fields", () => {
    expect(WorkOrder.parse(valid)).toEqual(valid);
    expect(WorkOrder.safeParse({ ...valid, receivedAt: "2026-03-01T08:00:00" }).success).toBe(false);
    expect(WorkOrder.safeParse({ ...valid, requestType: "催办" }).success).toBe(false);
    expect(WorkOrder.safeParse({ ...valid, satisfaction: "一般" }).success).toBe(false);
    expect(WorkOrder.safeParse({ ...valid, returnCount: -1 }).success).toBe(false);
    expect(WorkOrder.safeParse({ ...valid, channel: "" }).success).toBe(false);
    const { district: _, ...withoutDistrict } = valid;
    expect(WorkOrder.safeParse(withoutDistrict).success).toBe(false);
  });

  it("accepts times with or without seconds", () => {
    expect(WorkOrder.safeParse({ ...valid, closedAt: "2026-03-02 10:00" }).success).toBe(true);
  });

  it("converts to JSON Schema for other tools", () => {
    const schema = z.toJSONSchema(WorkOrder, { unrepresentable: "any" }) as { required?: string[] };
    expect(schema.required).toContain("orderNo");
    expect(schema.required).toHaveLength(Object.keys(valid).length);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractJsonSchema } from "./json-schema.js";

describe("the committed JSON Schema", () => {
  it("is exactly what the zod schema generates (update: npm run schema -w @qiyue/contract-model)", () => {
    const committed = readFileSync(new URL("../../schema/contract.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(`${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
  });

  it("describes what a user writes: money as figures or strings, shares as strings", () => {
    const schema = contractJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const fees = schema.properties.fees?.properties as Record<string, { properties: Record<string, { type?: unknown }>; required?: string[] }>;
    expect(fees.total?.properties.amount?.type).toEqual(["string", "number"]);
    expect(fees.total?.required).toEqual(["amount"]);
    expect(fees.taxRate).toMatchObject({ type: "string" });
  });
});

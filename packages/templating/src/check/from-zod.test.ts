import { Contract, IsoDate, Money, Percent } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZod } from "./from-zod.js";
import { templateDataType } from "./template-data.js";
import { fieldAt } from "./types.js";

const field = fieldAt;

describe("fromZod", () => {
  it("reads objects, optional fields, defaults, lists, enums and the model's units", () => {
    const type = fromZod(
      z.strictObject({
        amount: Money,
        share: Percent.optional().meta({ description: "x" }),
        day: IsoDate,
        list: z.array(z.string()).default([]),
        side: z.enum(["client", "vendor"]),
        nested: z.strictObject({ flag: z.boolean() }).optional(),
      }),
    );
    expect(field(type, "amount")).toEqual({ type: { kind: "number", unit: "fen" }, optional: false });
    expect(field(type, "share")).toEqual({ type: { kind: "number", unit: "ppm" }, optional: true });
    expect(field(type, "day")).toEqual({ type: { kind: "string", format: "date" }, optional: false });
    expect(field(type, "list")).toEqual({ type: { kind: "array", element: { kind: "string" } }, optional: false });
    expect(field(type, "side").type).toEqual({ kind: "string", values: ["client", "vendor"] });
    expect(field(type, "nested").optional).toBe(true);
    expect(field(type, "nested", "flag").type).toEqual({ kind: "boolean" });
  });

  it("derives the contract from its schema, money in 分 after the transform", () => {
    const contract = fromZod(Contract);
    expect(field(contract, "fees", "total", "amount").type).toEqual({ kind: "number", unit: "fen" });
    expect(field(contract, "fees", "taxRate")).toEqual({ type: { kind: "number", unit: "ppm" }, optional: true });
    expect(field(contract, "serviceLevels").optional).toBe(false);
    const basis = field(contract, "payments", "installments").type;
    expect(basis.kind === "array" && field(basis.element, "basis").type.kind).toBe("union");
  });
});

describe("templateDataType with a spec of its own", () => {
  const spec = {
    schema: z.strictObject({ title: z.string(), extra: z.strictObject({ n: z.number() }).optional(), inputs: z.strictObject({ date: z.string().optional() }) }),
    parts: { extra: { inputs: ["installment"], why: "需要 installment" } },
  };
  const manifest = (inputs: Record<string, unknown>) =>
    ({ name: "t", title: "t", description: "t", inputs: { contract: "required", ...inputs }, options: { theme: "formal", toc: false }, output: "x" }) as never;

  it("leaves out a part whose inputs the manifest does not declare, saying why", () => {
    const without = templateDataType(manifest({}), spec);
    expect(without.kind === "object" && without.fields.has("extra")).toBe(false);
    expect(without.kind === "object" && without.absent?.get("extra")).toBe("需要 installment");
    const withIt = templateDataType(manifest({ installment: "required" }), spec);
    expect(field(withIt, "extra").optional).toBe(false);
    expect(field(withIt, "title").type.kind).toBe("string");
  });
});

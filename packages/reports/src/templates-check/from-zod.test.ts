import { Contract, IsoDate, Money, Percent } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZod } from "./from-zod.js";
import { templateDataType } from "./template-data.js";
import type { DataType } from "./types.js";

const field = (type: DataType, ...path: string[]) => {
  let t = type;
  let optional = false;
  for (const name of path) {
    if (t.kind !== "object") throw new Error(`${name}: not an object`);
    const f = t.fields.get(name);
    if (f === undefined) throw new Error(`${name}: no such field`);
    t = f.type;
    optional = f.optional;
  }
  return { type: t, optional };
};

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

describe("templateDataType", () => {
  const manifest = (inputs: Record<string, unknown>) =>
    ({ name: "t", title: "t", description: "t", inputs: { contract: "required", ...inputs }, options: { theme: "formal", toc: false }, output: "x" }) as never;

  it("gives payment only to templates that take installment, and inputs only as declared", () => {
    const plain = templateDataType(manifest({}));
    expect(plain.kind === "object" && plain.fields.has("payment")).toBe(false);
    expect(field(plain, "inputs").type).toMatchObject({ kind: "object", fields: new Map() });
    const invoice = templateDataType(manifest({ installment: "required", date: "optional" }));
    expect(field(invoice, "payment").optional).toBe(false);
    expect(field(invoice, "inputs", "installment").optional).toBe(false);
    expect(field(invoice, "inputs", "date")).toEqual({ type: { kind: "string", format: "date" }, optional: true });
    const renewal = templateDataType(manifest({ years: { required: false, default: 1 } }));
    expect(field(renewal, "renewal").optional).toBe(false);
    expect(field(renewal, "inputs", "years").optional).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clauseRef } from "./clauses.js";

describe("clauseRef", () => {
  it("prints a clause id in the house form", () => {
    expect(clauseRef("一.9")).toBe("第一条第9款");
    expect(clauseRef("第二条(一)")).toBe("第二条（一）");
    expect(clauseRef("附件一 序号5")).toBe("附件一第5项");
    expect(clauseRef("4.2")).toBe("第4.2条");
  });

  it("needs text", () => {
    expect(() => clauseRef(undefined)).toThrow(/clauseRef 需要文字/);
  });
});

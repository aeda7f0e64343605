import { describe, expect, it } from "vitest";
import { ContractLoadError, USER_ERROR, UserError } from "./index.js";

describe("UserError", () => {
  it("recognises an error marked with the global symbol, as another package's errors are", () => {
    class Foreign extends Error {}
    Object.defineProperty(Foreign.prototype, Symbol.for("qiyue.user-error"), { value: true });
    expect(new Foreign("x")).toBeInstanceOf(UserError);
    expect(USER_ERROR).toBe(Symbol.for("qiyue.user-error"));
  });

  it("does not take a plain error, or a value, for a user's mistake", () => {
    expect(new Error("bug")).not.toBeInstanceOf(UserError);
    expect((null as unknown) instanceof UserError).toBe(false);
    expect({ code: "X" } instanceof UserError).toBe(false);
  });

  it("keeps instanceof of a subclass to that subclass", () => {
    const loadError = new ContractLoadError("a.yaml", []);
    expect(loadError).toBeInstanceOf(UserError);
    expect(loadError).toBeInstanceOf(ContractLoadError);
    expect(new UserError("X", "x")).not.toBeInstanceOf(ContractLoadError);
  });

  it("survives a copy made from the prototype, as errors revived from a worker thread are", () => {
    const revived = Object.create(ContractLoadError.prototype) as object;
    expect(revived).toBeInstanceOf(UserError);
  });
});

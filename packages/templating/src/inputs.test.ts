import { describe, expect, it } from "vitest";
import { TemplateError } from "./errors.js";
import { parseInput, parseInputs } from "./inputs.js";

describe("renewal inputs", () => {
  it("--term is whole months or years, in months", () => {
    expect(parseInput("term", "12m")).toBe(12);
    expect(parseInput("term", "2y")).toBe(24);
    expect(parseInput("term", 18)).toBe(18);
    expect(() => parseInput("term", "1.5y")).toThrow(TemplateError);
  });

  it("--schedule is shares adding up to 100, written out as percentages", () => {
    expect(parseInputs({ schedule: "50/20/30" })).toEqual({ schedule: "50%/20%/30%" });
    expect(() => parseInput("schedule", "50/20")).toThrow(/合计须为 100%/);
    expect(() => parseInput("schedule", "50/20")).toThrow(TemplateError);
  });
});

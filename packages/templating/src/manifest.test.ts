import { describe, expect, it } from "vitest";
import { TemplateError } from "./errors.js";
import { inputDeclaration, parseManifest } from "./manifest.js";

const VALID = `name: demo
title: 演示
description: 演示模板
inputs:
  contract: required
  installment: required
  years:
    default: 1
output: "{{contract.id}}-演示"
`;

function failure(text: string): TemplateError {
  try {
    parseManifest(text, "demo/manifest.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error("expected a TemplateError");
}

describe("manifest", () => {
  it("reads a manifest and fills the option defaults", () => {
    const m = parseManifest(VALID, "demo/manifest.yaml");
    expect(m.options).toEqual({ theme: "formal", toc: false });
    expect(inputDeclaration(m, "installment")).toEqual({ required: true });
    expect(inputDeclaration(m, "years")).toEqual({ required: false, default: 1 });
    expect(inputDeclaration(m, "date")).toBeUndefined();
  });

  it("names the line and column of an unknown key", () => {
    const e = failure(VALID.replace("  years:", "  colour: red\n  years:"));
    expect(e.code).toBe("TEMPLATE_MANIFEST");
    expect([e.file, e.line, e.column]).toEqual(["demo/manifest.yaml", 7, 3]);
    expect(e.message).toContain("colour");
  });

  it("names the line and column of a bad value", () => {
    const e = failure(`${VALID}options:\n  theme: fancy\n`);
    expect([e.line, e.column]).toEqual([11, 10]);
    expect(e.message).toContain("options.theme");
  });

  it("requires the contract input and an output pattern", () => {
    expect(failure(VALID.replace("contract: required", "contract: optional")).message).toContain("contract: required");
    expect(failure(VALID.replace(/output:.*\n/, "")).message).toContain("output");
  });

  it("reports YAML syntax errors with their position", () => {
    const e = failure("name: demo\ntitle: [unclosed\n");
    expect(e.line).toBeDefined();
    expect(e.message).toContain("YAML");
  });
});

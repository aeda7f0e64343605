import { describe, expect, it } from "vitest";
import { displayPath } from "./paths.js";

describe("displayPath", () => {
  it("is relative inside the working directory and absolute outside it", () => {
    expect(displayPath("/repo", "/repo/golden/golden.yaml")).toBe("golden/golden.yaml");
    expect(displayPath("/repo/packages/cli", "/tmp/t/template.md.hbs")).toBe("/tmp/t/template.md.hbs");
    expect(displayPath("/repo", "/repo")).toBe(".");
  });
});

import { describe, expect, it } from "vitest";
import { displayPath, userPath } from "./paths.js";

describe("displayPath", () => {
  it("is relative inside the working directory and absolute outside it", () => {
    expect(displayPath("/repo", "/repo/golden/golden.yaml")).toBe("golden/golden.yaml");
    expect(displayPath("/repo/packages/cli", "/tmp/t/template.md.hbs")).toBe("/tmp/t/template.md.hbs");
    expect(displayPath("/repo", "/repo")).toBe(".");
  });
});

describe("userPath", () => {
  it("takes a typed path against the working directory and keeps an absolute one", () => {
    expect(userPath("/srv/contracts", "out/a.pdf")).toBe("/srv/contracts/out/a.pdf");
    expect(userPath("/srv/contracts", "/data/a.csv")).toBe("/data/a.csv");
  });
});

import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff.js";

const lines = (n: number, change?: [number, string]) =>
  `${Array.from({ length: n }, (_, i) => (change !== undefined && change[0] === i ? change[1] : `第 ${i + 1} 行`)).join("\n")}\n`;

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a", "b", "x\n", "x\n")).toBe("");
  });

  it("names both sides and shows three lines of context", () => {
    const diff = unifiedDiff("expected/c/document.md", "actual/c/document.md", lines(20), lines(20, [9, "改过的一行"]));
    expect(diff).toBe(
      [
        "--- expected/c/document.md",
        "+++ actual/c/document.md",
        "@@ -7,7 +7,7 @@",
        " 第 7 行",
        " 第 8 行",
        " 第 9 行",
        "-第 10 行",
        "+改过的一行",
        " 第 11 行",
        " 第 12 行",
        " 第 13 行",
        "",
      ].join("\n"),
    );
  });

  it("starts an empty side at line 0, like GNU diff", () => {
    expect(unifiedDiff("a", "b", "", "新\n")).toContain("@@ -0,0 +1,1 @@");
  });

  it("colours only when asked", () => {
    expect(unifiedDiff("a", "b", "x\n", "y\n", { colour: true })).toContain("\u001b[31m-x\u001b[0m");
    expect(unifiedDiff("a", "b", "x\n", "y\n")).not.toContain("\u001b[");
  });

  it("stops after the line limit and says how much is left out", () => {
    const diff = unifiedDiff("a", "b", lines(100), "", { maxLines: 10 });
    expect(diff.split("\n").filter((l) => l.startsWith("-第")).length).toBe(9);
    expect(diff).toContain("另有 91 行差异未显示");
  });
});

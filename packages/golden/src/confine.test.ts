import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSuiteRoot, isInside } from "./confine.js";

describe("golden suite paths stay inside their root", () => {
  const root = mkdtempSync(join(tmpdir(), "qiyue-confine-"));
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "test", "golden"), { recursive: true });
  writeFileSync(join(root, "contract.yaml"), "id: x\n");
  const outside = mkdtempSync(join(tmpdir(), "qiyue-outside-"));
  writeFileSync(join(outside, "secret.yaml"), "token: x\n");
  symlinkSync(join(outside, "secret.yaml"), join(root, "linked.yaml"));

  it("the root is the repository holding the suite", () => {
    expect(defaultSuiteRoot(join(root, "test", "golden"))).toBe(root);
  });

  it("outside a repository, the project holding the suite (its package.json), else the suite's own folder", () => {
    const project = mkdtempSync(join(tmpdir(), "qiyue-project-"));
    writeFileSync(join(project, "package.json"), "{}\n");
    mkdirSync(join(project, "golden"));
    expect(defaultSuiteRoot(join(project, "golden"))).toBe(project);
  });

  it("refuses `..`, absolute paths and links that lead out, and keeps what is inside", () => {
    expect(isInside(root, join(root, "contract.yaml"))).toBe(true);
    expect(isInside(root, join(root, "test", "golden", "..", "..", "contract.yaml"))).toBe(true);
    expect(isInside(root, join(root, "..", "etc", "passwd"))).toBe(false);
    expect(isInside(root, "/proc/self/environ")).toBe(false);
    expect(isInside(root, join(root, "linked.yaml"))).toBe(false);
    expect(isInside(root, join(root, "missing", "file.yaml"))).toBe(true);
  });
});

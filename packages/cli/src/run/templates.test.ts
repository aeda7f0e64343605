import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { templatesRequest } from "./templates.js";

function broken(): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-cli-templates-"));
  mkdirSync(join(dir, "t"));
  writeFileSync(join(dir, "t", "manifest.yaml"), 'name: t\ntitle: 测试\ndescription: 测试\ninputs:\n  contract: required\n  date: optional\noutput: "{{contract.id}}"\n');
  writeFileSync(join(dir, "t", "template.md.hbs"), "# 标题\n\n甲方：{{contract.partiez.client.name}}\n");
  return dir;
}

describe("qiyue templates check", () => {
  it("reads the folder relative to the working directory; the built-in templates without one", () => {
    expect(templatesRequest(["check", "my-templates"], { cwd: "/repo" })).toEqual({ action: "check", dir: "/repo/my-templates", json: false });
    expect(templatesRequest(["check", "--json"], { cwd: "/repo" })).toEqual({ action: "check", json: true });
    expect(() => templatesRequest(["lint"], { cwd: "/" })).toThrow(/只能是 list 或 check/);
  });

  it("passes the built-in templates", async () => {
    const io = memoryIo();
    expect(await main(["templates", "check"], io)).toBe(0);
    expect(io.out).toMatch(/检查了 \d+ 个模板（acceptance、contract、invoice-request/);
    expect(io.out).toContain("没有发现问题");
  });

  it("exits 1 on an unknown field, reported as file:line:column, with warnings alongside", async () => {
    const dir = broken();
    const io = memoryIo();
    expect(await main(["templates", "check", dir], io)).toBe(1);
    expect(io.out).toContain(`${join(dir, "t", "template.md.hbs")}:3:6: 错误：“contract”没有字段“partiez”（是不是 parties？） [TEMPLATE_UNKNOWN_FIELD]`);
    expect(io.out).toContain("警告：清单声明了输入 date");
    expect(io.out).toContain("1 个错误，1 个警告");
  });

  it("prints the issues as JSON with --json", async () => {
    const io = memoryIo();
    expect(await main(["templates", "check", broken(), "--json"], io)).toBe(1);
    const result = JSON.parse(io.out) as { ok: boolean; issues: { code: string; line: number; column: number }[] };
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: "TEMPLATE_UNKNOWN_FIELD", line: 3, column: 6 });
  });

  it("exits 2 when the folder does not exist", async () => {
    const io = memoryIo();
    expect(await main(["templates", "check", join(tmpdir(), "no-such-templates-folder")], io)).toBe(2);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, qiyue } from "../support/qiyue.js";

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("qiyue, run as a process", () => {
  it("validate: 0, 1 and 2 as documented", () => {
    expect(qiyue(["validate", example("bda-2024")]).status).toBe(0);
    const pinggu = qiyue(["validate", example("pinggu-2026")]);
    expect(pinggu.status).toBe(1);
    expect(pinggu.stdout).toMatch(/pinggu-2026\.yaml:\d+:\d+: 错误 CAPITALS_INVALID/);
  });

  it("a broken contract file is explained with file, line and column, never a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-e2e-"));
    const file = join(dir, "合同.yaml");
    writeFileSync(file, "id: demo\nparties:\n  client: { name: 甲方, adress: x }\n");
    const r = qiyue(["validate", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${file}:3:`);
    expect(r.stdout).toContain("adress");
    noStackTrace(r.stdout + r.stderr);
    const missing = qiyue(["schedule", join(dir, "nope.yaml")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("文件不存在");
    noStackTrace(missing.stderr);
  });

  it("amount converts both ways and refuses forbidden capitals", () => {
    expect(qiyue(["amount", "1680.32"]).stdout).toBe("壹仟陆佰捌拾元零叁角贰分\n");
    expect(qiyue(["amount", "壹仟陆佰捌拾元叁角贰分"]).stdout).toBe("1680.32\n");
    const bad = qiyue(["amount", "壹仟陆佰捌拾元叁角贰分整"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("整");
  });

  it("schedule shows each installment against the print", () => {
    const r = qiyue(["schedule", example("haidian-2024")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1,626,095.50 元  壹佰陆拾贰万陆仟零玖拾伍元伍角");
    expect(r.stdout).toContain("合计 3,252,191.00 元，与合同总价一致");
  });
});

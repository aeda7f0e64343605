import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ExitError } from "../exit.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { goldenRequest } from "./golden.js";

const contract = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
const hasPoppler = spawnSync("sh", ["-c", "command -v pdftotext && command -v pdfinfo && command -v pdffonts"], { stdio: "ignore" }).status === 0;
if (!hasPoppler && process.env.CI) throw new Error("poppler-utils is required in CI; run scripts/install-system-deps.sh");

describe("qiyue golden: arguments", () => {
  it("reads the action, the folder and the options, relative to the working directory", () => {
    expect(goldenRequest(["check", "golden", "--images", "--out", "actual", "--templates", "t"], { cwd: "/repo" })).toEqual({
      action: "check",
      dir: "/repo/golden",
      contracts: [],
      templatesDir: "/repo/t",
      images: true,
      json: false,
      out: "/repo/actual",
    });
    expect(goldenRequest(["init", "g", "a.yaml", "/b.yaml", "--json"], { cwd: "/repo" })).toMatchObject({
      action: "init",
      contracts: ["/repo/a.yaml", "/b.yaml"],
      json: true,
    });
  });

  it("refuses a missing or unknown action, a missing folder and options that do not belong", () => {
    expect(() => goldenRequest([], { cwd: "/" })).toThrow(ExitError);
    expect(() => goldenRequest(["verify", "g"], { cwd: "/" })).toThrow(/check、update 或 init/);
    expect(() => goldenRequest(["check"], { cwd: "/" })).toThrow(/golden 目录/);
    expect(() => goldenRequest(["update", "g", "--out", "x"], { cwd: "/" })).toThrow(/--out/);
    expect(() => goldenRequest(["check", "g", "extra"], { cwd: "/" })).toThrow(/多余的参数/);
  });

  it("exits 2 with the file, line and column when golden.yaml is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-"));
    writeFileSync(join(dir, "golden.yaml"), `cases:\n  - name: a\n    template: nothing\n    contract: ${contract("haidian-2024")}\n`);
    const io = memoryIo();
    expect(await main(["golden", "check", dir], io)).toBe(2);
    expect(io.err).toContain("golden.yaml:3:15");
    expect(io.err).toContain("没有名为“nothing”的模板");
    const none = memoryIo();
    expect(await main(["golden", "check", join(dir, "nowhere")], none)).toBe(2);
    expect(none.err).toContain("GOLDEN_SUITE_NOT_FOUND");
  });
});

describe.skipIf(!hasPoppler)("qiyue golden: update, check and the exit codes", () => {
  it("update then check exits 0; a change to a document exits 1 with a unified diff naming the case and the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-"));
    writeFileSync(
      join(dir, "golden.yaml"),
      `cases:\n  - name: acceptance\n    template: acceptance\n    contract: ${contract("pinggu-2026")}\n    formats: [md, pdf]\n`,
    );
    const update = memoryIo();
    expect(await main(["golden", "update", dir], update)).toBe(0);
    expect(update.out).toContain("新增 document.md");
    expect(update.out).toContain("1 个用例：1 个有改动");

    const same = memoryIo();
    expect(await main(["golden", "check", dir], same)).toBe(0);
    expect(same.out).toContain("✓ acceptance");
    expect(same.out).toContain("1 个用例：1 个一致");

    const page = join(dir, "acceptance", "pdf", "page-001.txt");
    writeFileSync(page, readFileSync(page, "utf8").replace("服务项目验收单", "服务项目验收表"));
    const changed = memoryIo();
    expect(await main(["golden", "check", dir], changed)).toBe(1);
    expect(changed.out).toContain("✗ acceptance");
    expect(changed.out).toContain("--- expected/acceptance/pdf/page-001.txt");
    expect(changed.out).toContain("+++ actual/acceptance/pdf/page-001.txt");
    expect(changed.out).toMatch(/^-.*服务项目验收表/m);
    expect(changed.out).toMatch(/^\+.*服务项目验收单/m);
    expect(changed.out).toContain("qiyue golden update");
    expect(changed.out).not.toContain("\u001b[");

    const json = memoryIo();
    expect(await main(["golden", "check", dir, "--json"], json)).toBe(1);
    const report = JSON.parse(json.out) as { ok: boolean; cases: { status: string; differences: { file: string; diff: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.cases[0]!.differences[0]!.file).toBe("pdf/page-001.txt");
    expect(report.cases[0]!.differences[0]!.diff).toContain("@@ ");

    const coloured = memoryIo({ FORCE_COLOR: "1" });
    await main(["golden", "check", dir], coloured);
    expect(coloured.out).toContain("\u001b[31m-");
  });

  it("stops before rendering when a template has an error, naming the template's line and column", async () => {
    const templates = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-templates-"));
    mkdirSync(join(templates, "t"));
    writeFileSync(join(templates, "t", "manifest.yaml"), 'name: t\ntitle: 测试\ndescription: 测试\ninputs:\n  contract: required\noutput: "{{contract.id}}"\n');
    writeFileSync(join(templates, "t", "template.md.hbs"), "# 标题\n\n{{contract.partiez.client.name}}\n");
    const dir = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-"));
    writeFileSync(join(dir, "golden.yaml"), `cases:\n  - name: t\n    template: t\n    contract: ${contract("haidian-2024")}\n`);
    const io = memoryIo();
    expect(await main(["golden", "update", dir, "--templates", templates], io)).toBe(1);
    expect(io.out).toMatch(/t\/template\.md\.hbs:3:3: 错误：“contract”没有字段“partiez”/);
    expect(io.out).toContain("未生成任何文档");
  });
});

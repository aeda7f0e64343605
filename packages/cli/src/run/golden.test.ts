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
      layout: false,
      json: false,
      out: "/repo/actual",
    });
    expect(goldenRequest(["check", "golden", "--layout"], { cwd: "/repo" })).toMatchObject({ action: "check", layout: true });
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
    expect(() => goldenRequest(["update", "g", "--layout"], { cwd: "/" })).toThrow(/--layout 只用于 golden check/);
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
    expect(await main(["golden", "update", dir, "--root", "/"], update)).toBe(0);
    expect(update.out).toContain("新增 document.md");
    expect(update.out).toContain("1 个用例：1 个有改动");

    const same = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/"], same)).toBe(0);
    expect(same.out).toContain("✓ acceptance");
    expect(same.out).toContain("1 个用例：1 个一致");

    const page = join(dir, "acceptance", "pdf", "page-001.txt");
    writeFileSync(page, readFileSync(page, "utf8").replace("服务项目验收单", "服务项目验收表"));
    const changed = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/"], changed)).toBe(1);
    expect(changed.out).toContain("✗ acceptance");
    expect(changed.out).toContain("--- expected/acceptance/pdf/page-001.txt");
    expect(changed.out).toContain("+++ actual/acceptance/pdf/page-001.txt");
    expect(changed.out).toMatch(/^-.*服务项目验收表/m);
    expect(changed.out).toMatch(/^\+.*服务项目验收单/m);
    expect(changed.out).toContain("qiyue golden update");
    expect(changed.out).not.toContain("\u001b[");

    const json = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/", "--json"], json)).toBe(1);
    const report = JSON.parse(json.out) as { ok: boolean; cases: { status: string; differences: { file: string; diff: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.cases[0]!.differences[0]!.file).toBe("pdf/page-001.txt");
    expect(report.cases[0]!.differences[0]!.diff).toContain("@@ ");

    const coloured = memoryIo({ FORCE_COLOR: "1" });
    await main(["golden", "check", dir, "--root", "/"], coloured);
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
    expect(await main(["golden", "update", dir, "--root", "/", "--templates", templates], io)).toBe(1);
    expect(io.out).toMatch(/t\/template\.md\.hbs:3:3: 错误：“contract”没有字段“partiez”/);
    expect(io.out).toContain("未生成任何文档");
  });

  it("check --layout lists each document's layout faults with their page and exits 1 when there are any", async () => {
    const templates = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-templates-"));
    const template = (name: string, body: string) => {
      mkdirSync(join(templates, name));
      writeFileSync(join(templates, name, "manifest.yaml"), `name: ${name}\ntitle: 测试\ndescription: 测试\ninputs:\n  contract: required\noutput: "{{contract.id}}"\n`);
      writeFileSync(join(templates, name, "template.md.hbs"), body);
    };
    // A page break right after a heading leaves the heading at the foot of its page.
    template("stranded", "# 版式检查\n\n## 一、概况\n\n::pagebreak\n\n{{contract.parties.client.name}}。\n");
    template("tidy", "# 版式检查\n\n## 一、概况\n\n{{contract.parties.client.name}}。\n");
    const dir = mkdtempSync(join(tmpdir(), "qiyue-cli-golden-"));
    writeFileSync(join(dir, "contract.yaml"), readFileSync(contract("haidian-2024")));
    const cases = ["stranded", "tidy"].map((name) => `  - name: ${name}\n    template: ${name}\n    contract: contract.yaml\n    formats: [md, pdf]\n`);
    writeFileSync(join(dir, "golden.yaml"), `cases:\n${cases.join("")}`);
    expect(await main(["golden", "update", dir, "--root", "/", "--templates", templates], memoryIo())).toBe(0);

    const io = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/", "--templates", templates, "--layout"], io)).toBe(1);
    expect(io.out).toMatch(/✓ stranded\n {4}版式（stranded）：1 处问题\n {6}第 1 页 标题在页末（heading-at-page-end）：标题“一、概况”/);
    expect(io.out).toMatch(/✓ tidy\n {4}版式（tidy）：未发现问题\n/);
    expect(io.out).toContain("版式问题 1 处（1 个文档）");
    expect(io.out).not.toContain("文档与预期不同");

    const json = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/", "--templates", templates, "--layout", "--json"], json)).toBe(1);
    const report = JSON.parse(json.out) as { cases: { name: string; layout: { rule: string; page: number; text: string }[] }[] };
    expect(report.cases.map((c) => [c.name, c.layout.map((f) => `${f.rule} ${f.page} ${f.text}`)])).toEqual([
      ["stranded", ["heading-at-page-end 1 一、概况"]],
      ["tidy", []],
    ]);

    const without = memoryIo();
    expect(await main(["golden", "check", dir, "--root", "/", "--templates", templates], without)).toBe(0);
    expect(without.out).not.toContain("版式");
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TemplateError } from "@qiyue/templating";
import { renderDocument } from "./render-document.js";
import { listTemplates, loadTemplate, templateCatalog } from "./templates.js";
import { writeFilesAtomically } from "./write-atomic.js";

const example = (id: string) => fileURLToPath(new URL(`../../../examples/contracts/${id}.yaml`, import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), "qiyue-render-"));

describe("template catalog", () => {
  it("finds the built-in templates as their npm packages, not from the working directory", async () => {
    const catalog = await templateCatalog({ cwd: tmpdir() });
    expect(catalog.names()).toEqual(["acceptance", "contract", "invoice-request", "monthly-report", "renewal-draft"]);
    for (const entry of catalog.entries()) {
      expect(entry.origin).toEqual({ kind: "built-in", package: `@qiyue/template-${entry.name}` });
      expect(existsSync(join(entry.dir, "manifest.yaml"))).toBe(true);
      expect(JSON.parse(readFileSync(join(entry.dir, "package.json"), "utf8")).name).toBe(`@qiyue/template-${entry.name}`);
    }
  });

  it("compiles every built-in template, found by name or by package name", async () => {
    for (const name of await listTemplates()) {
      expect((await loadTemplate(name)).manifest.name).toBe(name);
      expect((await loadTemplate(`@qiyue/template-${name}`)).manifest.name).toBe(name);
    }
  });

  it("an unknown template lists the ones there are", async () => {
    await expect(loadTemplate("invoice")).rejects.toThrow(/可用的模板：acceptance、contract、invoice-request、monthly-report、renewal-draft/);
  });

  it("a folder of templates adds to the built-ins, and one of a built-in's name wins and says what it hides", async () => {
    const dir = temp();
    for (const name of ["memo", "acceptance"]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "manifest.yaml"), `name: ${name}\ntitle: 备忘\ndescription: 备忘\ninputs:\n  contract: required\noutput: ${name}\n`);
      writeFileSync(join(dir, name, "template.md.hbs"), "# 备忘\n");
    }
    const catalog = await templateCatalog({ templatesDir: dir });
    expect(catalog.names()).toEqual(["acceptance", "contract", "invoice-request", "memo", "monthly-report", "renewal-draft"]);
    const local = await catalog.find("acceptance");
    expect(local.dir).toBe(join(dir, "acceptance"));
    expect(local.shadows?.origin).toEqual({ kind: "built-in", package: "@qiyue/template-acceptance" });
    expect((await catalog.find("memo")).shadows).toBeUndefined();
  });

  it("finds a template package installed in the user's project by its npm name, and only there", async () => {
    const project = temp();
    const pkg = join(project, "node_modules", "@bureau", "letter");
    mkdirSync(pkg, { recursive: true });
    // exports without "./package.json": found by its folder all the same
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@bureau/letter", version: "1.0.0", exports: { ".": "./manifest.yaml" } }));
    writeFileSync(join(pkg, "manifest.yaml"), "name: letter\ntitle: 函\ndescription: 函\ninputs:\n  contract: required\noutput: letter\n");
    writeFileSync(join(pkg, "template.md.hbs"), "# 函\n\n{{contract.projectName}}\n");
    const found = await loadTemplate("@bureau/letter", { cwd: project });
    expect(found.entry.origin).toEqual({ kind: "package", package: "@bureau/letter" });
    expect(found.manifest.name).toBe("letter");
    await expect(loadTemplate("@bureau/letter", { cwd: temp() })).rejects.toThrow(/也没有安装名为 @bureau\/letter 的 npm 包/);
    const notTemplate = join(project, "node_modules", "left-pad");
    mkdirSync(notTemplate, { recursive: true });
    writeFileSync(join(notTemplate, "package.json"), JSON.stringify({ name: "left-pad", version: "1.0.0" }));
    await expect(loadTemplate("left-pad", { cwd: project })).rejects.toThrow(/不是模板包/);
  });

  it("a user folder with a {{{ }}} template fails with its file, line and column", async () => {
    const dir = temp();
    mkdirSync(join(dir, "memo"));
    writeFileSync(join(dir, "memo", "manifest.yaml"), "name: memo\ntitle: 备忘\ndescription: 备忘\ninputs:\n  contract: required\noutput: memo\n");
    writeFileSync(join(dir, "memo", "template.md.hbs"), "# 备忘\n\n{{{contract.title}}}\n");
    const e = await loadTemplate("memo", { templatesDir: dir }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TemplateError);
    expect((e as TemplateError).message).toBe(`${join(dir, "memo", "template.md.hbs")}:3:1: 模板中不允许使用 {{{ }}} 或 {{& }}：插入的值一律按 Markdown 转义`);
  });
});

describe("renderDocument", () => {
  it("writes every requested format and returns the paths", async () => {
    const out = temp();
    const paths = await renderDocument({
      template: "invoice-request",
      contract: example("haidian-2024"),
      inputs: { installment: 1 },
      formats: ["md", "docx", "pdf"],
      outDir: out,
      sourceDateEpoch: 0,
    });
    expect(paths).toEqual(["md", "docx", "pdf"].map((ext) => join(out, `haidian-2024-付款申请-第1期.${ext}`)));
    expect(readFileSync(paths[1]!).subarray(0, 2).toString()).toBe("PK");
    expect(readFileSync(paths[2]!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readdirSync(out).sort()).toEqual(paths.map((p) => p.slice(out.length + 1)).sort());
  });

  it("is deterministic for the same SOURCE_DATE_EPOCH", async () => {
    const request = { template: "acceptance", contract: example("bda-2024"), formats: ["docx", "pdf"] as const, sourceDateEpoch: 1700000000 };
    const [a, b] = [temp(), temp()];
    const first = await renderDocument({ ...request, outDir: a });
    const second = await renderDocument({ ...request, outDir: b });
    for (let i = 0; i < first.length; i++) expect(readFileSync(first[i]!).equals(readFileSync(second[i]!))).toBe(true);
  });

  it("writes nothing when rendering fails (a renewal above its cap)", async () => {
    const out = temp();
    const failed = renderDocument({
      template: "renewal-draft",
      contract: example("sujiatuo-2026"),
      inputs: { increase: 110000 },
      formats: ["md", "pdf"],
      outDir: out,
    });
    await expect(failed).rejects.toMatchObject({ code: "RENEWAL_CAP_EXCEEDED" });
    await expect(failed).rejects.toThrow(/10% 的增幅上限.*依据：合同第二条第1款/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("checks the inputs against the manifest", async () => {
    const base = { contract: example("haidian-2024"), formats: ["md"] as const, outDir: temp() };
    await expect(renderDocument({ ...base, template: "invoice-request" })).rejects.toThrow(/需要 --installment/);
    await expect(renderDocument({ ...base, template: "acceptance", inputs: { installment: 1 } })).rejects.toThrow(/不使用 --installment/);
    await expect(renderDocument({ ...base, template: "invoice-request", inputs: { installment: 9 } })).rejects.toThrow(/超出范围/);
  });
});

describe("writeFilesAtomically", () => {
  it("leaves neither temporary nor partial files when one file cannot be written", async () => {
    const out = temp();
    writeFileSync(join(out, "blocker"), "a file where a folder should be");
    await expect(
      writeFilesAtomically([
        { path: join(out, "a.md"), bytes: "一" },
        { path: join(out, "blocker", "b.md"), bytes: "二" },
      ]),
    ).rejects.toThrow();
    expect(readdirSync(out)).toEqual(["blocker"]);
  });
});

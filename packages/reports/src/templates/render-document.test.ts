import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listTemplates, loadTemplate, templatesDir } from "./catalog.js";
import { TemplateError } from "./errors.js";
import { renderDocument } from "./render-document.js";
import { writeFilesAtomically } from "./write-atomic.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), "qiyue-render-"));

describe("template catalog", () => {
  it("finds the built-in templates from the package, not the working directory", async () => {
    expect(existsSync(join(templatesDir(), "acceptance", "manifest.yaml"))).toBe(true);
    expect(await listTemplates()).toEqual(["acceptance", "contract", "invoice-request", "monthly-report", "renewal-draft"]);
  });

  it("compiles every built-in template", async () => {
    for (const name of await listTemplates()) expect((await loadTemplate(name)).manifest.name).toBe(name);
  });

  it("an unknown template lists the ones there are", async () => {
    await expect(loadTemplate("invoice")).rejects.toThrow(/可用的模板：acceptance、contract、invoice-request、monthly-report、renewal-draft/);
  });

  it("a user folder with a {{{ }}} template fails with its file, line and column", async () => {
    const dir = temp();
    mkdirSync(join(dir, "memo"));
    writeFileSync(join(dir, "memo", "manifest.yaml"), "name: memo\ntitle: 备忘\ndescription: 备忘\ninputs:\n  contract: required\noutput: memo\n");
    writeFileSync(join(dir, "memo", "template.md.hbs"), "# 备忘\n\n{{{contract.title}}}\n");
    const e = await loadTemplate("memo", dir).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TemplateError);
    expect((e as TemplateError).message).toBe(`${join(dir, "memo", "template.md.hbs")}:3:1: 模板中不允许使用 {{{ }}} 或 {{& }}：插入的值一律按 Markdown 转义`);
  });
});

describe("renderDocument", () => {
  it("writes every requested format and returns the paths", async () => {
    const out = temp();
    const paths = await renderDocument({
      templateName: "invoice-request",
      contractFile: example("haidian-2024"),
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
    const request = { templateName: "acceptance", contractFile: example("bda-2024"), formats: ["docx", "pdf"] as const, sourceDateEpoch: 1700000000 };
    const [a, b] = [temp(), temp()];
    const first = await renderDocument({ ...request, outDir: a });
    const second = await renderDocument({ ...request, outDir: b });
    for (let i = 0; i < first.length; i++) expect(readFileSync(first[i]!).equals(readFileSync(second[i]!))).toBe(true);
  });

  it("writes nothing when rendering fails (a renewal above its cap)", async () => {
    const out = temp();
    const failed = renderDocument({
      templateName: "renewal-draft",
      contractFile: example("sujiatuo-2026"),
      inputs: { increase: 110000 },
      formats: ["md", "pdf"],
      outDir: out,
    });
    await expect(failed).rejects.toMatchObject({ code: "RENEWAL_CAP_EXCEEDED" });
    await expect(failed).rejects.toThrow(/10% 的增幅上限.*依据：合同第 二\.1 条/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("checks the inputs against the manifest", async () => {
    const base = { contractFile: example("haidian-2024"), formats: ["md"] as const, outDir: temp() };
    await expect(renderDocument({ ...base, templateName: "invoice-request" })).rejects.toThrow(/需要 --installment/);
    await expect(renderDocument({ ...base, templateName: "acceptance", inputs: { installment: 1 } })).rejects.toThrow(/不使用 --installment/);
    await expect(renderDocument({ ...base, templateName: "invoice-request", inputs: { installment: 9 } })).rejects.toThrow(/超出范围/);
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

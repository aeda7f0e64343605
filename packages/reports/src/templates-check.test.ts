import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fieldAt, type TemplateIssue, templateDataType } from "@qiyue/templating";
import { TEMPLATE_DATA } from "./template-data.js";
import { checkTemplates } from "./templates-check.js";

const MANIFEST = `name: t
title: 测试
description: 测试模板
inputs:
  contract: required
output: "{{contract.id}}-测试"
`;

/** A templates folder holding one template `t` made of the given files. */
function templates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-templates-check-"));
  mkdirSync(join(dir, "t"));
  for (const [name, text] of Object.entries({ "manifest.yaml": MANIFEST, ...files })) writeFileSync(join(dir, "t", name), text);
  return dir;
}

async function issuesOf(template: string, files: Record<string, string> = {}): Promise<TemplateIssue[]> {
  return (await checkTemplates(templates({ "template.md.hbs": template, ...files }))).issues;
}

const brief = (i: TemplateIssue) => `${i.file.split("/").pop()}:${i.line}:${i.column} ${i.code}`;

describe("templates check: the built-in templates", () => {
  it("pass with no error and no warning", async () => {
    const result = await checkTemplates();
    expect(result.templates).toEqual(expect.arrayContaining(["acceptance", "contract", "invoice-request", "renewal-draft"]));
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("templates check: fields", () => {
  it("reports an unknown field with the file, line and column and the likely name", async () => {
    const [issue, ...rest] = await issuesOf("# 标题\n\n甲方：{{contract.partiez.client.name}}\n");
    expect(rest).toEqual([]);
    expect(brief(issue!)).toBe("template.md.hbs:3:6 TEMPLATE_UNKNOWN_FIELD");
    expect(issue!.severity).toBe("error");
    expect(issue!.message).toContain("“contract”没有字段“partiez”");
    expect(issue!.message).toContain("是不是 parties");
  });

  it("accepts every kind of lookup the data has: nested fields, #each, #with, block params, ../, @root, @index, .length, [0]", async () => {
    const issues = await issuesOf(
      [
        "{{contract.parties.client.name}} {{schedule.rows.length}}",
        "{{#each contract.payments.installments as |item i|}}{{add i 1}}. {{item.text}} {{@index}} {{../contract.title}} {{@root.contract.id}}{{/each}}",
        "{{#with contract.parties.vendor}}{{name}}{{#if bank}}{{#if bank.bank}}{{bank.bank}}{{/if}}{{/if}}{{/with}}",
        "{{#with schedule.rows.[0]}}{{trigger}}{{/with}}",
        "{{#each contract.notes}}{{this}}{{/each}}",
      ].join("\n"),
    );
    expect(issues).toEqual([]);
  });

  it("reports a field of a list item, of a #with block and of ../ that does not exist", async () => {
    const issues = await issuesOf(
      [
        "{{#each contract.payments.installments as |item|}}{{item.labell}}{{/each}}",
        "{{#with contract.parties}}{{../title}}{{/with}}",
        "{{#each schedule.rows}}{{amout}}{{/each}}",
      ].join("\n"),
    );
    expect(issues.map(brief)).toEqual([
      "template.md.hbs:1:53 TEMPLATE_UNKNOWN_FIELD",
      "template.md.hbs:2:29 TEMPLATE_UNKNOWN_FIELD",
      "template.md.hbs:3:26 TEMPLATE_UNKNOWN_FIELD",
    ]);
    expect(issues[0]!.message).toContain("是不是 label");
    expect(issues[2]!.message).toContain("是不是 amount");
  });

  it("requires #if before an optional field is printed, entered or looked into", async () => {
    const issues = await issuesOf(
      ["{{contract.number}}", "{{contract.acceptance.text}}", "{{#each contract.scope.staffing.roles}}{{role}}{{/each}}", "{{#if contract.number}}{{contract.number}}{{/if}}"].join("\n"),
    );
    expect(issues.map(brief)).toEqual([
      "template.md.hbs:1:3 TEMPLATE_MAYBE_MISSING",
      "template.md.hbs:2:3 TEMPLATE_MAYBE_MISSING",
      "template.md.hbs:3:9 TEMPLATE_MAYBE_MISSING",
    ]);
    expect(issues[0]!.message).toContain("{{#if contract.number}}");
  });

  it("knows that #unless guards its {{else}}", async () => {
    expect(await issuesOf("{{#unless contract.number}}无编号{{else}}{{contract.number}}{{/unless}}")).toEqual([]);
  });

  it("refuses to print an object, a list or a yes/no value", async () => {
    const issues = await issuesOf("{{contract.parties}} {{contract.notes}} {{schedule.monthly}}");
    expect(issues.map((i) => i.code)).toEqual(["TEMPLATE_NOT_PRINTABLE", "TEMPLATE_NOT_PRINTABLE", "TEMPLATE_NOT_PRINTABLE"]);
  });

  it("refuses #each over something that is not a list and #with on something that is not an object", async () => {
    const issues = await issuesOf("{{#each contract.title}}x{{/each}}{{#with contract.id}}x{{/with}}");
    expect(issues.map((i) => i.code)).toEqual(["TEMPLATE_BLOCK_ARGUMENT", "TEMPLATE_BLOCK_ARGUMENT"]);
  });

  it("reports @index outside #each", async () => {
    const [issue] = await issuesOf("{{add @index 1}}");
    expect(issue!.code).toBe("TEMPLATE_UNKNOWN_VARIABLE");
  });
});

describe("templates check: helpers", () => {
  it("checks the kind of each argument: amounts, ratios, dates, lists", async () => {
    const issues = await issuesOf(
      [
        "{{yuan schedule.total}} {{percent schedule.total}}",
        "{{#if contract.fees.taxRate}}{{yuan contract.fees.taxRate}}{{/if}}",
        "{{cnDate contract.title}} {{cnDate \"2026-13\"}} {{cnDate contract.term.start}}",
        "{{join contract.title}} {{join contract.notes}}",
      ].join("\n"),
    );
    expect(issues.map(brief)).toEqual([
      "template.md.hbs:1:35 TEMPLATE_HELPER_ARGUMENT",
      "template.md.hbs:2:37 TEMPLATE_HELPER_ARGUMENT",
      "template.md.hbs:3:10 TEMPLATE_HELPER_ARGUMENT",
      "template.md.hbs:3:36 TEMPLATE_HELPER_ARGUMENT",
      "template.md.hbs:4:8 TEMPLATE_HELPER_ARGUMENT",
    ]);
    expect(issues[0]!.message).toContain("需要比例（ppm），这里是金额（分）");
    expect(issues[1]!.message).toContain("需要以分为单位的金额，这里是比例（ppm）");
  });

  it("lets helpers that accept a missing value take an optional field", async () => {
    expect(await issuesOf("{{dateOrBlank contract.signing.date}} {{#if (eq contract.number \"x\")}}x{{/if}}")).toEqual([]);
    const [issue] = await issuesOf("{{cnDate contract.signing.date}}");
    expect(issue!.code).toBe("TEMPLATE_MAYBE_MISSING");
  });

  it("reports an unknown helper and a wrong number of arguments through the engine, with the position", async () => {
    const [unknown] = await issuesOf("x\n{{money contract.id}}");
    expect(brief(unknown!)).toBe("template.md.hbs:2:1 TEMPLATE_UNKNOWN_HELPER");
    const [count] = await issuesOf("{{yuan}}");
    expect(count!.code).toBe("TEMPLATE_UNKNOWN_HELPER");
    expect(count!.message).toContain("需要 1 个参数");
  });
});

describe("templates check: the manifest and partials", () => {
  it("knows which parts of the data a template gets from its declared inputs", async () => {
    const [issue] = await issuesOf("{{#with payment}}{{yuan net}}{{/with}}");
    expect(issue!.code).toBe("TEMPLATE_UNKNOWN_FIELD");
    expect(issue!.message).toContain("未声明 installment");
    const withInstallment = MANIFEST.replace("  contract: required\n", "  contract: required\n  installment: required\n");
    expect(await issuesOf("{{#with payment}}{{yuan net}}{{/with}}", { "manifest.yaml": withInstallment })).toEqual([]);
  });

  it("gives clauses to a template that declares them, and only for some contracts: it must be tested with #if", async () => {
    const [undeclared] = await issuesOf("{{#if clauses}}{{clauses.notice}}{{/if}}");
    expect(undeclared!.code).toBe("TEMPLATE_UNKNOWN_FIELD");
    expect(undeclared!.message).toContain("未声明 clauses: required");
    const withClauses = MANIFEST.replace("  contract: required\n", "  contract: required\n  clauses: required\n");
    const [untested] = await issuesOf("{{clauses.notice}}", { "manifest.yaml": withClauses });
    expect(untested!.code).toBe("TEMPLATE_MAYBE_MISSING");
    const tested = "{{#if clauses}}{{#each clauses.articles}}第{{cnIndex number}}条 {{heading}}{{#each paragraphs}}{{ref}}{{#if text}}{{text}}{{/if}}{{/each}}{{/each}}{{/if}}";
    expect(await issuesOf(tested, { "manifest.yaml": withClauses })).toEqual([]);
  });

  it("warns about a declared input the template never uses, and errs on one it uses without declaring", async () => {
    const manifest = MANIFEST.replace("  contract: required\n", "  contract: required\n  date: optional\n");
    const [unused] = await issuesOf("{{contract.id}}", { "manifest.yaml": manifest });
    expect(unused).toMatchObject({ code: "TEMPLATE_INPUT_UNUSED", severity: "warning" });
    const [undeclared] = await issuesOf("{{dateOrBlank inputs.date}}");
    expect(undeclared!.code).toBe("TEMPLATE_UNKNOWN_FIELD");
    expect(undeclared!.message).toContain("未声明输入 date");
    expect((await checkTemplates(templates({ "template.md.hbs": "{{contract.id}}", "manifest.yaml": manifest }))).ok).toBe(true);
  });

  it("checks the output file name pattern, reported in manifest.yaml", async () => {
    const manifest = MANIFEST.replace('output: "{{contract.id}}-测试"', 'output: "{{contract.idd}}-测试"');
    const [issue] = await issuesOf("x", { "manifest.yaml": manifest });
    expect(brief(issue!)).toBe("manifest.yaml:6:12 TEMPLATE_UNKNOWN_FIELD");
  });

  it("checks a partial in the context it is called with, reported in the partial's file", async () => {
    const issues = await issuesOf("{{#each signatories}}{{> _party}}{{/each}}", { "_party.md.hbs": "- {{side}}：{{name}}\n- {{nmae}}\n" });
    expect(issues.map(brief)).toEqual(["_party.md.hbs:2:5 TEMPLATE_UNKNOWN_FIELD"]);
    expect(issues[0]!.message).toContain("是不是 name");
  });

  it("warns about a partial no template uses, and reports a missing one through the engine", async () => {
    const [unused] = await issuesOf("x", { "_extra.md.hbs": "y" });
    expect(unused).toMatchObject({ code: "TEMPLATE_PARTIAL_UNUSED", severity: "warning" });
    const [missing] = await issuesOf("{{> _nothing}}");
    expect(missing!.code).toBe("TEMPLATE_UNKNOWN_PARTIAL");
  });

  it("reports a syntax error and a manifest mistake with their positions", async () => {
    const [syntax] = await issuesOf("{{#if contract.number}}\nx\n");
    expect(syntax).toMatchObject({ code: "TEMPLATE_SYNTAX", severity: "error" });
    expect(syntax!.line).toBeGreaterThan(0);
    const [manifest] = await issuesOf("x", { "manifest.yaml": `${MANIFEST}colour: red\n` });
    expect(manifest).toMatchObject({ code: "TEMPLATE_MANIFEST", line: 7, column: 1 });
  });

  it("checks one template folder on its own", async () => {
    const dir = templates({ "template.md.hbs": "{{contract.partiez}}" });
    const result = await checkTemplates(join(dir, "t"));
    expect(result.templates).toEqual(["t"]);
    expect(result.ok).toBe(false);
  });
});

const field = fieldAt;

describe("templateDataType", () => {
  const manifest = (inputs: Record<string, unknown>) =>
    ({ name: "t", title: "t", description: "t", inputs: { contract: "required", ...inputs }, options: { theme: "formal", toc: false }, output: "x" }) as never;

  it("gives payment only to templates that take installment, and inputs only as declared", () => {
    const plain = templateDataType(manifest({}), TEMPLATE_DATA);
    expect(plain.kind === "object" && plain.fields.has("payment")).toBe(false);
    expect(field(plain, "inputs").type).toMatchObject({ kind: "object", fields: new Map() });
    const invoice = templateDataType(manifest({ installment: "required", date: "optional" }), TEMPLATE_DATA);
    expect(field(invoice, "payment").optional).toBe(false);
    expect(field(invoice, "inputs", "installment").optional).toBe(false);
    expect(field(invoice, "inputs", "date")).toEqual({ type: { kind: "string", format: "date" }, optional: true });
    const renewal = templateDataType(manifest({ years: { required: false, default: 1 } }), TEMPLATE_DATA);
    expect(field(renewal, "renewal").optional).toBe(false);
    expect(field(renewal, "inputs", "years").optional).toBe(false);
  });
});

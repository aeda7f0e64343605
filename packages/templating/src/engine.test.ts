import { workingDayCalendar } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { compileTemplate, unescapeMarkdown } from "./engine.js";
import { TemplateError } from "./errors.js";
import { failure } from "./failure.test-support.js";

const FILE = "demo/template.md.hbs";
const render = (text: string, data: unknown, partials: Record<string, string> = {}) =>
  compileTemplate(
    { file: FILE, text },
    Object.fromEntries(Object.entries(partials).map(([name, t]) => [name, { file: `demo/${name}.md.hbs`, text: t }])),
  )(data);


describe("template engine", () => {
  it("escapes every inserted value for Markdown, never for HTML", () => {
    expect(render("名称：{{name}}", { name: "A&B <c>" })).toBe("名称：A\\&B \\<c\\>");
    expect(render("{{n}}", { n: 1.5 })).toBe("1\\.5");
  });

  it("gives workdayDue the render's working-day calendar, in blocks and partials too", () => {
    const calendar = workingDayCalendar([{ year: 2027, source: "测试用虚构安排", holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }] }]);
    const template = compileTemplate(
      { file: FILE, text: "{{workdayDue start 1}}|{{#each days}}{{workdayDue @root.start this}}{{/each}}|{{> due}}" },
      { due: { file: "demo/due.md.hbs", text: "{{workdayDue start 2}}" } },
    );
    const data = { start: "2026-12-31", days: [1] };
    expect(template(data)).toMatch(/^无法确定/);
    expect(template(data, { calendar })).toBe("2027年1月4日（按测试用虚构安排计算）|2027年1月4日（按测试用虚构安排计算）|2027年1月5日（按测试用虚构安排计算）");
  });

  it("leaves template text alone", () => {
    expect(render("**加粗** | 表格 {{x}}", { x: "值" })).toBe("**加粗** | 表格 值");
  });

  it("fails on a missing field with the template's file, line and column", () => {
    const e = failure(() => render("第一行\n  {{contract.number}}", { contract: {} }));
    expect(e.code).toBe("TEMPLATE_MISSING_FIELD");
    expect([e.file, e.line, e.column]).toEqual([FILE, 2, 3]);
    expect(e.message).toContain(`${FILE}:2:3:`);
    expect(e.message).toContain("contract.number");
  });

  it("fails on a missing intermediate object, in blocks and helper arguments too", () => {
    expect(failure(() => render("{{#if a.b.c}}x{{/if}}", { a: {} })).message).toMatch(/1:7: .*“a\.b”不存在/);
    expect(failure(() => render("\n{{yuan a.b.c}}", { a: {} })).line).toBe(2);
    expect(failure(() => render("{{#each a.list}}x{{/each}}", { a: {} })).message).toMatch(/字段“a\.list”不存在/);
  });

  it("lets {{#if}} test an optional field", () => {
    expect(render("{{#if a.b}}有{{else}}无{{/if}}", { a: {} })).toBe("无");
  });

  it("refuses {{{ }}} and {{& }} at compile time, with the position", () => {
    const e = failure(() => render("正文\n  {{{raw}}}", { raw: "x" }));
    expect(e.code).toBe("TEMPLATE_FORBIDDEN");
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(failure(() => render("{{& raw}}", {})).code).toBe("TEMPLATE_FORBIDDEN");
  });

  it("blocks prototype access", () => {
    for (const text of ["{{constructor.name}}", "{{constructor}}", "{{a.constructor}}", "{{a.__proto__}}", "{{#with constructor}}x{{/with}}"]) {
      expect(() => render(text, { a: {} }), text).toThrow(TemplateError);
    }
    expect(() => render("{{a.toString}}", { a: {} })).toThrow(/a\.toString/);
  });

  it("refuses unknown helpers, log and lookup, and blocks on fields", () => {
    expect(failure(() => render("{{shout x}}", { x: 1 })).code).toBe("TEMPLATE_UNKNOWN_HELPER");
    expect(failure(() => render("{{log x}}", { x: 1 })).code).toBe("TEMPLATE_UNKNOWN_HELPER");
    expect(failure(() => render("{{lookup a 'b'}}", { a: {} })).code).toBe("TEMPLATE_UNKNOWN_HELPER");
    expect(failure(() => render("{{yuan 1 2}}", {})).message).toMatch(/需要 1 个参数/);
    expect(failure(() => render("{{#a}}x{{/a}}", { a: {} })).code).toBe("TEMPLATE_FORBIDDEN");
  });

  it("reports syntax errors with the line and column", () => {
    const e = failure(() => render("一\n二 {{x", {}));
    expect(e.code).toBe("TEMPLATE_SYNTAX");
    expect(e.line).toBe(2);
    expect(e.column).toBeGreaterThan(1);
  });

  it("names the helper's call site when a helper refuses its argument", () => {
    const e = failure(() => render("金额\n合计 {{yuan total}}", { total: "一百" }));
    expect(e.code).toBe("TEMPLATE_HELPER");
    expect([e.file, e.line, e.column]).toEqual([FILE, 2, 4]);
  });

  it("uses partials of the template's own folder only", () => {
    expect(render("{{#each l}}{{> _item}}{{/each}}", { l: [{ n: "*a*" }] }, { _item: "- {{n}}\n" })).toBe("- \\*a\\*\n");
    expect(failure(() => render("{{> other}}", {})).code).toBe("TEMPLATE_UNKNOWN_PARTIAL");
    const inPartial = failure(() => render("{{> _item}}", {}, { _item: "\n{{missing}}" }));
    expect([inPartial.file, inPartial.line]).toEqual(["demo/_item.md.hbs", 2]);
  });

  it("refuses to print objects", () => {
    expect(failure(() => render("{{a}}", { a: { b: 1 } })).message).toMatch(/不能直接输出/);
  });

  it("unescapeMarkdown undoes escapeMarkdown for plain text", () => {
    expect(unescapeMarkdown(render("{{x}}", { x: "a-b_c: 1.5" }))).toBe("a-b_c: 1.5");
  });
});

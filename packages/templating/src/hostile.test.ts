/** Templates made to break the engine: each an error at its file, line and column, never a stack overflow. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePlainText, compileTemplate } from "./engine.js";
import { TemplateError } from "./errors.js";
import { failure } from "./failure.test-support.js";
import { MAX_BLOCK_DEPTH, MAX_EXPRESSION_DEPTH } from "./limits.js";
import { loadTemplateDir } from "./load.js";
import { locateGeneratedLine } from "./locate.js";
import { parseManifest } from "./manifest.js";

const FILE = "demo/template.md.hbs";
const compile = (text: string, partials: Record<string, string> = {}) =>
  compileTemplate(
    { file: FILE, text },
    Object.fromEntries(Object.entries(partials).map(([name, t]) => [name, { file: `demo/${name}.md.hbs`, text: t }])),
  );


async function failureOf(promise: Promise<unknown>): Promise<TemplateError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error("expected a TemplateError");
}

const MANIFEST = "name: demo\ntitle: 演示\ndescription: 演示\ninputs:\n  contract: required\noutput: demo\n";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-hostile-template-"));
  const template = join(dir, "demo");
  mkdirSync(template);
  for (const [name, text] of Object.entries({ "manifest.yaml": MANIFEST, ...files })) writeFileSync(join(template, name), text);
  return template;
}

describe("hostile templates", () => {
  it("a partial that calls itself is refused when compiled, at the call", () => {
    const e = failure(() => compile("# T\n{{> _loop}}\n", { _loop: "x\n{{#if a}}{{> _loop}}{{/if}}\n" }));
    expect(e).toMatchObject({ code: "TEMPLATE_PARTIAL_RECURSION", file: "demo/_loop.md.hbs", line: 2, column: 10 });
    expect(e.message).toContain("_loop → _loop");
  });

  it("mutually recursive partials are refused, even when the template never calls them", () => {
    const e = failure(() => compile("# T\n", { _a: "{{> _b}}", _b: "\n\n{{> _a}}" }));
    expect(e).toMatchObject({ code: "TEMPLATE_PARTIAL_RECURSION", file: "demo/_b.md.hbs", line: 3, column: 1 });
    expect(e.message).toContain("_a → _b → _a");
  });

  it("a partial used twice without a cycle is fine", () => {
    expect(compile("{{> _p}}{{> _p}}", { _p: "p" })({})).toBe("pp");
  });

  it("5,000 nested blocks are refused at the block past the limit, quickly", () => {
    const started = Date.now();
    const e = failure(() => compile(`{{#if a}}\n`.repeat(5000) + "x" + "{{/if}}".repeat(5000)));
    expect(e).toMatchObject({ code: "TEMPLATE_TOO_DEEP", file: FILE, line: MAX_BLOCK_DEPTH + 1, column: 1 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("deeply nested sub-expressions are refused at the parenthesis past the limit", () => {
    const e = failure(() => compile(`{{yuan ${"(yuan ".repeat(100)}1${")".repeat(100)}}}`));
    expect(e).toMatchObject({ code: "TEMPLATE_TOO_DEEP", line: 1, column: 8 + 6 * MAX_EXPRESSION_DEPTH });
  });

  it("nesting within the limits, and braces in comments and strings, are not counted", () => {
    const ok = `{{!-- {{#if}} {{#if}} --}}${"{{#if a}}".repeat(10)}x${"{{/if}}".repeat(10)}{{#if a}}{{/if}}`;
    expect(compile(ok)({ a: true })).toBe("x");
  });

  it("a template with lone carriage returns reports the right line", async () => {
    const dir = folder({ "template.md.hbs": "# T\r\rx {{{a}}}\r" });
    expect(await failureOf(loadTemplateDir(dir))).toMatchObject({ code: "TEMPLATE_FORBIDDEN", line: 3, column: 3 });
  });

  it("a partial that is a symbolic link out of the template folder is never read", async () => {
    const outside = mkdtempSync(join(tmpdir(), "qiyue-outside-"));
    writeFileSync(join(outside, "secret.txt"), "SECRET=hunter2\n");
    const dir = folder({ "template.md.hbs": "# T\n{{> _p}}\n" });
    symlinkSync(join(outside, "secret.txt"), join(dir, "_p.md.hbs"));
    const e = await failureOf(loadTemplateDir(dir));
    expect(e).toMatchObject({ code: "TEMPLATE_OUTSIDE", file: join(dir, "_p.md.hbs") });
    expect(e.message).not.toContain("hunter2");
  });

  it("the template itself and the manifest may not point outside either", async () => {
    const outside = mkdtempSync(join(tmpdir(), "qiyue-outside-"));
    writeFileSync(join(outside, "t.md.hbs"), "# elsewhere\n");
    const dir = folder({});
    symlinkSync(join(outside, "t.md.hbs"), join(dir, "template.md.hbs"));
    expect(await failureOf(loadTemplateDir(dir))).toMatchObject({ code: "TEMPLATE_OUTSIDE" });
  });

  it("a link inside the folder is followed", async () => {
    const dir = folder({ "template.md.hbs": "# T\n{{> _p}}\n", "real.md.hbs": "p\n" });
    symlinkSync(join(dir, "real.md.hbs"), join(dir, "_p.md.hbs"));
    expect((await loadTemplateDir(dir)).render({})).toBe("# T\np\n");
  });

  it("a mistake in the output pattern is reported at its line in manifest.yaml", async () => {
    const dir = folder({ "manifest.yaml": MANIFEST.replace("output: demo", 'output: "{{#each}}x"'), "template.md.hbs": "# T\n" });
    const e = await failureOf(loadTemplateDir(dir));
    expect(e).toMatchObject({ file: join(dir, "manifest.yaml"), line: 6 });
  });

  it("a manifest with a billion-laughs alias is a manifest error at its line", () => {
    const laughs = `${MANIFEST}a: &a [x,x,x,x,x,x,x,x,x,x]\n${["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${`*${"abcdefg"[i]},`.repeat(10)}]`).join("\n")}\n`;
    expect(failure(() => parseManifest(laughs, "manifest.yaml"))).toMatchObject({ code: "TEMPLATE_MANIFEST", file: "manifest.yaml", line: expect.any(Number) });
  });
});

describe("locateGeneratedLine", () => {
  it("finds the template line that wrote a generated line, values standing for any text", () => {
    const sources = [
      { file: "t.md.hbs", text: "# {{title}}\n\n{{#if x}}\n::chart{id={{id}}}\n{{/if}}\n" },
      { file: "_p.md.hbs", text: "> 引用 {{a}}\n" },
    ];
    expect(locateGeneratedLine(sources, "::chart{id=sales}")).toEqual({ file: "t.md.hbs", line: 4, column: 1 });
    expect(locateGeneratedLine(sources, "> 引用 某某")).toEqual({ file: "_p.md.hbs", line: 1, column: 1 });
    expect(locateGeneratedLine(sources, "nothing like it")).toBeUndefined();
  });
});

describe("the engine on any template text (fuzz)", () => {
  const pieces = fc.constantFrom(
    "{{#if a}}", "{{/if}}", "{{#each xs}}", "{{/each}}", "{{else}}", "{{a}}", "{{{a}}}", "{{> _p}}", "{{> _q}}", "(", ")", "{{yuan (yuan 1)}}",
    "{{!-- c --}}", "{{!", "}}", "{{", "\n", "\r", "x", "{{#with a}}", "{{/with}}", "{{^}}", "{{~a~}}", '"', "{{lookup a b}}", "{{#>p}}{{/p}}",
  );
  const template = fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((p) => p.join(""));

  it("compiles and renders or fails with a TemplateError, never anything else", () => {
    fc.assert(
      fc.property(template, template, template, (main, p, q) => {
        try {
          const render = compile(main, { _p: p, _q: q });
          render({ a: "v", xs: [1, 2] });
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          expect(e.file).toBeDefined();
        }
      }),
      { numRuns: 800, interruptAfterTimeLimit: 15_000 },
    );
  });

  it("a plain-text pattern (an output name) fails only with a TemplateError", () => {
    fc.assert(
      fc.property(template, (text) => {
        try {
          compilePlainText({ file: "manifest.yaml", text, position: (line, column) => ({ line: line + 5, column }) })({ a: "v" });
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: 10_000 },
    );
  });
});

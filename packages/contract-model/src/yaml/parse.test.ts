import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt.js";
import { MAX_ALIAS_EXPANSION } from "./aliases.js";
import { parseYaml } from "./parse.js";

const issuesOf = (text: string) => {
  const r = parseYaml(text, "f.yaml");
  return "issues" in r ? r.issues : [];
};

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
].join("\n");

describe("parseYaml", () => {
  it("reads plain YAML with positions", () => {
    const r = parseYaml("a: 1\nb: [x, y]\n", "f.yaml");
    expect("issues" in r).toBe(false);
    if (!("issues" in r)) expect(r.data).toEqual({ a: 1, b: ["x", "y"] });
  });

  it("keeps the aliases a file may use", () => {
    const r = parseYaml("party: &p { name: 甲 }\nagain: *p\n", "f.yaml");
    expect("issues" in r ? r.issues : r.data).toEqual({ party: { name: "甲" }, again: { name: "甲" } });
  });

  it("refuses a billion-laughs file at the alias that passes the limit, quickly", () => {
    const started = Date.now();
    const [issue] = issuesOf(BILLION_LAUGHS);
    expect(issue).toMatchObject({ code: "YAML_ALIAS_EXPANSION", file: "f.yaml", line: 6 });
    expect(issue?.column).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("counts aliases once each, so a wide but honest use passes", () => {
    const many = ["x: &x abc", ...Array.from({ length: 500 }, (_, i) => `k${i}: *x`)].join("\n");
    expect(issuesOf(many)).toEqual([]);
    expect(MAX_ALIAS_EXPANSION).toBeGreaterThan(500);
  });

  it("refuses an alias of an anchor never set, at its line and column", () => {
    expect(issuesOf("id: x\nfoo: *nope\n")).toEqual([
      expect.objectContaining({ code: "YAML_ALIAS_UNDEFINED", line: 2, column: 6 }),
    ]);
  });

  it("refuses an alias used before its anchor", () => {
    expect(issuesOf("a: *later\nb: &later 1\n")[0]).toMatchObject({ code: "YAML_ALIAS_UNDEFINED", line: 1, column: 4 });
  });

  it("refuses an alias of a node inside itself", () => {
    expect(issuesOf("a: &a\n  b: *a\n")[0]).toMatchObject({ code: "YAML_ALIAS_RECURSIVE", line: 2, column: 6 });
    expect(issuesOf("- &s [1, *s]\n")[0]).toMatchObject({ code: "YAML_ALIAS_RECURSIVE", line: 1 });
  });

  it("reads a file whose lines end in a lone carriage return line by line", () => {
    const r = parseYaml("# comment\ra: 1\rb: [\r", "f.yaml");
    expect("issues" in r && r.issues[0]?.line).toBeGreaterThan(1);
    const ok = parseYaml("# comment\ra: 1\rb: 2\r", "f.yaml");
    expect("issues" in ok ? ok.issues : ok.data).toEqual({ a: 1, b: 2 });
  });

  it("refuses nesting too deep for the reader, with a position", () => {
    const [issue] = issuesOf(`a: ${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(issue).toMatchObject({ code: "YAML_SYNTAX", line: 1 });
  });

  it("never quotes more of the file than a short escaped excerpt", () => {
    const secret = `${"SECRET=hunter2\u0000".repeat(50)}`;
    for (const issue of issuesOf(`a: [${secret}\n`)) expect(issue.message.length).toBeLessThan(200);
  });
});

describe("excerpt", () => {
  it("escapes control and invisible characters and cuts long text", () => {
    expect(excerpt("a\nb\u0000c\u200bd")).toBe("a\\nb\\u0000c\\u200bd");
    expect(excerpt("x".repeat(100), 10)).toBe(`${"x".repeat(10)}…`);
  });

  it("stringifies cycles and large values without throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(excerpt(cyclic)).toContain("self");
    expect(excerpt(Array.from({ length: 10_000 }, (_, i) => i)).length).toBeLessThanOrEqual(61);
  });
});

/** Fragments that YAML gives meaning to, so generated text reaches the parser's corners. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom("&a ", "&b ", "*a", "*b", "[", "]", "{", "}", ": ", "- ", "\n", "\r", "\r\n", "  ", "'", '"', "#", "!", "!!str ", "<<: ", "? ", "|", ">", "---\n", "...\n", ",", "\t", "%YAML 1.2\n"),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("parseYaml on any text (fuzz)", () => {
  it("returns data or positioned issues, never throws, never hangs", () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ maxLength: 200 })), (text) => {
        const r = parseYaml(text, "fuzz.yaml");
        if ("issues" in r) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) {
            expect(issue.code).toMatch(/^YAML_/);
            expect(issue.file).toBe("fuzz.yaml");
            expect(issue.message.length).toBeLessThan(300);
          }
        } else {
          // plain data: serialisable, so no cycle reached the caller
          expect(() => JSON.stringify(r.data)).not.toThrow();
        }
      }),
      { numRuns: 1500, interruptAfterTimeLimit: 15_000 },
    );
  });
});

/** Contracts made to break the reader: each is a user error at its line and column, never a crash. */
import { describe, expect, it } from "vitest";
import { exampleSource } from "../testing/examples.js";
import { issuesOf } from "../testing/load.js";


const pinggu = exampleSource("pinggu-2026");
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("hostile contracts", () => {
  it("a term ending 9999-12-31 is refused where it is written", () => {
    const source = pinggu.replace('end: "2027-03-18"', 'end: "9999-12-31"');
    const issue = issuesOf(source).find((i) => i.path === "term.end");
    expect(issue).toMatchObject({ code: "DATE_OUT_OF_RANGE", line: lineOf(source, '"9999-12-31"'), column: 8 });
    expect(issue?.message).toContain("1980-01-01 至 2100-12-31");
  });

  it("a date in year 0000 is refused where it is written", () => {
    const source = pinggu.replace('start: "2026-03-19"', 'start: "0000-01-01"');
    expect(issuesOf(source).find((i) => i.path === "term.start")).toMatchObject({ code: "DATE_OUT_OF_RANGE", line: lineOf(source, '"0000-01-01"') });
  });

  it("a file with lone carriage returns is read line by line", () => {
    const source = pinggu.replace('start: "2026-03-19"', 'start: "2026-13-19"').replaceAll("\n", "\r");
    const issue = issuesOf(source).find((i) => i.path === "term.start");
    expect(issue).toMatchObject({ code: "INVALID_DATE", line: lineOf(pinggu, 'start: "2026-03-19"') });
  });

  it("a recursive alias is an error at the alias, not a crash while describing it", () => {
    const issues = issuesOf(`${pinggu}\nextra: &x\n  again: *x\n`);
    expect(issues).toEqual([expect.objectContaining({ code: "YAML_ALIAS_RECURSIVE", line: pinggu.split("\n").length + 2 })]);
  });

  it("a value of the wrong type is quoted short and escaped", () => {
    const long = `${"机密".repeat(500)}\u0000`;
    const issue = issuesOf(pinggu.replace("term:\n", `term: ${JSON.stringify(long)}\nx_term:\n`)).find((i) => i.path === "term");
    expect(issue?.message.length).toBeLessThan(150);
    expect(issue?.message).toContain("…");
  });
});

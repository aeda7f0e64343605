import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSplitter, CsvSyntaxError } from "./csv-splitter.js";

function split(chunks: readonly string[], delimiter = ","): string[][] {
  const splitter = new CsvSplitter(delimiter);
  const out: string[][] = [];
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}

describe("CsvSplitter", () => {
  it("splits plain, quoted and multi-line records", () => {
    const text = 'a,b,c\r\n1,"x, y",3\r\n2,"line 1\nline 2",4\n3,"say ""hi""",5';
    expect(split([text])).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", "3"],
      ["2", "line 1\nline 2", "4"],
      ["3", 'say "hi"', "5"],
    ]);
  });

  it("gives the same records however the text is cut", () => {
    const text = 'h1,h2\r\n"a\r\nb",c\r\n"",""\r\nx,"y"""\r\n';
    const whole = split([text]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it("keeps a quote inside an unquoted field and text after a closing quote", () => {
    expect(split(['5"寸,"ab"cd,e\n'])).toEqual([['5"寸', "abcd", "e"]]);
  });

  it("keeps a blank line as a one-field record (a spreadsheet row)", () => {
    expect(split(["a\n\nb\n"])).toEqual([["a"], [""], ["b"]]);
  });

  it("honours another delimiter", () => {
    expect(split(["a;b\n"], ";")).toEqual([["a", "b"]]);
  });

  it("stops on a record that never closes its quote", () => {
    const splitter = new CsvSplitter(",", 100);
    expect(() => splitter.push(`a,"${"x".repeat(200)}`, [])).toThrow(CsvSyntaxError);
  });

  it("agrees with csv-parse on RFC 4180 text, whatever the chunking", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[^",\r\n]{0,6}$/),
      fc.string({ maxLength: 6, unit: fc.constantFrom("a", "中", ",", '"', "\n", "\r\n", " ") }).map(
        (s) => `"${s.replace(/"/g, '""')}"`,
      ),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(","));
    const csv = fc
      .tuple(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(([records, eol, trailing]) => records.join(eol) + (trailing ? eol : ""))
      // csv-parse drops a final record made of one empty field; so does a spreadsheet.
      .filter((text) => !/(^|\n)$/.test(text.replace(/\r?\n$/, "")));
    fc.assert(
      fc.property(csv, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: false });
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length].slice(1).map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
        expect(split(chunks)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

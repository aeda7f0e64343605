import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSplitter, splitRecords, splitText } from "./csv-splitter.js";

function records(chunks: readonly string[], delimiter = ",", limit?: number) {
  const splitter = new CsvSplitter(delimiter, limit);
  const out = splitRecords();
  for (const chunk of chunks) splitter.push(chunk, out);
  splitter.end(out);
  return out;
}

function split(chunks: readonly string[], delimiter = ","): string[][] {
  return records(chunks, delimiter).rows;
}

/** Rows, a broken record shown as its reason. */
function shown(chunks: readonly string[], limit?: number): (string[] | string)[] {
  const out = records(chunks, ",", limit);
  return out.rows.map((row, i) => out.notes.find((n) => n.index === i && n.broken !== undefined)?.broken ?? row);
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

  it("keeps a quote inside an unquoted field", () => {
    expect(split(['5"寸,ab"cd,e\n'])).toEqual([['5"寸', 'ab"cd', "e"]]);
  });

  it("refuses text after a closing quote and goes on at the next line", () => {
    expect(shown(['a,"ab"cd,e\nf,g,h\n'])).toEqual(["text-after-quote", ["f", "g", "h"]]);
  });

  it("costs one row, not the rest of the file, for a quote never closed", () => {
    const lines = ["h1,h2,h3", 'a,"open,c', "d,e,f", "g,h,i"];
    expect(shown([lines.join("\n")])).toEqual([["h1", "h2", "h3"], "unclosed-quote", ["d", "e", "f"], ["g", "h", "i"]]);
    expect(shown([lines.join("\r\n") + "\r\n"])).toEqual([["h1", "h2", "h3"], "unclosed-quote", ["d", "e", "f"], ["g", "h", "i"]]);
  });

  it("splits a quote that runs into a later quoted field at the line it opened", () => {
    // the open quote closes at the next row's quote, then text follows it
    const text = 'a,"open,c\nd,e,f\ng,"x,y",i\n';
    expect(shown([text])).toEqual(["text-after-quote", ["d", "e", "f"], ["g", "x,y", "i"]]);
  });

  it("gives the text of a record that spans lines, for a caller to re-split", () => {
    const out = records(['a,"line 1\nline 2",c\nd,e,f\n']);
    expect(out.rows).toEqual([["a", "line 1\nline 2", "c"], ["d", "e", "f"]]);
    expect(out.notes).toEqual([{ index: 0, raw: 'a,"line 1\nline 2",c\n' }]);
  });

  it("re-splits whole text at once", () => {
    expect(splitText("a,b\nc,d").rows).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps a blank line as a one-field record (a spreadsheet row)", () => {
    expect(split(["a\n\nb\n"])).toEqual([["a"], [""], ["b"]]);
  });

  it("honours another delimiter", () => {
    expect(split(["a;b\n"], ";")).toEqual([["a", "b"]]);
  });

  it("breaks off a record longer than the limit and reads on from the next line", () => {
    expect(shown([`a,"${"x".repeat(200)}`, "\nb,c\n"], 100)).toEqual(["unclosed-quote", ["b", "c"]]);
    expect(shown(["y".repeat(150), "y".repeat(150), "\nb,c\n"], 100)).toEqual(["record-too-long", ["b", "c"]]);
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

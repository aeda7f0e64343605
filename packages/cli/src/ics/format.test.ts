import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentLines, escapeText, foldLine, icsDate, icsUtc } from "./format.js";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar content lines", () => {
  it("escapes backslash, semicolon, comma and line breaks in TEXT", () => {
    expect(escapeText("甲方,乙方;备注\\说明\n第二行\r\n第三行")).toBe("甲方\\,乙方\\;备注\\\\说明\\n第二行\\n第三行");
  });

  it("folds at 75 octets, continuation lines starting with a space, never inside a UTF-8 character", () => {
    const line = `SUMMARY:${"付款到期".repeat(20)}`;
    const folded = foldLine(line);
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    // SUMMARY: is 8 octets, each 汉字 3: 22 characters fit in the first line (8 + 66 = 74), the 23rd would make 77
    expect(octets(folded[0]!)).toBe(74);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(line);
  });

  it("folding keeps every character whole, whatever the mix of scripts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "，", "元", "😀", "\\n", "é", " "), { maxLength: 200 }), (parts) => {
        const line = `DESCRIPTION:${parts.join("")}`;
        const folded = foldLine(line);
        for (const l of folded) {
          expect(octets(l)).toBeLessThanOrEqual(75);
          expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l);
          expect(l).not.toMatch(/[\uD800-\uDBFF]$/); // no surrogate pair split
        }
        expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(line);
      }),
    );
  });

  it("ends every line with CRLF", () => {
    expect(contentLines(["BEGIN:VCALENDAR", "END:VCALENDAR"])).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  });

  it("writes all-day dates and UTC stamps", () => {
    expect(icsDate("2026-05-11")).toBe("20260511");
    expect(icsUtc(1767225600)).toBe("20260101T000000Z");
  });
});

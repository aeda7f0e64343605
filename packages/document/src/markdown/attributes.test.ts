import { describe, expect, it } from "vitest";
import { parseAttributes } from "./attributes.js";

describe("parseAttributes", () => {
  it("reads quoted and bare values", () => {
    expect(parseAttributes('id="daily-trend" width=480  height=260 title="日 \\"趋势\\" \\\\"', 1)).toEqual({
      id: "daily-trend",
      width: "480",
      height: "260",
      title: '日 "趋势" \\',
    });
    expect(parseAttributes("", 1)).toEqual({});
  });

  it("rejects malformed lists", () => {
    for (const raw of ["=1", "a", "a=", 'a="x', "a=1 a=2", 'a="x"b=1']) {
      expect(() => parseAttributes(raw, 4), raw).toThrow(expect.objectContaining({ code: "RENDER_BAD_DIRECTIVE_ATTRIBUTES", line: 4 }));
    }
  });
});

import { describe, expect, it } from "vitest";
import { RenderError } from "../errors.js";
import { MAX_CONTAINER_DEPTH, MAX_LIST_DEPTH } from "./nesting.js";
import { parseMarkdown } from "./parse.js";

const failure = (markdown: string) => {
  try {
    parseMarkdown(markdown);
  } catch (e) {
    return e as RenderError;
  }
  throw new Error("expected a RenderError");
};

describe("nesting limits", () => {
  it("lists nested past what DOCX numbering holds are an error at their line", () => {
    const list = Array.from({ length: 12 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n");
    const e = failure(`# T\n\n${list}\n`);
    expect(e).toBeInstanceOf(RenderError);
    expect(e).toMatchObject({ code: "RENDER_TOO_DEEP", line: 3 + MAX_LIST_DEPTH });
  });

  it("thousands of nested quotes are an error, not plain text or a crash", () => {
    const e = failure(`# T\n\n${"> ".repeat(5000)}deep\n`);
    expect(e).toMatchObject({ code: "RENDER_TOO_DEEP", line: 3 });
    expect(e.message).toContain(String(MAX_CONTAINER_DEPTH));
  });

  it("nesting within the limits is read", () => {
    const list = Array.from({ length: MAX_LIST_DEPTH }, (_, i) => `${"  ".repeat(i)}- x`).join("\n");
    expect(parseMarkdown(`# T\n\n${list}\n\n${"> ".repeat(5)}q\n`).blocks.length).toBeGreaterThan(1);
  });
});

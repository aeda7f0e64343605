import { describe, expect, it } from "vitest";
import * as engine from "./index.js";

describe("the engine's public surface", () => {
  it("parses Markdown once and renders the same document to DOCX and PDF", async () => {
    const doc = engine.parseMarkdown(`# ${engine.escapeMarkdown("验收单*")}\n\n:::kv\n- 项目：热线\n:::`, { theme: "plain" });
    expect(doc.meta.title).toBe("验收单*");
    const [docx, pdf] = await Promise.all([engine.renderDocx(doc), engine.renderPdf(doc)]);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe("PK");
    expect(Buffer.from(pdf.subarray(0, 8)).toString()).toBe("%PDF-1.7");
  });

  it("throws typed errors with stable codes", async () => {
    const error = await engine.renderPdf(engine.parseMarkdown("::chart{id=a}")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(engine.RenderError);
    expect(error).toMatchObject({ code: "RENDER_UNKNOWN_CHART", line: 1, name: "RenderError" });
    expect(engine.themeNames).toEqual(["formal", "plain"]);
    expect(engine.HAO.三号).toBe(16);
  });
});

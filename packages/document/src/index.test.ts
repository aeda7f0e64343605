import { describe, expect, it } from "vitest";
import { sampleContractMarkdown } from "@qiyue/testing";
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
    // an SVG neither backend can draw is named at its line, in both formats
    const doc = engine.parseMarkdown("正文\n\n::chart{id=c width=300 height=150}");
    for (const svg of ['<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>']) {
      for (const render of [engine.renderPdf, engine.renderDocx]) {
        const bad = await render(doc, { charts: { c: { svg } } }).catch((e: unknown) => e);
        expect(bad).toBeInstanceOf(engine.RenderError);
        expect(bad).toMatchObject({ code: "RENDER_BAD_CHART", line: 3 });
        expect((bad as Error).message).toContain("图表“c”的 SVG 无法绘制");
      }
    }
    expect(engine.HAO.三号).toBe(16);
  });

  it("lays a document out once for both formats: the PDF's heading pages fill the DOCX's table of contents", async () => {
    const doc = engine.parseMarkdown(sampleContractMarkdown().replace(/^(# .*)$/m, "$1\n\n::toc\n\n::pagebreak"));
    const laidOut = await engine.renderPdfLaidOut(doc, { sourceDateEpoch: 1 });
    const headings = await engine.headingPages(doc, { sourceDateEpoch: 1 });
    expect(laidOut.headings).toEqual(headings);
    // The sample has headings past the first pages, so a wrong source of page numbers would show.
    expect(new Set(headings.map((h) => h.page)).size).toBeGreaterThan(2);
    const alone = { docx: await engine.renderDocx(doc, { sourceDateEpoch: 1 }), pdf: await engine.renderPdf(doc, { sourceDateEpoch: 1 }) };
    const both = await engine.renderFormats(doc, ["docx", "pdf"], () => ({ sourceDateEpoch: 1 }));
    expect([...both.keys()]).toEqual(["docx", "pdf"]);
    expect(Buffer.from(both.get("docx")!).equals(Buffer.from(alone.docx))).toBe(true);
    expect(Buffer.from(both.get("pdf")!).equals(Buffer.from(laidOut.bytes))).toBe(true);
    expect(Buffer.from(alone.pdf).equals(Buffer.from(laidOut.bytes))).toBe(true);
    // Given wrong pages, the DOCX shows them: the pages passed in are the ones used.
    const shifted = await engine.renderDocx(doc, { sourceDateEpoch: 1 }, { headings: headings.map((h) => ({ ...h, page: h.page + 40 })) });
    expect(Buffer.from(shifted).equals(Buffer.from(alone.docx))).toBe(false);
  });
});

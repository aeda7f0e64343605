import { describe, expect, it, vi } from "vitest";
import type { PdfDefinition } from "./context.js";
import { renderDefinition } from "./engine.js";

function definition(content: PdfDefinition["content"]): PdfDefinition {
  return {
    pageSize: { width: 595, height: 842 },
    pageMargins: [40, 40, 40, 40],
    language: "zh-CN",
    info: { title: "t", creator: "qiyue", producer: "qiyue" },
    defaultStyle: { font: "NotoSerifSC", fontSize: 12 },
    styles: {},
    content,
    footer: () => ({ text: "" }),
  };
}

const input = (content: PdfDefinition["content"], extra: Partial<PdfDefinition> = {}) => ({
  definition: { ...definition(content), ...extra },
  date: new Date(0),
  id: Buffer.alloc(16),
});

describe("the PDF engine's access policies", () => {
  it("denies local files named as images", async () => {
    await expect(renderDefinition(input([{ image: "/etc/passwd", width: 10 }]))).rejects.toThrow(/denied|不读取/);
  });

  it("denies URLs without fetching them", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    await expect(
      renderDefinition(input([{ image: "logo", width: 10 }], { images: { logo: "http://127.0.0.1/logo.png" } } as Partial<PdfDefinition>)),
    ).rejects.toThrow(/denied/);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it("denies fonts that are not the bundled faces", async () => {
    await expect(renderDefinition(input([{ text: "x", font: "Roboto" }]))).rejects.toThrow();
  });
});

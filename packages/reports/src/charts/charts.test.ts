import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { fontPath } from "@qiyue/document";
import { parseMarkdown } from "@qiyue/document";
import { renderPdf } from "@qiyue/document";
import { chartFor } from "@qiyue/document";
import { hasTool, pdfText } from "@qiyue/testing";
import { CHART_FONT, type ChartData, type ChartKind, chartSpec, chartSvg, outlineText } from "./index.js";
import { chartLibraries, moduleBuilds, renderSpec } from "./render-svg.js";
import { groupDigits } from "./specs.js";

const DAYS: ChartData["daily-trend"] = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-04-${String(i + 1).padStart(2, "0")}`,
  count: 100 + ((i * 37) % 50),
}));
const TYPES: ChartData["request-types"] = [
  { label: "咨询", count: 120 },
  { label: "求助", count: 340 },
  { label: "投诉", count: 360 },
  { label: "举报", count: 60 },
  { label: "建议", count: 50 },
  { label: "表扬", count: 30 },
];
const CATEGORIES: ChartData["category-top"] = ["垃圾清运", "物业服务", "违章停车", "路灯不亮"].map((label, i) => ({ label, count: 90 - i * 11 }));
const UNITS: ChartData["unit-ranking"] = {
  measure: "score",
  rows: [
    { unit: "滨河街道办事处", value: 93.25, text: "93.25" },
    { unit: "平谷区住房和城乡建设委员会", value: 81.5, text: "81.50" },
  ],
};
const ALL: [ChartKind, ChartData[ChartKind]][] = [
  ["daily-trend", DAYS],
  ["request-types", TYPES],
  ["category-top", CATEGORIES],
  ["unit-ranking", UNITS],
];

/** Every text element's content. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

function png(svg: string, fonts: string[]): Buffer {
  return new Resvg(svg, {
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: CHART_FONT },
  })
    .render()
    .asPng();
}

describe("chartSvg", () => {
  it("draws the same bytes for the same data, whatever was drawn before", async () => {
    const first = await Promise.all(ALL.map(([kind, data]) => chartSvg(kind, data)));
    const again = await Promise.all([...ALL].reverse().map(([kind, data]) => chartSvg(kind, data)));
    expect(again.reverse().map((c) => c.svg)).toEqual(first.map((c) => c.svg));
  });

  it("is exactly the size asked for, axes included", async () => {
    const chart = await chartSvg("daily-trend", DAYS, { width: 400, height: 200 });
    expect(chart).toMatchObject({ width: 400, height: 200 });
    expect(chart.svg).toMatch(/^<svg[^>]* width="400" height="200" viewBox="0 0 400 200"/);
    const bars = await chartSvg("category-top", CATEGORIES);
    expect(bars.height).toBe(124); // 44 + 20 × 4 bars
  });

  it("sets Chinese titles and labels in the bundled font, with nothing a renderer would fetch", async () => {
    for (const [kind, data] of ALL) {
      const { svg } = await chartSvg(kind, data);
      const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
      expect([...families]).toEqual([CHART_FONT]);
      expect(svg).not.toMatch(/aria-label|<image|@import|href="(?!#)/);
      // the engine's own check of chart SVGs accepts it
      expect(() => chartFor({ type: "chart", id: kind, width: 450, height: 200 }, { charts: { [kind]: { svg } } })).not.toThrow();
    }
    const trend = texts((await chartSvg("daily-trend", DAYS)).svg);
    expect(trend).toEqual(expect.arrayContaining(["日期（4月）", "工单量（件）", "1", "30", "虚线为日均值 124.8 件"]));
    const types = texts((await chartSvg("request-types", TYPES)).svg);
    expect(types).toEqual(expect.arrayContaining(["诉求类型", "咨询", "表扬", "360"]));
    const ranking = texts((await chartSvg("unit-ranking", UNITS)).svg);
    expect(ranking).toEqual(expect.arrayContaining(["平谷区住房和城乡建设委员会", "93.25", "综合成绩（分）"]));
  });

  it("rasterises with the bundled Noto Sans SC only: every character has a glyph (no tofu)", async () => {
    const { svg } = await chartSvg("unit-ranking", UNITS);
    const chars = [...new Set(texts(svg).join(""))].filter((c) => c.codePointAt(0)! > 0x2e80);
    expect(chars.length).toBeGreaterThan(10);
    const font = [fontPath("sans")];
    const cell = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><text x="2" y="20" font-family="${CHART_FONT}" font-size="20">${text}</text></svg>`;
    const tofu = png(cell("\uE000"), font);
    const blank = png(cell(""), font);
    for (const ch of chars) {
      const drawn = png(cell(ch), font);
      expect(drawn.equals(tofu), `${ch} drawn as the missing-glyph box`).toBe(false);
      expect(drawn.equals(blank), `${ch} not drawn`).toBe(false);
    }
    // and without the bundled font nothing is drawn: the text really comes from it
    expect(png(svg, []).equals(png(svg, font))).toBe(false);
  });

  it.skipIf(!hasTool("pdftotext"))("keeps chart text as real text in the PDF", async () => {
    const { svg, width, height } = await chartSvg("category-top", CATEGORIES);
    const doc = parseMarkdown(`# 图表\n\n::chart{id="top" width=${width} height=${height}}`, { theme: "plain" });
    const text = pdfText(await renderPdf(doc, { charts: { top: { svg, title: "图1 诉求分类前十" } } }), false);
    for (const word of ["垃圾清运", "违章停车", "工单量（件）", "图1 诉求分类前十"]) expect(text).toContain(word);
  });
});

describe("the chart libraries", () => {
  it("load from vega's and vega-lite's single-file builds, and draw byte for byte what their module builds draw", async () => {
    const fast = await chartLibraries();
    expect(fast.build).toBe("single-file");
    const modules = await moduleBuilds();
    expect(modules.vega).not.toBe(fast.vega);
    for (const [kind, data] of [
      ["daily-trend", DAYS],
      ["request-types", TYPES],
      ["category-top", CATEGORIES],
      ["unit-ranking", UNITS],
    ] as const) {
      const spec = chartSpec(kind, data as never);
      expect(await renderSpec(spec, fast), kind).toBe(await renderSpec(spec, modules));
    }
  });
});

describe("outlineText (the DOCX's raster)", () => {
  it("draws every label as the font's glyph outlines, pixel for pixel what resvg draws from the text", async () => {
    for (const [kind, data] of ALL) {
      const { svg } = await chartSvg(kind, data);
      const outlined = outlineText(svg);
      expect(outlined).not.toContain("<text");
      expect(outlineText(svg)).toBe(outlined);
      const render = (s: string, fonts: string[]) =>
        new Resvg(s, { background: "#ffffff", font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: CHART_FONT } }).render().pixels;
      const fromText = render(svg, [fontPath("sans")]);
      const fromOutlines = render(outlined, []); // no font at all
      let differ = 0;
      for (let i = 0; i < fromText.length; i += 4) {
        if (Math.abs(fromText[i]! - fromOutlines[i]!) > 48 || Math.abs(fromText[i + 2]! - fromOutlines[i + 2]!) > 48) differ++;
      }
      expect(differ / (fromText.length / 4), kind).toBeLessThan(0.001);
    }
  });

  it("leaves a text the font cannot draw as text, and places anchors at the measured width", () => {
    const missing = '<svg xmlns="http://www.w3.org/2000/svg"><text transform="translate(1,2)" font-size="10px">\uE000</text></svg>';
    expect(outlineText(missing)).toBe(missing);
    const end = outlineText('<svg xmlns="http://www.w3.org/2000/svg"><text text-anchor="end" transform="translate(100,20)" font-size="10px" fill="#333">工单</text></svg>');
    // two ideographs of 1 em (1000 units) each: the first starts 2000 units left of the anchor
    expect(end).toContain('<g transform="translate(100,20) scale(0.01 -0.01)" fill="#333"><path transform="translate(-2000 0)"');
  });
});

describe("groupDigits", () => {
  it("labels a count axis with whole numbers only, each once, however small the counts", async () => {
    const few: ChartData["daily-trend"] = DAYS.map((d, i) => ({ ...d, count: [2, 3, 2, 1, 3][i % 5]! }));
    const { svg } = await chartSvg("daily-trend", few);
    // the day numbers under the chart are 1 to 30 once each; the counts beside it 0 to 3, each once
    const counts = new Map<string, number>();
    for (const t of texts(svg).filter((t) => /^\d+$/.test(t))) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(counts.get("0")).toBe(1);
    for (const label of ["1", "2", "3"]) expect(counts.get(label), label).toBe(2);
  });

  it("groups thousands whatever the locale", () => {
    expect([0, 999, 1000, 1234567, 1550.3].map(groupDigits)).toEqual(["0", "999", "1,000", "1,234,567", "1,550.3"]);
  });
});

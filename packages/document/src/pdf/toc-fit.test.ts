import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { contentsProbe, headingPagesAtScale, renderPdfLaidOut, tocLinesAtScale } from "./index.js";
import { fittedTocScale, nextTocScale, TOC_FIT_MAX_SPILL, TOC_FIT_MIN_SCALE, tocSpread } from "./toc-fit.js";

/** A document whose contents lists `entries` headings, each on a page of its own. */
function withContents(entries: number): string {
  const sections = Array.from({ length: entries }, (_, i) => `## 第${i + 1}部分\n\n正文。\n\n::pagebreak`);
  return ["封面", "", "::pagebreak", "", "::toc", "", "::pagebreak", "", ...sections].join("\n\n");
}

/** The most entries a one-page contents holds at the theme's pitch (not fitted), found by laying documents out. */
async function onePageCapacity(): Promise<number> {
  for (let n = 10; n < 60; n++) {
    const spread = tocSpread((await headingPagesAtScale(parseMarkdown(withContents(n)), 1)).flatMap((h) => (h.tocAt === undefined ? [] : [h.tocAt])));
    if ((spread?.pages ?? 0) > 1) return n - 1;
  }
  throw new Error("no contents of under 60 entries ran onto a second page");
}

describe("where a contents' entries fall", () => {
  it("counts the pages and the entries on the last", () => {
    expect(tocSpread([2, 2, 2, 3, 3])).toEqual({ pages: 2, last: 2, entries: 5 });
    expect(tocSpread([])).toBeUndefined();
  });

  it("draws closer only a contents with a few entries over, never below the floor", () => {
    expect(nextTocScale({ pages: 1, last: 20, entries: 20 }, 1)).toBeUndefined();
    expect(nextTocScale({ pages: 2, last: TOC_FIT_MAX_SPILL + 1, entries: 30 }, 1)).toBeUndefined();
    const scale = nextTocScale({ pages: 2, last: 2, entries: 25 }, 1);
    expect(scale).toBeGreaterThan(0.9);
    expect(scale).toBeLessThan(23 / 25);
    expect(nextTocScale({ pages: 2, last: 4, entries: 12 }, 1)).toBeUndefined();
  });
});

describe("the pitch worked out from where the entries stood", () => {
  const line = (page: number, top: number) => ({ page, top, height: 20, bottom: 500 });

  it("is the room from the first entry to the foot of the page, less the gaps, over the line heights", () => {
    // lines of 20 pt, 5 pt apart, from 100 pt down to 500 pt: 16 fit, 2 run over
    const lines = Array.from({ length: 18 }, (_, i) => (i < 16 ? line(2, 100 + i * 25) : line(3, 60 + (i - 16) * 25)));
    // 400 pt of room less 17 gaps of 5 pt, over 18 lines of 20 pt
    expect(fittedTocScale(tocSpread(lines.map((l) => l.page)), lines)).toBeCloseTo(315 / 360 - 0.005, 6);
  });

  it("is left alone without positions, with many entries over, or below the floor", () => {
    const few = Array.from({ length: 12 }, (_, i) => (i < 11 ? line(2, 100 + i * 36) : line(3, 60)));
    expect(fittedTocScale(tocSpread(few.map((l) => l.page)), few)).toBeGreaterThan(TOC_FIT_MIN_SCALE);
    expect(fittedTocScale(tocSpread(few.map((l) => l.page)), [])).toBeUndefined();
    const many = Array.from({ length: 20 }, (_, i) => (i < 10 ? line(2, 100 + i * 36) : line(3, 60 + i)));
    expect(fittedTocScale(tocSpread(many.map((l) => l.page)), many)).toBeUndefined();
    const low = Array.from({ length: 12 }, (_, i) => (i < 9 ? line(2, 300 + i * 22) : line(3, 60)));
    expect(fittedTocScale(tocSpread(low.map((l) => l.page)), low)).toBeUndefined();
  });

  it("makes a real contents end on its first page at the first try, or says no pitch down to the floor would", async () => {
    const capacity = await onePageCapacity();
    const spreadAt = async (doc: ReturnType<typeof parseMarkdown>, scale: number) =>
      tocSpread((await headingPagesAtScale(doc, scale)).flatMap((h) => (h.tocAt === undefined ? [] : [h.tocAt])))!;
    let fitted = 0;
    for (let over = 1; over <= TOC_FIT_MAX_SPILL; over++) {
      const doc = parseMarkdown(withContents(capacity + over));
      const lines = await tocLinesAtScale(doc, 1);
      expect(lines).toHaveLength(capacity + over);
      const scale = fittedTocScale(tocSpread(lines.map((l) => l.page)), lines);
      if (scale === undefined) {
        expect((await spreadAt(doc, TOC_FIT_MIN_SCALE)).pages, `${over} over, at the floor`).toBe(2);
        continue;
      }
      fitted++;
      expect((await spreadAt(doc, scale)).pages, `${over} over, scale ${scale}`).toBe(1);
      // and it is about the widest pitch that does: a little wider runs over
      expect((await spreadAt(doc, scale + 0.02)).pages, `${over} over, scale ${scale + 0.02}`).toBe(2);
    }
    expect(fitted).toBeGreaterThanOrEqual(2);
  });
});

describe("the contents laid out alone", () => {
  it("puts every entry where the whole document puts it, with text between the headings or not", async () => {
    const capacity = await onePageCapacity();
    const sections = Array.from({ length: capacity + 2 }, (_, i) =>
      i % 3 === 0 ? `## 第${i + 1}部分\n\n${"正文".repeat(200)}\n\n### 小节\n\n正文。` : `## 第${i + 1}部分\n\n正文。`,
    );
    const doc = parseMarkdown(["# 报告", "", "封面文字", "", "::pagebreak", "", "::toc", "", "::pagebreak", "", ...sections].join("\n\n"));
    const probe = contentsProbe(doc)!;
    expect(probe.blocks.length).toBeLessThan(doc.blocks.length);
    for (const scale of [1, 0.9]) {
      const whole = await tocLinesAtScale(doc, scale);
      expect(whole.length).toBeGreaterThan(capacity);
      expect(await tocLinesAtScale(probe, scale)).toEqual(whole);
    }
  });

  it("is not made for a document without contents", () => {
    expect(contentsProbe(parseMarkdown("## 一\n\n正文。"))).toBeUndefined();
  });
});

describe("a contents that would leave a few entries on a page of their own", () => {
  it("ends on its first page, in the PDF and in the pages the DOCX is given", async () => {
    const capacity = await onePageCapacity();
    const doc = parseMarkdown(withContents(capacity + 2));
    const { headings } = await renderPdfLaidOut(doc);
    const at = headings.flatMap((h) => (h.tocAt === undefined ? [] : [h.tocAt]));
    expect(at).toHaveLength(capacity + 2);
    expect(new Set(at)).toEqual(new Set([2]));
    // every heading still lands on the page its entry prints: the contents took one page
    for (const [i, h] of headings.entries()) expect(h.page).toBe(i + 3);
  });

  it("is left alone when too many entries run over", async () => {
    const capacity = await onePageCapacity();
    const { headings } = await renderPdfLaidOut(parseMarkdown(withContents(capacity + TOC_FIT_MAX_SPILL + 3)));
    expect(new Set(headings.map((h) => h.tocAt))).toEqual(new Set([2, 3]));
  });
});

import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { headingPagesAtScale, renderPdfLaidOut } from "./index.js";
import { nextTocScale, TOC_FIT_MAX_SPILL, tocSpread } from "./toc-fit.js";

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

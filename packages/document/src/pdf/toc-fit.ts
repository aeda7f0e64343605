/**
 * A table of contents that runs onto a new page for its last few entries is drawn with its
 * entries a little closer together, so that it ends on the page before: a typesetter would not
 * leave two entries alone on a page. The PDF is laid out again with the closer pitch, and the
 * result is kept only when the contents did end a page earlier. The pitch tried first is worked
 * out from where the entries stood (`fittedTocScale`), so that one more layout is usually enough.
 */

/** The most entries that may stand on a contents' last page for it to be drawn closer. */
export const TOC_FIT_MAX_SPILL = 4;

/**
 * Only a document of up to this many pages is laid out again to fit its contents: a second
 * layout of a report of hundreds of pages (every work order listed) would cost seconds for two
 * entries on a page.
 */
export const TOC_FIT_MAX_PAGES = 60;

/** The pitch is never brought below this share of the theme's. */
export const TOC_FIT_MIN_SCALE = 0.8;

/** How the laid-out entries of a table of contents fall on pages. */
export interface TocSpread {
  /** The number of pages the entries take. */
  pages: number;
  /** The entries on the last of them. */
  last: number;
  entries: number;
}

/** Where the entries fall, from the page each is printed on; undefined without entries. */
export function tocSpread(at: readonly number[]): TocSpread | undefined {
  if (at.length === 0) return undefined;
  const lastPage = Math.max(...at);
  const pages = new Set(at).size;
  return { pages, last: at.filter((page) => page === lastPage).length, entries: at.length };
}

/**
 * The line-height scale to try next, from the scale last tried and where the entries fell with
 * it; undefined when the contents should be left as they are (one page, or too many entries over).
 */
export function nextTocScale(spread: TocSpread | undefined, scale: number): number | undefined {
  if (spread === undefined || spread.pages < 2 || spread.last > TOC_FIT_MAX_SPILL) return undefined;
  const next = (scale * (spread.entries - spread.last)) / spread.entries - 0.005;
  return next < TOC_FIT_MIN_SCALE ? undefined : next;
}

/** Where a laid-out contents entry's line stands on its page, in points from the page's top. */
export interface TocLine {
  page: number;
  top: number;
  height: number;
  /** The lowest position a line may reach on the page (its height less the bottom margin). */
  bottom: number;
}

/**
 * The line-height scale at which every entry would stand on the contents' first page, from where
 * the entries stood at the theme's pitch: the room from the first entry down to the foot of the
 * page, less the fixed space between entries, over the entries' line heights (which the scale
 * shrinks). Undefined when the contents should be left as they are (as `nextTocScale`), or
 * when the positions are not known.
 */
export function fittedTocScale(spread: TocSpread | undefined, lines: readonly TocLine[]): number | undefined {
  if (spread === undefined || spread.pages < 2 || spread.last > TOC_FIT_MAX_SPILL) return undefined;
  if (lines.length !== spread.entries || lines.length < 2) return undefined;
  const first = lines[0]!;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page) gaps.push(b.top - (a.top + a.height));
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  const gap = Math.max(0, gaps[Math.floor(gaps.length / 2)]!);
  const heights = lines.reduce((sum, line) => sum + line.height, 0);
  const scale = (first.bottom - first.top - gap * (lines.length - 1)) / heights - 0.005;
  return scale < TOC_FIT_MIN_SCALE || scale >= 1 ? undefined : scale;
}

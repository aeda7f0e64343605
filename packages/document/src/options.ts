import type { GlyphGap } from "./fonts/glyphs.js";
import type { FontFiles } from "./fonts/roles.js";

export type { FontFiles, GlyphGap };

/**
 * Something the output does not hold as written, though it was made: characters no font at hand
 * can print (an empty box in the PDF), or characters that print nothing and were left out of it.
 */
export interface RenderWarning {
  code: "RENDER_MISSING_GLYPHS" | "RENDER_INVISIBLE_CHARACTERS";
  /** One line for the person who edits the document, naming the characters and where they are. */
  message: string;
  characters: GlyphGap[];
}

/** A chart's picture, supplied by the caller under the id a `::chart{id=…}` directive names. */
export interface ChartInput {
  /** A complete SVG document (e.g. from vega's `toSVG()`). */
  svg: string;
  /** Caption printed under the chart and used as its description. */
  title?: string;
}

export interface RenderOptions {
  charts?: Readonly<Record<string, ChartInput>>;
  /**
   * Seconds since 1970-01-01T00:00:00Z written as the creation and modification
   * date (PDF Info, DOCX core properties, ZIP entries). The caller reads
   * `SOURCE_DATE_EPOCH`; the default is 0. Nothing else in the output depends on
   * the clock or the time zone.
   */
  sourceDateEpoch?: number;
  /**
   * Font files of the user's own for any role (宋体 `song`, 仿宋 `fangsong`, 楷体 `kai`, 黑体
   * `hei`) and a `fallback` for rare characters: the PDF embeds them in place of the shipped
   * fonts, the DOCX names their families. A file lacking a character the document uses is a
   * RenderError naming the characters and where they are. Give the same fonts for every format.
   */
  fonts?: FontFiles;
  /** Told what the output does not hold as written (see RenderWarning); without it, nothing is said. */
  onWarning?: (warning: RenderWarning) => void;
}

/** ZIP dates cannot go before 1980: earlier epochs are written as 1980-01-01 there. */
export function sourceDate(options: RenderOptions): Date {
  const seconds = options.sourceDateEpoch ?? 0;
  return new Date(Math.max(0, Math.floor(seconds)) * 1000);
}

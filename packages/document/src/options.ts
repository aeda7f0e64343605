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
}

/** ZIP dates cannot go before 1980: earlier epochs are written as 1980-01-01 there. */
export function sourceDate(options: RenderOptions): Date {
  const seconds = options.sourceDateEpoch ?? 0;
  return new Date(Math.max(0, Math.floor(seconds)) * 1000);
}

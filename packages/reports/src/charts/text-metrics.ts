import { textWidth } from "@qiyue/document";

/** The font family chart text is set in: the PDF engine and resvg both draw it from the bundled Noto Sans SC. */
export const CHART_FONT = "Noto Sans SC";

const installed = new WeakSet<object>();

/**
 * Vega measures text with a canvas when one is installed and otherwise guesses 0.8 em per
 * character, which is too narrow for Chinese and shifts axes and labels. Here it measures
 * with the Noto Sans SC metrics the PDF is set in (the same parsed font the PDF engine
 * uses), so layout is exact and the same on every machine. Labels must not rely on vega's
 * `limit` truncation: the measure below takes text as given.
 */
export function installTextMetrics(vega: typeof import("vega")): void {
  if (installed.has(vega)) return;
  installed.add(vega);
  // vega-scenegraph exports `textMetrics` for this purpose; vega's typings leave it out.
  const metrics = (vega as unknown as { textMetrics: { width: (item: unknown, text: unknown) => number } }).textMetrics;
  metrics.width = (item: unknown, text: unknown): number => {
    const { fontSize, fontWeight } = item as { fontSize?: number; fontWeight?: string | number };
    const size = fontSize ?? 11;
    const value = text === null || text === undefined ? "" : String(text).trim();
    if (size <= 0 || value === "") return 0;
    const bold = fontWeight === "bold" || (typeof fontWeight === "number" && fontWeight >= 600);
    return textWidth(bold ? "sansBold" : "sans", value, size);
  };
}

import type { TopLevelSpec } from "vega-lite";
import { installTextMetrics } from "./text-metrics.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

let libraries: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** vega and vega-lite, imported on the first chart only (about 200 ms), so other commands never pay for them. */
function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    installTextMetrics(vega);
    return { vega, vl };
  });
  return libraries;
}

/**
 * Renumbers the SVG's ids (clip paths, gradients) in order of appearance and points every
 * `url(#…)` and `href="#…"` at the new names, so the bytes do not depend on how many
 * charts this process drew before.
 */
export function stableIds(svg: string): string {
  const names = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!names.has(match[1]!)) names.set(match[1]!, `q${names.size + 1}`);
  }
  if (names.size === 0) return svg;
  const rename = (id: string): string => names.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, lead: string, id: string) => `${lead}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_, lead: string, id: string) => `${lead}#${rename(id)}"`);
}

/** Vega-Lite's compile-time notes would go to the console; charts are checked by tests instead. */
const SILENT = {
  level(): never {
    return SILENT as never;
  },
  info: () => SILENT,
  warn: () => SILENT,
  debug: () => SILENT,
  error: () => SILENT,
} as unknown as Parameters<VegaLite["compile"]>[1] extends infer O ? (O extends { logger?: infer L } ? L : never) : never;

/** Compiles a Vega-Lite spec to Vega and renders it headlessly (no canvas, no DOM, no network) to an SVG string. */
export async function renderSpec(spec: TopLevelSpec): Promise<string> {
  const { vega, vl } = await load();
  const compiled = vl.compile(spec, { logger: SILENT }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    logLevel: vega.None,
    // Nothing a chart draws is loaded from anywhere.
    loader: { load: () => Promise.reject(new Error("charts load nothing")), sanitize: () => Promise.reject(new Error("charts load nothing")) } as never,
  });
  try {
    vega.resetSVGDefIds();
    return stableIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

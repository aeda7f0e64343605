import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import type { TopLevelSpec } from "vega-lite";
import { installTextMetrics } from "./text-metrics.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

let libraries: Promise<ChartLibraries> | undefined;

/**
 * A library's published single-file build (the file its `unpkg` field names, beside the module
 * its package exports), run as the CommonJS module its UMD wrapper then becomes. One file of
 * about 500 KB loads in a third of the time Node takes to resolve and link vega's 300 modules.
 * Undefined when the file is not where the package's own fields say.
 */
function singleFileBuild(name: string, require: (id: string) => unknown): unknown {
  let file: string;
  try {
    const entry = fileURLToPath(import.meta.resolve(name));
    const root = entry.slice(0, entry.lastIndexOf(`${sep}build${sep}`));
    const unpkg = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { unpkg?: unknown }).unpkg;
    if (typeof unpkg !== "string") return undefined;
    file = join(root, unpkg);
    if (!existsSync(file)) return undefined;
  } catch {
    return undefined;
  }
  const module = { exports: {} as Record<string, unknown> };
  const run = compileFunction(readFileSync(file, "utf8"), ["module", "exports", "require"], { filename: file });
  run(module, module.exports, require);
  return module.exports;
}

/** The chart libraries: vega and vega-lite, and which of their builds was loaded. */
export interface ChartLibraries {
  vega: Vega;
  vl: VegaLite;
  build: "single-file" | "modules";
}

/** vega and vega-lite from their module builds (the packages' exports), with our text metrics. */
export async function moduleBuilds(): Promise<ChartLibraries> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  installTextMetrics(vega);
  return { vega, vl, build: "modules" };
}

/** vega and vega-lite, loaded on the first chart only, so other commands never pay for them. */
export function chartLibraries(): Promise<ChartLibraries> {
  libraries ??= (async () => {
    const vega = singleFileBuild("vega", () => undefined) as Vega | undefined;
    const vl = vega === undefined ? undefined : (singleFileBuild("vega-lite", (id) => (id === "vega" ? vega : undefined)) as VegaLite | undefined);
    // the module builds, when the single files are not there
    if (vega === undefined || vl === undefined) return moduleBuilds();
    installTextMetrics(vega);
    return { vega, vl, build: "single-file" } satisfies ChartLibraries;
  })();
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
export async function renderSpec(spec: TopLevelSpec, libraries?: ChartLibraries): Promise<string> {
  const { vega, vl } = libraries ?? (await chartLibraries());
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

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A compiled worker script of this folder (`render-worker`, `read-worker`) beside this module;
 * from the TypeScript sources (the package's own tests) the one in the package's build output.
 * Undefined when neither exists. (Light on purpose: the command line loads it before anything else.)
 */
export function workerScript(name: "render-worker" | "read-worker" = "render-worker"): URL | undefined {
  for (const candidate of [`./${name}.js`, `../../dist/monthly/${name}.js`]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

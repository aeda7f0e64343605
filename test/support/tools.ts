import { spawnSync } from "node:child_process";

/**
 * Whether a system program the tests read documents with is installed
 * (scripts/install-system-deps.sh installs them; `npm test` runs it first). A missing one is
 * a failure in CI (`CI` set) and otherwise skips the tests that need it, with a message.
 */
export function hasTool(...names: string[]): boolean {
  const missing = names.filter((name) => spawnSync("sh", ["-c", 'command -v "$0"', name], { stdio: "ignore" }).status !== 0);
  if (missing.length === 0) return true;
  if (process.env.CI) throw new Error(`${missing.join(", ")} required in CI; run scripts/install-system-deps.sh`);
  console.warn(`skipping tests that need ${missing.join(", ")}: not installed (run scripts/install-system-deps.sh)`);
  return false;
}

/** The LibreOffice program: `soffice`, or `libreoffice` where only that name is installed. */
export function office(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    if (spawnSync("sh", ["-c", 'command -v "$0"', name], { stdio: "ignore" }).status === 0) return name;
  }
  if (process.env.CI) throw new Error("LibreOffice (soffice) required in CI; run scripts/install-system-deps.sh");
  console.warn("skipping tests that need LibreOffice: soffice not installed (run scripts/install-system-deps.sh)");
  return undefined;
}

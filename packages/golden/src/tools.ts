import { execFile, spawnSync } from "node:child_process";
import { GoldenError } from "./errors.js";

const found = new Map<string, boolean>();

/** Whether a program is on the PATH (asked once per process). */
export function hasProgram(name: string): boolean {
  let known = found.get(name);
  if (known === undefined) {
    known = spawnSync("sh", ["-c", 'command -v "$0"', name], { stdio: "ignore" }).status === 0;
    found.set(name, known);
  }
  return known;
}

/** Fails with a message saying how to install poppler when one of its programs is missing. */
export function requirePoppler(programs: readonly string[]): void {
  const missing = programs.filter((p) => !hasProgram(p));
  if (missing.length > 0) {
    throw new GoldenError(
      "GOLDEN_TOOL_MISSING",
      `需要 poppler 的 ${missing.join("、")} 来读取 PDF：请安装 poppler-utils（Debian/Ubuntu：sudo apt-get install -y poppler-utils；macOS：brew install poppler）`,
    );
  }
}

/** Runs a program and returns its standard output as UTF-8. */
export function runProgram(program: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: "C.UTF-8" } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(" ")} 失败：${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Helpers for the engine's tests, which read the rendered files with the tools a
 * person's software uses (poppler, LibreOffice). A missing tool skips those tests
 * with a message, except in CI (`CI` set), where it is a failure.
 * `scripts/install-system-deps.sh` installs them.
 */
export function hasTool(name: string): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
  if (!found && process.env.CI) {
    throw new Error(`${name} is required in CI; run scripts/install-system-deps.sh`);
  }
  if (!found) console.warn(`skipping tests that need ${name}: not installed (run scripts/install-system-deps.sh)`);
  return found;
}

/** Runs `fn` with the bytes written to a temporary file, then removes it. */
export function withFile<T>(bytes: Uint8Array, name: string, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-render-"));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function pdfText(pdf: Uint8Array, layout = true): string {
  return withFile(pdf, "doc.pdf", (path) => run("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", path, "-"]));
}

/** Text of each page, split at form feeds. */
export function pdfPages(pdf: Uint8Array): string[] {
  const text = pdfText(pdf);
  const pages = text.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  return pages;
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = withFile(pdf, "doc.pdf", (path) => run("pdfinfo", ["-isodates", path]));
  for (const line of text.split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match !== null) out[match[1]!.trim()] = match[2]!.trim();
  }
  return out;
}

export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  const text = withFile(pdf, "doc.pdf", (path) => run("pdffonts", [path]));
  return text
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name, type words…, encoding, emb, sub, uni, object, id
      return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes", subset: cols[cols.length - 4] === "yes" };
    });
}

/** Converts a DOCX to plain text with LibreOffice. */
export function docxTextWithLibreOffice(docx: Uint8Array): string {
  return withFile(docx, "doc.docx", (path, dir) => {
    const office = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).stdout.trim();
    run(office, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, path]);
    return readFileSync(join(dir, "doc.txt"), "utf8");
  });
}

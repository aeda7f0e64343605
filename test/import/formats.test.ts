/**
 * The same contract as text, as a Word file and as a PDF, both written by LibreOffice from the
 * text: the readers give the same words, the Word file line for line, and the import finds the
 * same values. Real files of a real office program, not of qiyue.
 *
 * Run: `cd test && npx vitest run import`
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importContract, readSource, type SourceText } from "@qiyue/import";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { office } from "../support/tools.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** A contract with tables pasted as text, the longest one, and one with a cover page. */
const SEEDS = ["haidian-2024", "sujiatuo-2026", "pinggu-2026"] as const;
const soffice = office();

let dir = "";
const read: Record<string, { txt: SourceText; docx: SourceText; pdf: SourceText }> = {};

beforeAll(async () => {
  if (soffice === undefined) return;
  dir = mkdtempSync(join(tmpdir(), "qiyue-import-formats-"));
  for (const seed of SEEDS) copyFileSync(join(ROOT, "examples/import", `${seed}.txt`), join(dir, `${seed}.txt`));
  const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
  const convert = (args: string[]) => {
    const r = spawnSync(soffice, [profile, "--headless", ...args], { cwd: dir, encoding: "utf8", timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice ${args.join(" ")} failed: ${r.stderr}`);
  };
  convert(["--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML", ...SEEDS.map((s) => `${s}.txt`)]);
  convert(["--convert-to", "pdf:writer_pdf_Export", ...SEEDS.map((s) => `${s}.docx`)]);
  for (const seed of SEEDS) {
    const at = (ext: string) => readSource(join(dir, `${seed}.${ext}`), { name: `${seed}.${ext}` });
    read[seed] = { txt: await at("txt"), docx: await at("docx"), pdf: await at("pdf") };
  }
}, 300_000);

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const words = (s: SourceText) => s.lines.map((l) => l.text).join("").replace(/\s+/g, "");
const found = (s: SourceText) => (importContract(s).json.found as { path: unknown[]; value: unknown }[]).map((f) => JSON.stringify([f.path, f.value]));

describe.skipIf(soffice === undefined)("one contract as .txt, .docx and .pdf", () => {
  it("reads the Word file line for line as the text", () => {
    for (const seed of SEEDS) {
      const { txt, docx } = read[seed]!;
      expect(docx.lines.map((l) => l.text), seed).toEqual(txt.lines.map((l) => l.text));
      expect(docx.warnings, seed).toBeUndefined();
    }
  });

  it("reads every word of the PDF in order, page by page, a paragraph's wrapped lines joined again", () => {
    for (const seed of SEEDS) {
      const { txt, pdf } = read[seed]!;
      expect(words(pdf), seed).toBe(words(txt));
      const pages = pdf.lines.map((l) => l.page ?? 0);
      expect(pages.every((p, i) => p >= 1 && (i === 0 || p >= pages[i - 1]!)), seed).toBe(true);
      expect(pages.at(-1), seed).toBeGreaterThan(3);
      // most lines of the PDF are a whole line of the text, not a piece of one
      const textLines = new Set(txt.lines.map((l) => l.text.replace(/\s+/g, "")));
      const whole = pdf.lines.filter((l) => textLines.has(l.text.replace(/\s+/g, ""))).length;
      console.log(`${seed}: ${pdf.lines.length} PDF lines over ${pages.at(-1)} pages, ${whole} of them a whole line of the text`);
      expect(whole / pdf.lines.length, seed).toBeGreaterThan(0.7);
    }
  });

  it("imports the Word file and the PDF to the very values of the text, but for a table typed with tabs", () => {
    for (const seed of SEEDS) {
      const { txt, docx, pdf } = read[seed]!;
      const text = found(txt);
      expect(found(docx), seed).toEqual(text);
      const fromPdf = new Set(found(pdf));
      const same = text.filter((f) => fromPdf.has(f)).length;
      console.log(`${seed}: values found in the text ${text.length}, the same found in the PDF ${same}`);
      if (seed === "haidian-2024") {
        // Its signature page and service list are tables typed with tabs: printed without borders,
        // a cell that wraps runs into the next row's place, and no reader can tell whose line it is.
        expect(same / text.length, seed).toBeGreaterThan(0.8);
      } else {
        expect(found(pdf), seed).toEqual(text);
      }
    }
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readZip } from "@qiyue/document";
import { CaseRenderer, loadSuite } from "@qiyue/golden";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/qiyue.js";
import { hasTool } from "../support/tools.js";

const SUITE = join(ROOT, "test", "golden");

/**
 * The text of a DOCX's body (word/document.xml), in reading order, whitespace left out, and the
 * WORD JOINERs (U+2060, no width) that keep dates and numbers on one line in Word.
 */
function docxText(docx: Uint8Array): string {
  const xml = new TextDecoder().decode(readZip(docx).get("word/document.xml"));
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) out.push(m[1]!);
  return decodeXml(out.join("")).replace(/[\s\u2060]+/g, "");
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** pdftotext -raw: the text in the order the PDF draws it (a table cell's lines together, one signature column after the other). */
function pdfRawText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-parity-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF in content order (pdftotext -raw), page numbers (“— 3 —”) and whitespace left out. */
function pdfBodyText(pdf: Uint8Array): string {
  return pdfRawText(pdf)
    .split("\f")
    .map((page) => page.replace(/—\s*\d+\s*—\s*$/u, ""))
    .join("")
    .replace(/\s+/g, "");
}

/** Where two texts first differ, with some text either side. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: docx “${a.slice(Math.max(0, i - 20), i + 30)}” / pdf “${b.slice(Math.max(0, i - 20), i + 30)}”`;
}

/** Whether `inner` is `outer` with some characters left out (in order). */
function isSubsequence(inner: string, outer: string): boolean {
  const a = Array.from(inner);
  const b = Array.from(outer);
  let j = 0;
  for (const char of a) {
    while (j < b.length && b[j] !== char) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

describe.skipIf(!hasTool("pdftotext"))("the PDF holds what the DOCX holds", async () => {
  const suite = await loadSuite(SUITE);
  const renderer = new CaseRenderer(suite);
  for (const c of suite.cases) {
    it(`${c.name}: the same characters in the same order`, async () => {
      const rendered = await renderer.render(c);
      const docx = docxText(rendered.docx!);
      const pdf = pdfBodyText(rendered.pdf!);
      // Every character of the DOCX is in the PDF, in the same order. The PDF holds more: list
      // numbers (automatic numbering in the DOCX), table headers repeated on each page, the
      // labels of a report's charts (pictures in the DOCX).
      expect(isSubsequence(docx, pdf), firstDifference(docx, pdf)).toBe(true);
      expect(pdf.length).toBeLessThan(docx.length * 1.5 + 200);
    });
  }
});

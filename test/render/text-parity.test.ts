import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CaseRenderer, loadSuite } from "@qiyue/golden";
import { diffChars } from "diff";
import { describe, expect, it } from "vitest";
import { type DocxReading, PICTURE, readDocx } from "../support/docx-text.js";
import { ROOT } from "../support/qiyue.js";
import { hasTool } from "../support/tools.js";

const SUITE = join(ROOT, "test", "golden");

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

/** A piece of text either side of `at` in `text`, to show where a difference is. */
const around = (text: string, at: number): string => `“${text.slice(Math.max(0, at - 20), at)}⟨…⟩${text.slice(at, at + 20)}”`;

/** Whether `text` is one or more of the table header rows, one after the other. */
function isHeaderRows(text: string, headers: readonly string[]): boolean {
  if (text === "") return true;
  return headers.some((h) => h !== "" && text.startsWith(h) && isHeaderRows(text.slice(h.length), headers));
}

/**
 * The differences between the DOCX's text and the PDF's that the two formats do not explain.
 * Explained: a table header row the PDF prints again on each page the table runs onto; the
 * labels of a chart, text in the PDF and a picture in the DOCX, where the DOCX has the picture;
 * a list number, which the PDF draws beside its item and pdftotext reads after the item's first
 * line: every number the DOCX's numbering gives is in the PDF, as many times, near its place.
 * Anything else, above all a character of the DOCX that the PDF lacks, is unexplained.
 */
function unexplained(docx: DocxReading, pdf: string): string[] {
  // the list numbers are compared apart: taken out of the DOCX's text, they are the PDF's
  // extra pieces made only of digits and points
  let text = "";
  let from = 0;
  for (const [a, b] of docx.markers) {
    text += docx.text.slice(from, a);
    from = b;
  }
  text += docx.text.slice(from);
  const numbers = docx.markers.map(([a, b]) => docx.text.slice(a, b)).join("");
  const parts = diffChars(text, pdf);
  const out: string[] = [];
  let printed = "";
  let at = 0;
  parts.forEach((part, i) => {
    if (part.removed) {
      if (part.value.replaceAll(PICTURE, "") !== "") out.push(`DOCX 有、PDF 没有：“${part.value}” ${around(text, at)}`);
      at += part.value.length;
      return;
    }
    if (!part.added) {
      at += part.value.length;
      return;
    }
    const nextToPicture = [parts[i - 1], parts[i + 1]].some((p) => p?.removed === true && p.value.includes(PICTURE));
    if (MARKER.test(part.value)) printed += part.value;
    else if (!nextToPicture && !isHeaderRows(part.value, docx.headerRows)) out.push(`PDF 多出：“${part.value}” ${around(text, at)}`);
  });
  const sorted = (s: string) => [...s].sort().join("");
  if (sorted(numbers) !== sorted(printed)) out.push(`列表编号不同：DOCX “${numbers}”，PDF “${printed}”`);
  return out;
}

/** What a list number is made of. */
const MARKER = /^[\d.]+$/;

describe.skipIf(!hasTool("pdftotext"))("the PDF holds what the DOCX holds", async () => {
  const suite = await loadSuite(SUITE);
  const renderer = new CaseRenderer(suite);
  for (const c of suite.cases) {
    it(`${c.name}: the same characters in the same order`, async () => {
      const rendered = await renderer.render(c);
      const docx = readDocx(rendered.docx!);
      const pdf = pdfBodyText(rendered.pdf!);
      // the same text, list numbers included, save what the formats explain (see unexplained)
      expect(unexplained(docx, pdf)).toEqual([]);
      // and the comparison is not empty
      expect(docx.text.length).toBeGreaterThan(300);
    });
  }
});

describe("the comparison of the DOCX's and the PDF's text", () => {
  const docx: DocxReading = { text: `1.甲方说明乙方${PICTURE}序号金额合计`, headerRows: ["序号金额"], markers: [[0, 2]] };
  it("accepts chart labels where the picture is, header rows printed again, and a list number read after its line", () => {
    expect(unexplained(docx, "1.甲方说明乙方工单量（件）12序号金额序号金额合计")).toEqual([]);
    expect(unexplained(docx, "甲方说1.明乙方工单量（件）12序号金额合计")).toEqual([]);
  });
  it("finds a character the PDF lost, a list number it lacks or changes, and text it adds elsewhere", () => {
    expect(unexplained(docx, "1.甲方说明乙方序号金额合")).toHaveLength(1);
    expect(unexplained(docx, "甲方说明乙方序号金额合计")).toHaveLength(1);
    expect(unexplained(docx, "2.甲方说明乙方序号金额合计")).toHaveLength(1);
    expect(unexplained(docx, "1.甲方说明乙方序号金额合计另有")).toHaveLength(1);
  });
});

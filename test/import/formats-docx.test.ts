import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ImportResult, importContract, readSource, type SourceText } from "@qiyue/import";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/qiyue.js";
import { office } from "../support/tools.js";

/**
 * The same signed contract as a Word file made by a program (the `docx` library: paragraphs, and
 * real Word tables where the text has rows of cells) and as the PDF LibreOffice prints of it gives
 * the same draft as its text: the same clauses, the very same values found, the same points to
 * confirm for the same reasons (only the line each cites differs, since each format breaks the
 * text into lines its own way).
 *
 * Run: `cd test && npx vitest run import/formats-docx.test.ts`
 */
const SEEDS = ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"] as const;

const dir = mkdtempSync(join(tmpdir(), "qiyue-import-docx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Word document printing the lines of a text: a paragraph a line, and runs of table rows as tables. */
async function docxOf(source: SourceText): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (r) =>
            new TableRow({
              children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? "")] })),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const line of source.lines) {
    if (line.cells !== undefined && line.cells.length > 1) {
      rows.push(line.cells);
      continue;
    }
    flush();
    children.push(new Paragraph({ children: [new TextRun({ text: line.text, font: "Noto Serif CJK SC" })] }));
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The headings of the draft's body: the contract's clauses, as the outline read them (without spaces, which a PDF does not keep). */
function headings(result: ImportResult): string[] {
  const body = (parse(result.yaml) as { body?: { heading?: string; part?: string }[] }).body ?? [];
  return body.map((s) => (s.heading ?? s.part ?? "").replace(/\s+/g, ""));
}

/** The values a draft found, "path = value", and its placeholders, "path ? reason", sorted. */
function foundValues(result: ImportResult): string[] {
  return [
    ...result.json.found.map((f) => `${f.path.join(".")} = ${JSON.stringify(f.value)}`),
    ...result.json.placeholders.map((p) => `${p.path.join(".")} ? ${p.kind} ${p.reason}`),
  ].sort();
}

/** The values of the text's draft the other lacks (-), and the other's values the text's lacks (+). */
function differences(text: ImportResult, other: ImportResult): string[] {
  const a = new Set(foundValues(text));
  const b = new Set(foundValues(other));
  return [...[...a].filter((v) => !b.has(v)).map((v) => `- ${v}`), ...[...b].filter((v) => !a.has(v)).map((v) => `+ ${v}`)];
}

async function importFile(path: string, name: string): Promise<ImportResult> {
  return importContract(await readSource(path, { name }), { file: "draft.yaml" });
}

describe.each(SEEDS)("%s read as text, as a Word file with tables, and as its PDF", async (id) => {
  const textPath = join(ROOT, "examples", "import", `${id}.txt`);
  const fromText = await importFile(textPath, `${id}.txt`);
  const docxPath = join(dir, `${id}.docx`);
  writeFileSync(docxPath, await docxOf(await readSource(textPath)));

  it("reads clauses and values from the text to compare with", () => {
    expect(headings(fromText).length).toBeGreaterThan(8);
    expect(foundValues(fromText).length).toBeGreaterThan(30);
  });

  it("gives the same clauses and values from the Word file", async () => {
    const fromDocx = await importFile(docxPath, `${id}.docx`);
    expect(headings(fromDocx)).toEqual(headings(fromText));
    expect(differences(fromText, fromDocx)).toEqual([]);
  });

  const soffice = office();
  it.skipIf(soffice === undefined)("gives the same clauses and values from the PDF LibreOffice makes of it", async () => {
    const r = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docxPath],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const fromPdf = await importFile(join(dir, `${id}.pdf`), `${id}.pdf`);
    expect(headings(fromPdf)).toEqual(headings(fromText));
    expect(differences(fromText, fromPdf)).toEqual([]);
  });
});

/**
 * Real readers open every document of the golden suite: LibreOffice and mammoth read each
 * DOCX, poppler reads each PDF. The text they find must hold the document's text in order:
 * every heading, paragraph, list item, table cell and key–value cell of the Markdown (compared
 * without whitespace, which each reader lays out its own way); the signature lines (laid out
 * side by side) must each be there. A missing program fails in CI and skips elsewhere.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Block, parseMarkdown, plainText, renderDocx } from "@qiyue/document";
import { CaseRenderer, checkLayout, type GoldenCase, loadSuite } from "@qiyue/golden";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/qiyue.js";
import { hasTool, office } from "../support/tools.js";

const suite = await loadSuite(join(ROOT, "test", "golden"));
const docxCases = suite.cases.filter((c) => c.formats.includes("docx"));
const pdfCases = suite.cases.filter((c) => c.formats.includes("pdf"));
const dir = mkdtempSync(join(tmpdir(), "qiyue-readers-"));
const markdown = new Map<string, string>();

/** Whitespace aside, the WORD JOINERs (U+2060) that keep dates and numbers on one line in the DOCX, and the ZERO WIDTH SPACEs (U+200B) that let it break after punctuation: neither has a width. */
const squeeze = (text: string) => text.replace(/[\s\u2060\u200b]+/g, "");

/** What a reader must find, in order, and the lines it must find in any order. */
function expectations(name: string): { ordered: string[]; anywhere: string[]; headings: string[] } {
  const doc = parseMarkdown(markdown.get(name)!, { theme: "formal" });
  const ordered: string[] = [];
  const anywhere: string[] = [];
  const headings: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === "title" || b.type === "heading") {
        ordered.push(plainText(b.runs));
        headings.push(plainText(b.runs));
      } else if (b.type === "paragraph") ordered.push(plainText(b.runs));
      else if (b.type === "list") for (const item of b.items) visit(item);
      else if (b.type === "table") for (const row of [...b.header, ...b.body]) for (const cell of row) ordered.push(plainText(cell.runs));
      else if (b.type === "kv") for (const row of b.rows) ordered.push(plainText(row.label), plainText(row.value));
      else if (b.type === "signatures") for (const p of b.parties) for (const row of p.rows) anywhere.push(plainText(row.label), plainText(row.value));
    }
  };
  visit(doc.blocks);
  const keep = (texts: string[]) => texts.map(squeeze).filter((t) => t !== "");
  return { ordered: keep(ordered), anywhere: keep(anywhere), headings: keep(headings) };
}

/** The first expected text not found after the previous one, or undefined when all are there in order. */
function firstOutOfOrder(found: string, expected: readonly string[]): string | undefined {
  let from = 0;
  for (const text of expected) {
    const at = found.indexOf(text, from);
    if (at < 0) return text;
    from = at + text.length;
  }
  return undefined;
}

function expectText(reader: string, c: GoldenCase, text: string, which: "ordered" | "headings" = "ordered"): void {
  const found = squeeze(text);
  const expected = expectations(c.name);
  expect(found.length, `${reader} 读出的 ${c.name} 没有文字`).toBeGreaterThan(0);
  expect(firstOutOfOrder(found, expected[which]), `${reader}：${c.name} 缺少这段文字，或顺序不对`).toBeUndefined();
  if (which === "ordered") for (const line of expected.anywhere) expect(found, `${reader}：${c.name}`).toContain(line);
}

beforeAll(async () => {
  const renderer = new CaseRenderer(suite);
  for (const c of suite.cases) {
    const rendered = await renderer.render(c);
    markdown.set(c.name, rendered.markdown);
    if (rendered.docx) writeFileSync(join(dir, `${c.name}.docx`), rendered.docx);
    if (rendered.pdf) writeFileSync(join(dir, `${c.name}.pdf`), rendered.pdf);
  }
}, 300_000);

/** Converts the DOCX of `cases` with one soffice run (starting it takes most of the time) into `out`. */
function convertWithOffice(soffice: string, target: string, out: string, cases: readonly { name: string }[]): void {
  const run = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", target, "--outdir", out, ...cases.map((c) => join(dir, `${c.name}.docx`))],
    { encoding: "utf8", timeout: 600_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
}

describe("LibreOffice opens every DOCX of the golden suite", () => {
  const soffice = office();
  const out = join(dir, "libreoffice");

  beforeAll(() => {
    if (soffice === undefined) return;
    // One soffice for all the files: starting it takes most of the time.
    const started = performance.now();
    convertWithOffice(soffice, "txt:Text (encoded):UTF8", out, docxCases);
    console.info(`LibreOffice converted ${docxCases.length} DOCX files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  for (const c of docxCases) {
    it.skipIf(soffice === undefined)(c.name, () => {
      const file = join(out, `${c.name}.txt`);
      expect(existsSync(file), `LibreOffice 没有转换 ${c.name}.docx`).toBe(true);
      expectText("LibreOffice", c, readFileSync(file, "utf8"));
    });
  }
});

/** How far LibreOffice's page count of a DOCX may be from qiyue's PDF of the same document. */
const PAGE_COUNT_TOLERANCE = 0.15;

describe("LibreOffice lays out every DOCX of the golden suite on as many pages as qiyue's PDF, within 15 %", () => {
  const soffice = office();
  const poppler = hasTool("pdfinfo");
  const out = join(dir, "libreoffice-pdf");
  const cases = suite.cases.filter((c) => c.formats.includes("docx") && c.formats.includes("pdf"));
  const pages = (pdf: string) => {
    const r = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
    return Number(/^Pages:\s+(\d+)$/m.exec(r.stdout)?.[1] ?? 0);
  };
  const counts = new Map<string, { office: number; qiyue: number }>();

  beforeAll(() => {
    if (soffice === undefined || !poppler) return;
    convertWithOffice(soffice, "pdf", out, cases);
    for (const c of cases) counts.set(c.name, { office: pages(join(out, `${c.name}.pdf`)), qiyue: pages(join(dir, `${c.name}.pdf`)) });
    const rows = cases.map((c) => {
      const { office, qiyue } = counts.get(c.name)!;
      const off = ((office - qiyue) / qiyue) * 100;
      return `${c.name.padEnd(36)} ${String(qiyue).padStart(5)} ${String(office).padStart(11)} ${`${off >= 0 ? "+" : ""}${off.toFixed(1)} %`.padStart(9)}`;
    });
    console.info(`page counts: qiyue's PDF and LibreOffice's rendering of the DOCX\n${"document".padEnd(36)} ${"qiyue".padStart(5)} ${"LibreOffice".padStart(11)} ${"off".padStart(9)}\n${rows.join("\n")}`);
  }, 600_000);

  for (const c of cases) {
    it.skipIf(soffice === undefined || !poppler)(c.name, () => {
      const { office, qiyue } = counts.get(c.name)!;
      expect(qiyue).toBeGreaterThan(0);
      const within = Math.abs(office - qiyue) <= PAGE_COUNT_TOLERANCE * qiyue;
      const message = `${c.name}: LibreOffice ${office} pages, qiyue ${qiyue}`;
      expect(within, message).toBe(true);
    });
  }

  it.skipIf(soffice === undefined || !poppler)("never breaks a date to fill in (年　月 | 日) in LibreOffice's pages either", () => {
    for (const c of cases) {
      const text = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", join(out, `${c.name}.pdf`), "-"], { encoding: "utf8" }).stdout;
      expect(text, c.name).not.toMatch(/年[ \t\u3000]*月[ \t\u3000]*\n[ \t\u3000]*日/u);
    }
  });
});

describe("LibreOffice keeps dates and numbers whole in running Chinese text", () => {
  const soffice = office();
  const poppler = hasTool("pdftotext");

  it.skipIf(soffice === undefined || !poppler)("breaks no line inside a date, wherever on the line it falls", async () => {
    // the date at every place of a line: one paragraph for each offset
    const paragraphs = Array.from({ length: 32 }, (_, k) => `${"甲".repeat(k)}乙方于2026年3月19日前提交项目数据统计，金额为1,979,100.00元。`);
    const docx = await renderDocx(parseMarkdown(paragraphs.join("\n\n"), { theme: "formal" }));
    const work = join(dir, "running-text");
    writeFileSync(join(dir, "running-text.docx"), docx);
    convertWithOffice(soffice!, "pdf", work, [{ name: "running-text" }]);
    const text = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", join(work, "running-text.pdf"), "-"], { encoding: "utf8" }).stdout.replace(/[\u2060\u200b]/g, "");
    const dates = text.replace(/\s+/g, "").match(/2026年3月19日/g) ?? [];
    expect(dates).toHaveLength(32);
    expect(text).not.toMatch(/2026[ \t]*\n[ \t]*年|年[ \t]*\n[ \t]*3|3[ \t]*\n[ \t]*月|月[ \t]*\n[ \t]*19|19[ \t]*\n[ \t]*日/);
    expect(text).not.toMatch(/1,979,100[ \t]*\n|\n[ \t]*979,100|1,979[ \t]*\n/);
  }, 180_000);

  it.skipIf(soffice === undefined || !poppler)("breaks a list of order numbers after its commas, never inside a number", async () => {
    // a monthly report's appendix: the orders that missed a standard, listed in one cell
    const numbers = Array.from({ length: 40 }, (_, i) => `20260${4 + (i % 2)}${String(10 + (i % 19)).padStart(2, "0")}0000${i % 10}`);
    const table = ["| 服务标准 | 件数 | 工单编号 |", "| --- | --: | --- |", `| 响应率 | 40 | ${numbers.join("、")} |`].join("\n");
    const docx = await renderDocx(parseMarkdown(table, { theme: "plain" }));
    const work = join(dir, "order-list");
    writeFileSync(join(dir, "order-list.docx"), docx);
    convertWithOffice(soffice!, "pdf", work, [{ name: "order-list" }]);
    const lines = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", join(work, "order-list.pdf"), "-"], { encoding: "utf8" })
      .stdout.replace(/[\u2060\u200b]/g, "")
      .split("\n");
    // every number whole, on one line, and the cell took several lines
    for (const n of numbers) expect(lines.some((line) => line.includes(n)), n).toBe(true);
    expect(lines.filter((line) => /\d{13}、/.test(line)).length).toBeGreaterThan(3);
    expect(lines.some((line) => /(?:^|、)\d{1,12}$|^\d{1,12}(?:、|$)/.test(line.trim()))).toBe(false);
  }, 180_000);

  it.skipIf(soffice === undefined || !poppler)("leaves no table cell with one character on its last line", async () => {
    // a monthly report's ranking: narrow columns whose headers take two lines
    const header = "| 排名 | 承办单位 | 纳入考核 | 回访基数 | 响应率 | 解决率 | 满意率 | 综合成绩 | 第12个月 |";
    const row = "| 1 | 平谷区人力资源和社会保障局 | 5 | 2 | 100.00% | 100.00% | 100.00% | 100.00 | 第1个月 |";
    const table = [header, "| --: | --- | --: | --: | --: | --: | --: | --: | --- |", row, row].join("\n");
    const docx = await renderDocx(parseMarkdown(table, { theme: "plain" }));
    const work = join(dir, "narrow-cells");
    writeFileSync(join(dir, "narrow-cells.docx"), docx);
    convertWithOffice(soffice!, "pdf", work, [{ name: "narrow-cells" }]);
    const lines = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", join(work, "narrow-cells.pdf"), "-"], { encoding: "utf8" }).stdout.split("\n");
    // the headers did break (so the test means something), each into two characters and two
    const words = lines.flatMap((line) => line.replace(/[\u2060\u200b]/g, "").trim().split(/\s+/));
    expect(words).toEqual(expect.arrayContaining(["纳入", "考核", "综合", "成绩"]));
    const findings = await checkLayout({ pdf: join(work, "narrow-cells.pdf"), markdown: table });
    expect(findings.filter((f) => f.rule === "lone-character")).toEqual([]);
  }, 180_000);
});

describe("mammoth reads every DOCX of the golden suite", () => {
  for (const c of docxCases) {
    it(c.name, async () => {
      const { value, messages } = await mammoth.extractRawText({ path: join(dir, `${c.name}.docx`) });
      expect(messages.filter((m) => m.type === "error")).toEqual([]);
      expectText("mammoth", c, value);
    });
  }
});

describe("poppler reads every PDF of the golden suite", () => {
  const poppler = hasTool("pdftotext", "pdfinfo", "pdffonts");
  const run = (program: string, args: string[]) => {
    const r = spawnSync(program, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr}`);
    return r.stdout;
  };

  for (const c of pdfCases) {
    it.skipIf(!poppler)(c.name, () => {
      const pdf = join(dir, `${c.name}.pdf`);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]))?.[1] ?? 0);
      expect(pages).toBeGreaterThan(0);
      const golden = readFileSync(join(suite.dir, c.name, "pdf", "info.txt"), "utf8");
      expect(`Pages: ${pages}`).toBe(/^Pages: \d+$/m.exec(golden)?.[0]);
      const fonts = run("pdffonts", [pdf])
        .split("\n")
        .slice(2)
        .filter((line) => line.trim() !== "")
        .map((line) => line.trim().split(/\s+/));
      expect(fonts.length).toBeGreaterThan(0);
      for (const cols of fonts) {
        expect(cols[cols.length - 5], `${cols[0]} 未嵌入`).toBe("yes");
        expect(cols[cols.length - 4], `${cols[0]} 未子集化`).toBe("yes");
      }
      expectText("pdftotext", c, run("pdftotext", ["-enc", "UTF-8", pdf, "-"]), "headings");
    });
  }
});

/**
 * The layout checker on every document of the golden suite: each PDF is read with poppler for
 * the faults a typesetter would send back (see checkLayout in @qiyue/golden). The findings
 * must be exactly the known ones listed in test/golden/layout-known.json: a new fault fails, and
 * so does a fixed one still listed, so that the list only shrinks, down to empty.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CaseRenderer, checkLayout, LAYOUT_RULES, type LayoutFinding, type LayoutRule, loadSuite } from "@qiyue/golden";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/qiyue.js";
import { hasTool } from "../support/tools.js";

const suite = await loadSuite(join(ROOT, "test", "golden"));
const pdfCases = suite.cases.filter((c) => c.formats.includes("pdf"));
const KNOWN_FILE = join(suite.dir, "layout-known.json");

/** A known finding: the document, the rule and the text (the page is left out: it moves as pages fill). */
interface Known {
  document: string;
  rule: LayoutRule;
  text: string;
}

const known: Known[] = JSON.parse(readFileSync(KNOWN_FILE, "utf8"));
const key = (k: Pick<Known, "rule" | "text">) => `${k.rule} ${k.text}`;

/** The items of `a` left when each of `b` takes away one equal item. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...a];
  for (const item of b) {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

describe("the layout of every PDF of the golden suite", () => {
  const poppler = hasTool("pdftotext");
  const findings = new Map<string, LayoutFinding[]>();

  beforeAll(async () => {
    if (!poppler) return;
    const renderer = new CaseRenderer(suite);
    for (const c of pdfCases) {
      const rendered = await renderer.render(c);
      const docx = rendered.docx;
      findings.set(c.name, await checkLayout({ pdf: rendered.pdf!, markdown: rendered.markdown, ...(docx !== undefined ? { docx } : {}) }));
    }
    const rows = pdfCases.map((c) => {
      const found = findings.get(c.name)!;
      const byRule = LAYOUT_RULES.map((rule) => [rule, found.filter((f) => f.rule === rule).length] as const).filter(([, n]) => n > 0);
      return `${c.name.padEnd(36)} ${String(found.length).padStart(4)}  ${byRule.map(([rule, n]) => `${rule} ${n}`).join(", ")}`;
    });
    const total = [...findings.values()].reduce((n, f) => n + f.length, 0);
    console.info(`layout findings per document (known: ${known.length})\n${rows.join("\n")}\n${"total".padEnd(36)} ${String(total).padStart(4)}`);
  }, 600_000);

  it("lists known findings of the suite's documents only, by rule and text", () => {
    const names = new Set(pdfCases.map((c) => c.name));
    for (const k of known) {
      expect(Object.keys(k).sort()).toEqual(["document", "rule", "text"]);
      expect(names, k.document).toContain(k.document);
      expect(LAYOUT_RULES).toContain(k.rule);
      expect(typeof k.text).toBe("string");
    }
  });

  for (const c of pdfCases) {
    it.skipIf(!poppler)(c.name, () => {
      const found = findings.get(c.name)!;
      const current = found.map(key);
      const listed = known.filter((k) => k.document === c.name).map(key);
      const unexpected = minus(current, listed);
      const report = found.filter((f) => unexpected.includes(key(f))).map((f) => `第 ${f.page} 页 ${f.rule}：${f.detail}`);
      expect(report, `${c.name}: new layout faults`).toEqual([]);
      expect(minus(listed, current), `${c.name}: fixed; remove these from test/golden/layout-known.json`).toEqual([]);
    });
  }
});

// The renewal draft of the Pinggu contract, as a user renders it: warm in one process
// (DOCX and PDF medians), and LibreOffice converting the same DOCX, so the ratio is visible.
// Run after building: npm run bench (or node packages/reports/bench/documents.mjs).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { renderDocx, renderPdf, warmUp } from "@qiyue/document";
import { loadTemplate, parseRendered, renderTemplateMarkdown } from "../dist/index.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const contractFile = fileURLToPath(new URL("../../../examples/contracts/pinggu-2026.yaml", import.meta.url));
const { contract } = await loadContract(contractFile);
const template = await loadTemplate("renewal-draft");

function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
}

async function time(name, fn, target) {
  for (let i = 0; i < 8; i++) await fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const { median: m, p95 } = median(samples);
  const verdict = target === undefined ? "" : m < target ? `  (target < ${target} ms: met)` : `  (target < ${target} ms: MISSED)`;
  console.log(`${name.padEnd(38)} median ${m.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms${verdict}`);
  return m;
}

warmUp();
const rendered = renderTemplateMarkdown({ template, contract, inputs: { increase: 50_000, schedule: "50%/20%/30%" } });
const doc = parseRendered(rendered, template, contract);
const pdfBytes = await renderPdf(doc);
const docxBytes = await renderDocx(doc);
const pages = (Buffer.from(pdfBytes).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
console.log(`Pinggu renewal draft (+5 %), formal theme, ${pages} pages; warm, one process, ${RUNS} runs`);
await time("template → Markdown → document model", () => parseRendered(renderTemplateMarkdown({ template, contract, inputs: { increase: 50_000, schedule: "50%/20%/30%" } }), template, contract));
const docx = await time("DOCX", () => renderDocx(doc), 15);
const pdf = await time("PDF", () => renderPdf(doc), 40);

const soffice = ["soffice", "libreoffice"].find((bin) => {
  try {
    execFileSync("which", [bin], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});
if (soffice) {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-bench-"));
  const file = join(dir, "renewal.docx");
  writeFileSync(file, docxBytes);
  const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
  execFileSync(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore" });
  const t = performance.now();
  execFileSync(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore" });
  const lo = performance.now() - t;
  console.log(`${"LibreOffice DOCX → PDF (one process)".padEnd(38)} ${lo.toFixed(0).padStart(7)} ms  = ${(lo / pdf).toFixed(0)} × qiyue's PDF, ${(lo / docx).toFixed(0)} × its DOCX`);
} else {
  console.log("LibreOffice not installed: run scripts/install-system-deps.sh to time it");
}

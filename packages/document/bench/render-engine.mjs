// Benchmark of the rendering engine: an ~8-page contract-like document (headings,
// paragraphs, three tables, a key–value table, a signature block) rendered to DOCX
// and PDF, warm, in one process. Run after building the package:
//   npm run build -w @qiyue/reports && node packages/reports/bench/render-engine.mjs
import { sampleContractMarkdown } from "@qiyue/testing";
import { parseMarkdown, renderDocx, renderPdf, warmUp } from "../dist/index.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM = 10;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(name, render) {
  for (let i = 0; i < WARM; i++) await render();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await render();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const w = stats(wall);
  const c = stats(cpu);
  console.log(
    `${name.padEnd(12)} median ${w.median.toFixed(1).padStart(6)} ms   p95 ${w.p95.toFixed(1).padStart(6)} ms   (cpu median ${c.median.toFixed(1)} ms)`,
  );
}

const started = performance.now();
warmUp();
console.log(`fonts loaded and parsed once: ${(performance.now() - started).toFixed(0)} ms`);

for (const theme of ["formal", "plain"]) {
  const doc = parseMarkdown(sampleContractMarkdown(), { theme });
  const pdf = await renderPdf(doc);
  const pages = (Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  console.log(`\n${theme} theme, ${pages} pages, ${RUNS} runs after ${WARM} warm-up runs`);
  await measure("docx", () => renderDocx(doc));
  await measure("pdf", () => renderPdf(doc));
}

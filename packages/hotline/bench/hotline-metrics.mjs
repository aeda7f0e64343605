// Ingest + metrics over a million sample work orders.
// Run after `npx tsc -p tsconfig.json`: node bench/hotline-metrics.mjs [--orders N] [--check]
// The CSV is generated once into the system temp directory; the timed part runs in a
// child process so that its peak RSS is its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  builtinMetricsConfig,
  HotlineMetrics,
  readWorkOrders,
  sampleOrders,
  writeWorkOrdersCsv,
} from "../dist/index.js";

const TARGET_MS = 5000;
const TARGET_RSS_MB = 300;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};

if (args[0] === "--measure") {
  const file = args[1];
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const metrics = new HotlineMetrics({
    config: builtinMetricsConfig("beijing-0.1-0.5-0.4"),
    month: "2026-03",
    serviceLevels: [
      { id: "sign", metric: "sign-rate" },
      { id: "dispatch", metric: "dispatch-rate" },
      { id: "on-time", metric: "on-time-close-rate" },
      { id: "feedback", metric: "feedback-rate" },
      { id: "dispatch-30", metric: "dispatch-within-minutes", minutes: 30 },
      { id: "zero-score", metric: "zero-score-orders" },
    ],
  });
  const reader = readWorkOrders(file);
  for await (const batch of reader.batches()) for (const order of batch) metrics.add(order);
  const result = metrics.finish();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      orders: reader.report().orders,
      overall: result.assessment.overall,
      serviceLevels: result.serviceLevels.map((s) => `${s.label} ${s.achieved.percent} ${s.status}`),
    }),
  );
} else {
  const orders = Number(option("--orders", "1000000"));
  const dir = join(tmpdir(), "qiyue-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `hotline-2026-03-${orders}-seed1.csv`);
  if (!existsSync(file)) {
    const t = performance.now();
    const written = await writeWorkOrdersCsv(file, sampleOrders({ month: "2026-03", orders, seed: 1 }));
    console.log(
      `generated ${written.orders} orders, ${(written.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
  } else {
    console.log(`reusing ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  }
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--measure", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.status !== 0) process.exit(child.status ?? 1);
  const m = JSON.parse(child.stdout);
  const ok = m.wallMs < TARGET_MS && m.maxRssMb < TARGET_RSS_MB;
  console.log(`ingest + metrics: ${m.orders} orders`);
  console.log(`  wall      ${(m.wallMs / 1000).toFixed(2)} s   (target < ${TARGET_MS / 1000} s)`);
  console.log(`  CPU       ${(m.cpuMs / 1000).toFixed(2)} s   (user + system, all threads)`);
  console.log(`  peak RSS  ${m.maxRssMb.toFixed(0)} MB   (target < ${TARGET_RSS_MB} MB)`);
  console.log(
    `  三率 ${m.overall.response.percent} / ${m.overall.resolution.percent} / ${m.overall.satisfaction.percent}, 综合 ${m.overall.composite.value}`,
  );
  for (const line of m.serviceLevels) console.log(`  ${line}`);
  if (args.includes("--check") && !ok) process.exit(1);
}

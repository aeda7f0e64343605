// Cold-start timings of the qiyue command: each run is a fresh `node` process, as a user types it.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/qiyue.js", import.meta.url));
const root = fileURLToPath(new URL("../../../", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

/** Times a command; `allowed` are the exit codes it may end with (validate exits 1 on the contracts' real mistakes). */
function time(args, allowed = [0]) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!allowed.includes(r.status)) throw new Error(`qiyue ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], p95: samples[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)], min: samples[0] };
}

const cases = [
  { name: "qiyue --help", args: ["--help"], target: undefined },
  { name: "qiyue validate (one contract)", args: ["validate", "examples/contracts/pinggu-2026.yaml"], target: 400, allowed: [0, 1] },
  { name: "qiyue validate (five contracts)", args: ["validate", ...["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"].map((id) => `examples/contracts/${id}.yaml`)], target: undefined, allowed: [0, 1] },
  { name: "qiyue schedule", args: ["schedule", "examples/contracts/haidian-2024.yaml"], target: undefined },
  {
    name: "qiyue render renewal-draft (PDF)",
    args: ["render", "renewal-draft", "--contract", "examples/contracts/pinggu-2026.yaml", "--increase", "5%", "--schedule", "50/20/30", "--format", "pdf", "--out", join(tmpdir(), "qiyue-bench-render")],
    target: 1500,
  },
];

console.log(`cold start, ${runs} runs each, wall time in ms`);
for (const c of cases) {
  const r = time(c.args, c.allowed);
  const verdict = c.target === undefined ? "" : r.median < c.target ? `  (target < ${c.target} ms: met)` : `  (target < ${c.target} ms: MISSED)`;
  console.log(`${c.name.padEnd(34)} median ${r.median.toFixed(0).padStart(5)}  p95 ${r.p95.toFixed(0).padStart(5)}  min ${r.min.toFixed(0).padStart(5)}${verdict}`);
}

// `npm run examples`: checks every example contract and renders its documents into out/.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listTemplates } from "@qiyue/reports";
import { main } from "../dist/main.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
process.chdir(root);
const contracts = readdirSync("examples/contracts").filter((f) => f.endsWith(".yaml")).sort();
// every built-in template (the @qiyue/template-* packages)
const templates = await listTemplates();
const env = { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? "1767225600" };
Object.assign(process.env, env);

/** Pinggu's 二.2(1) ("支付至 20%" after 50 % paid) cannot be renewed without the parties' shares. */
const renewalArgs = (id) => ["--increase", "5%", ...(id === "pinggu-2026" ? ["--schedule", "50/20/30"] : [])];

let failures = 0;
async function run(args) {
  console.log(`\n$ qiyue ${args.join(" ")}`);
  const code = await main(args);
  // validate exits 1 on contracts with errors: the examples keep their real mistakes on purpose.
  if (code > 1) failures++;
  return code;
}

await run(["validate", ...contracts.map((c) => `examples/contracts/${c}`)]);
for (const file of contracts) {
  const id = file.replace(/\.yaml$/, "");
  const contract = `examples/contracts/${file}`;
  for (const template of templates) {
    if (template === "monthly-report") continue; // needs work-order data: see below
    const extra = template === "invoice-request" ? ["--installment", "1"] : template === "renewal-draft" ? renewalArgs(id) : [];
    await run(["render", template, "--contract", contract, "--format", "docx,pdf", "--out", `out/${id}`, ...extra]);
  }
}
if (templates.includes("monthly-report")) {
  await run(["sample-data", "--month", "2026-05", "--orders", "5000", "--seed", "12345", "--out", "out/sample/orders-2026-05.csv"]);
  await run([
    "render", "monthly-report", "--contract", "examples/contracts/pinggu-2026.yaml",
    "--orders", "out/sample/orders-2026-05.csv", "--month", "2026-05", "--format", "docx,pdf", "--out", "out/pinggu-2026",
  ]);
}
console.log(failures ? `\n${failures} 个命令失败` : "\n完成：文档在 out/ 目录下");
process.exitCode = failures ? 1 : 0;

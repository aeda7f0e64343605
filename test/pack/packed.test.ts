/**
 * The packed tarballs, installed with plain `npm install` in a fresh project outside the
 * repository, must work exactly as the repository does: same findings, byte-identical
 * documents, golden files, a user's own template package, the library API.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasTool } from "../support/tools.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const REPO_BIN = join(ROOT, "packages/cli/bin/qiyue.js");
const RENDER_BYTES = join(ROOT, "examples/library/render-bytes.mjs");
const CONTRACT = "contracts/haidian-2024.yaml";
const SOURCE_DATE_EPOCH = "1767225600";
/** Per test: several cold `qiyue` processes each; generous for a busy 2-core machine. */
const TEST_TIMEOUT = 240_000;

interface Run {
  command: string;
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment of child processes: no npm settings of an enclosing `npm run` (its local prefix is the repository). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_registry", "npm_config_cafile"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.has(key.toLowerCase())) continue;
    if (key === "INIT_CWD" || key === "NODE_PATH" || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

function run(program: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<Run> {
  const started = Date.now();
  const command = `(cd ${cwd} && ${[program, ...args].join(" ")})`;
  return new Promise((done) => {
    const child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e) => done({ command, status: null, stdout, stderr: stderr + String(e), ms: Date.now() - started }));
    child.on("close", (status) => done({ command, status, stdout, stderr, ms: Date.now() - started }));
  });
}

/** What to print when a command did not do what was expected. */
const explain = (r: Run) => `${r.command} exited ${r.status}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;

function expectOk(r: Run): void {
  expect(r.status, explain(r)).toBe(0);
}

const npm = (args: string[], cwd: string) => run("npm", args, cwd);
const qiyueEnv = cleanEnv({ SOURCE_DATE_EPOCH });
const qiyueWith = (bin: string, cwd: string) => (args: readonly string[]) => run(process.execPath, [bin, ...args], cwd, qiyueEnv);

/** The workspaces npm would publish: the root's "workspaces" (a trailing /* expanded), without private ones. */
function publishedWorkspaces(): { dir: string; name: string; version: string; files: string[] }[] {
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  const dirs = root.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(ROOT, parent, e.name, "package.json")))
      .map((e) => `${parent}/${e.name}`);
  });
  return dirs
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) }))
    .filter(({ pkg }) => pkg.private !== true)
    .map(({ dir, pkg }) => ({ dir, name: pkg.name, version: pkg.version, files: pkg.files ?? [] }));
}

/** Bytes and files below a folder, symlinks not followed. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += lstatSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A folder with the example files under the same relative names the commands use. */
function exampleProject(dir: string): void {
  for (const sub of ["contracts", "events"]) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const file of readdirSync(join(ROOT, "examples", sub)).filter((f) => f.endsWith(".yaml"))) {
      copyFileSync(join(ROOT, "examples", sub, file), join(dir, sub, file));
    }
  }
}

const OUT = ["--format", "docx,pdf,md", "--out", "out/"];
/** Every built-in template for one contract, and the orders the monthly report reads. */
const RENDERS: readonly (readonly string[])[] = [
  ["render", "acceptance", "--contract", CONTRACT, ...OUT],
  ["render", "invoice-request", "--contract", CONTRACT, "--installment", "1", ...OUT],
  ["render", "contract", "--contract", CONTRACT, ...OUT],
  ["render", "renewal-draft", "--contract", CONTRACT, "--increase", "5%", ...OUT],
  ["sample-data", "--month", "2026-05", "--orders", "2000", "--seed", "1", "--out", "orders.csv"],
  ["render", "monthly-report", "--contract", CONTRACT, "--orders", "orders.csv", ...OUT],
];
const validations = () =>
  readdirSync(join(ROOT, "examples/contracts"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ["validate", `contracts/${f}`]);

/** Runs commands one after the other (later ones read what earlier ones wrote). */
async function runAll(qiyue: (args: readonly string[]) => Promise<Run>, commands: readonly (readonly string[])[]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const args of commands) runs.push(await qiyue(args));
  return runs;
}

let tmp = "";
let project = "";
let reference = "";
let published: ReturnType<typeof publishedWorkspaces> = [];
let referenceValidations: Run[] = [];
let referenceRenders: Run[] = [];
let installedQiyue: (args: readonly string[]) => Promise<Run>;

beforeAll(async () => {
  tmp = mkdtempSync(join(realpathSync(tmpdir()), "qiyue-pack-"));
  if (!relative(ROOT, tmp).startsWith("..")) throw new Error(`the temporary folder ${tmp} is inside the repository`);
  console.log(`pack test: working in ${tmp}`);
  project = join(tmp, "project");
  reference = join(tmp, "reference");

  published = publishedWorkspaces();
  for (const ws of published) {
    if (ws.files.some((f) => f.startsWith("dist")) && !existsSync(join(ROOT, ws.dir, "dist"))) {
      throw new Error(`${ws.dir}/dist is missing: run \`npx turbo run build\` first`);
    }
  }

  // Pack every published workspace in one npm call.
  const tarballs = join(tmp, "tarballs");
  mkdirSync(tarballs);
  const pack = await npm(["pack", ...published.flatMap((ws) => ["--workspace", ws.dir]), "--pack-destination", tarballs], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed\n${explain(pack)}`);
  const tgz = readdirSync(tarballs).filter((f) => f.endsWith(".tgz")).sort();
  if (tgz.length !== published.length) throw new Error(`expected ${published.length} tarballs, npm pack wrote ${tgz.join(", ")}`);
  const packed = tgz.reduce((sum, f) => sum + lstatSync(join(tarballs, f)).size, 0);
  console.log(`pack test: npm pack of ${tgz.length} workspaces: ${mb(packed)} of tarballs, ${(pack.ms / 1000).toFixed(1)} s`);

  // A fresh project with only the tarballs; meanwhile the repository's own qiyue renders the reference files.
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`);
  exampleProject(project);
  exampleProject(reference);
  const repoQiyue = qiyueWith(REPO_BIN, reference);
  const [install] = await Promise.all([
    npm(["install", "--no-audit", "--no-fund", "--prefer-offline", ...tgz.map((f) => join(tarballs, f))], project),
    (async () => {
      referenceValidations = await runAll(repoQiyue, validations());
      referenceRenders = await runAll(repoQiyue, RENDERS);
    })(),
  ]);
  if (install.status !== 0) throw new Error(`npm install of the tarballs failed\n${explain(install)}`);
  console.log(`pack test: npm install of the tarballs: ${(install.ms / 1000).toFixed(1)} s`);
  installedQiyue = qiyueWith(join(project, "node_modules/@qiyue/cli/bin/qiyue.js"), project);
}, 300_000);

afterAll(() => {
  if (tmp === "") return;
  if (process.env.QIYUE_PACK_KEEP === "1") console.log(`pack test: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  // a fresh project's node_modules is a few hundred megabytes: removing it takes a while on a busy machine
}, 120_000);

describe("the packed tarballs, installed outside the repository", () => {
  it("install real package folders, not links into the repository", () => {
    for (const ws of published) {
      const dir = join(project, "node_modules", ws.name);
      const stat = lstatSync(dir);
      expect(stat.isSymbolicLink(), `${ws.name} is a symlink`).toBe(false);
      expect(stat.isDirectory(), `${ws.name} is not a folder`).toBe(true);
      const real = realpathSync(dir);
      expect(real.startsWith(project + sep), `${ws.name} resolves to ${real}`).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version).toBe(ws.version);
    }
    const bin = realpathSync(join(project, "node_modules/.bin/qiyue"));
    expect(bin.startsWith(project + sep), `node_modules/.bin/qiyue resolves to ${bin}`).toBe(true);
    const size = folderSize(join(project, "node_modules"));
    console.log(`pack test: node_modules of the fresh project: ${mb(size.bytes)} (${size.bytes} bytes, ${size.files} files)`);
    expect(size.files).toBeGreaterThan(0);
  }, TEST_TIMEOUT);

  it("validate reports the same findings as the repository's qiyue", async () => {
    const installed = await runAll(installedQiyue, validations());
    expect(installed.length).toBeGreaterThan(0);
    installed.forEach((r, i) => {
      const ref = referenceValidations[i]!;
      expect([0, 1], explain(r)).toContain(r.status);
      expect(r.status, `${explain(r)}\n--- repository\n${explain(ref)}`).toBe(ref.status);
      expect(r.stdout).toBe(ref.stdout);
      expect(r.stderr).toBe(ref.stderr);
    });
    expectOk(installed.find((r) => r.command.includes(CONTRACT))!);
  }, TEST_TIMEOUT);

  it("renders every built-in template byte-identical to the repository's qiyue", async () => {
    referenceRenders.forEach(expectOk);
    const installed = await runAll(installedQiyue, RENDERS);
    installed.forEach(expectOk);
    for (const r of installed.filter((r) => r.command.includes(" render "))) {
      const written = r.stdout.trim().split("\n");
      expect(written.map((line) => line.slice(line.lastIndexOf("."))).sort(), r.stdout).toEqual([".docx", ".md", ".pdf"]);
      for (const file of written) expect(existsSync(resolve(project, file)), `${file}, printed by ${r.command}`).toBe(true);
    }
    const files = readdirSync(join(project, "out")).sort();
    expect(readdirSync(join(reference, "out")).sort()).toEqual(files);
    expect(files.length).toBe(3 * RENDERS.filter((c) => c[0] === "render").length);
    const different = [...files.map((f) => `out/${f}`), "orders.csv"].filter(
      (f) => !readFileSync(join(project, f)).equals(readFileSync(join(reference, f))),
    );
    expect(different, "files that differ from the repository's output").toEqual([]);
    for (const f of files) {
      const head = readFileSync(join(project, "out", f)).subarray(0, 4).toString("latin1");
      if (f.endsWith(".pdf")) expect(head, f).toBe("%PDF");
      if (f.endsWith(".docx")) expect(head.slice(0, 2), f).toBe("PK");
    }
  }, TEST_TIMEOUT);

  it.skipIf(!hasTool("pdftotext", "pdfinfo", "pdffonts"))("golden init, update and check", async () => {
    const init = await installedQiyue(["golden", "init", "golden/", CONTRACT]);
    expectOk(init);
    expect(existsSync(join(project, "golden/golden.yaml"))).toBe(true);
    expectOk(await installedQiyue(["golden", "update", "golden/"]));
    const check = await installedQiyue(["golden", "check", "golden/"]);
    expectOk(check);
    expect(check.stdout).toContain("✓");
    expect(check.stdout).not.toContain("✗");
  }, TEST_TIMEOUT);

  it("renders a template package the user installed, and a local template over a built-in one", async () => {
    const { contract } = await loadContract(join(project, CONTRACT));
    // @bureau/letter: a template package of the user's own, packed and installed like any other.
    const letter = join(tmp, "letter");
    mkdirSync(letter);
    writeFileSync(join(letter, "package.json"), `${JSON.stringify({ name: "@bureau/letter", version: "1.0.0", files: ["manifest.yaml", "*.md.hbs"] }, null, 2)}\n`);
    writeFileSync(
      join(letter, "manifest.yaml"),
      ["name: letter", "title: 函", "description: 致甲方的函", "inputs:", "  contract: required", "options:", "  theme: formal", "  toc: false", 'output: "{{contract.id}}-函"', ""].join("\n"),
    );
    writeFileSync(join(letter, "template.md.hbs"), "# 函\n\n{{contract.projectName}}\n");
    const letterTarballs = join(tmp, "letter-tarball");
    mkdirSync(letterTarballs);
    expectOk(await npm(["pack", "--pack-destination", letterTarballs], letter));
    const [letterTgz] = readdirSync(letterTarballs).filter((f) => f.endsWith(".tgz"));
    expect(letterTgz).toBeDefined();
    expectOk(await npm(["install", "--no-audit", "--no-fund", "--prefer-offline", join(letterTarballs, letterTgz!)], project));
    expect(lstatSync(join(project, "node_modules/@bureau/letter")).isSymbolicLink()).toBe(false);

    const r = await installedQiyue(["render", "@bureau/letter", "--contract", CONTRACT, "--format", "md,pdf", "--out", "out-letter/"]);
    expectOk(r);
    const written = r.stdout.trim().split("\n");
    const md = written.find((f) => f.endsWith(".md"));
    const pdf = written.find((f) => f.endsWith(".pdf"));
    expect(md, r.stdout).toBeDefined();
    expect(pdf, r.stdout).toBeDefined();
    const text = readFileSync(resolve(project, md!), "utf8");
    expect(text).toContain("# 函");
    expect(text).toContain(contract.projectName);
    expect(readFileSync(resolve(project, pdf!)).subarray(0, 4).toString("latin1")).toBe("%PDF");

    // A local acceptance template (--templates) wins over the built-in one.
    const local = join(project, "local-templates/acceptance");
    mkdirSync(local, { recursive: true });
    copyFileSync(join(project, "node_modules/@qiyue/template-acceptance/manifest.yaml"), join(local, "manifest.yaml"));
    const marker = "本地验收单（pack test）";
    writeFileSync(join(local, "template.md.hbs"), `# ${marker}\n\n{{contract.projectName}}\n`);
    const own = await installedQiyue(["render", "acceptance", "--contract", CONTRACT, "--templates", "local-templates", "--format", "md", "--out", "out-local/"]);
    expectOk(own);
    const [ownMd] = own.stdout.trim().split("\n");
    const ownText = readFileSync(resolve(project, ownMd!), "utf8");
    expect(ownText).toContain(marker);
    expect(ownText).toContain(contract.projectName);
    // and says which template it used in place of the built-in one
    expect(own.stderr).toContain("local-templates/acceptance");
    expect(own.stderr).toContain("代替了内置 @qiyue/template-acceptance");
    // the listing shows both origins
    const list = await installedQiyue(["templates", "list", "--templates", "local-templates"]);
    expectOk(list);
    expect(list.stdout).toMatch(/acceptance\s+验收单\s+目录 local-templates（代替内置 @qiyue\/template-acceptance）/);
    expect(list.stdout).toMatch(/contract\s+合同文本\s+内置 @qiyue\/template-contract/);
  }, TEST_TIMEOUT);

  it("imports a contract's text and its PDF into drafts, as the repository's qiyue does", async () => {
    const sources = [join(ROOT, "examples/import/pinggu-2026.txt"), join(ROOT, "packages/import/src/source/__fixtures__/service-contract.pdf")];
    for (const dir of [project, reference]) {
      mkdirSync(join(dir, "import"), { recursive: true });
      for (const source of sources) copyFileSync(source, join(dir, "import", source.slice(source.lastIndexOf("/") + 1)));
    }
    const commands = [
      ["import", "import/pinggu-2026.txt", "--out", "pinggu-draft.yaml"],
      ["import", "import/service-contract.pdf", "--out", "pdf-draft.yaml"],
    ];
    const installed = await runAll(installedQiyue, commands);
    const repository = await runAll(qiyueWith(REPO_BIN, reference), commands);
    installed.forEach((r, i) => {
      expectOk(r);
      expect(r.stdout).toMatch(/^已写出 \S+：找到 [1-9]\d* 项，待确认 \d+ 项$/m);
      expect(r.stdout).toBe(repository[i]!.stdout);
    });
    for (const draft of ["pinggu-draft.yaml", "pdf-draft.yaml"]) {
      // The same draft but for the first line, which points an editor at the schema where it is installed.
      const body = (dir: string) => readFileSync(join(dir, draft), "utf8").split("\n").slice(1).join("\n");
      expect(body(project)).toContain("id: ");
      expect(body(project), draft).toBe(body(reference));
    }
    expect(readFileSync(join(project, "pinggu-draft.yaml"), "utf8").split("\n")[0]).toContain("node_modules/@qiyue/contract-model/schema/contract.schema.json");
  }, TEST_TIMEOUT);

  it("starts a contract with init: its schema line points at the installed schema, and validate lists only what is to fill", async () => {
    expectOk(await installedQiyue(["init", "--out", "new.yaml"]));
    const first = readFileSync(join(project, "new.yaml"), "utf8").split("\n")[0] ?? "";
    const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1] ?? "";
    expect(ref).toBe("node_modules/@qiyue/contract-model/schema/contract.schema.json");
    expect(existsSync(resolve(project, ref))).toBe(true);
    expectOk(await installedQiyue(["init", "--from", CONTRACT, "--out", "from.yaml"]));
    for (const file of ["new.yaml", "from.yaml"]) {
      const v = await installedQiyue(["validate", file, "--json"]);
      expect(v.status, explain(v)).toBe(1);
      const [report] = (JSON.parse(v.stdout) as { files: { findings: { code: string }[] }[] }).files;
      expect(new Set(report?.findings.map((f) => f.code))).toEqual(new Set(["TO_FILL"]));
    }
    // the example contracts are not in the published packages: a name is not a file
    const named = await installedQiyue(["init", "--from", "pinggu-2026", "--out", "-"]);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain("示例只在 qiyue 的源码仓库中");
  }, TEST_TIMEOUT);

  it("runs examples/library/render-bytes.mjs against the installed packages", async () => {
    expect(existsSync(RENDER_BYTES), "examples/library/render-bytes.mjs is missing").toBe(true);
    copyFileSync(RENDER_BYTES, join(project, "render-bytes.mjs"));
    const r = await run(process.execPath, ["render-bytes.mjs", CONTRACT, "bytes-out"], project, qiyueEnv);
    expectOk(r);
    const files = readdirSync(join(project, "bytes-out"));
    const pdf = files.find((f) => f.endsWith(".pdf"));
    const docx = files.find((f) => f.endsWith(".docx"));
    expect(pdf, `bytes-out holds ${files.join(", ")}`).toBeDefined();
    expect(docx, `bytes-out holds ${files.join(", ")}`).toBeDefined();
    expect(readFileSync(join(project, "bytes-out", pdf!)).subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(readFileSync(join(project, "bytes-out", docx!)).subarray(0, 2).toString("latin1")).toBe("PK");
  }, TEST_TIMEOUT);
});

import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { main } from "../main.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SEED = join(ROOT, "examples/import/pinggu-2026.txt");
const FIXTURES = join(ROOT, "packages/import/src/source/__fixtures__");

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding copies of `files`. */
function workspace(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-import-"));
  dirs.push(dir);
  for (const f of files) copyFileSync(f, join(dir, f.slice(f.lastIndexOf("/") + 1)));
  return dir;
}

async function qiyue(dir: string, ...argv: string[]) {
  const io = memoryIo();
  io.cwd = dir;
  const code = await main(["import", ...argv], io);
  return { code, out: io.out, err: io.err };
}

const SUMMARY = /^已写出 (\S+)：找到 (\d+) 项，待确认 (\d+) 项$/m;

describe("qiyue import", () => {
  it("writes the draft beside the contract, says what it found, and the draft loads as a contract", async () => {
    const dir = workspace(SEED);
    const r = await qiyue(dir, "pinggu-2026.txt");
    expect(r.code, r.err).toBe(0);
    const summary = SUMMARY.exec(r.out);
    expect(summary?.[1]).toBe("pinggu-2026.yaml");
    expect(Number(summary?.[2])).toBeGreaterThan(0);
    const draft = join(dir, "pinggu-2026.yaml");
    const yaml = readFileSync(draft, "utf8");
    // every value cites the line it was read from, and that line of the file says it
    const seedLines = readFileSync(SEED, "utf8").split("\n");
    const cited = [...yaml.matchAll(/# 第 (\d+) 行：“([^”]+)”/g)];
    expect(cited.length).toBeGreaterThan(0);
    for (const [, line, excerpt] of cited) expect(seedLines[Number(line) - 1], `line ${line}`).toContain(excerpt!.replace(/…$/, "").slice(0, 20));
    const loaded = await loadContract(draft, { placeholders: "allow" });
    expect(loaded.contract.id).toBe("pinggu-2026");
    // the findings printed are those of the draft file, by its line
    expect(r.out).not.toContain("内部错误");
  });

  it("never overwrites a file without --force, and overwrites it with", async () => {
    const dir = workspace(SEED);
    writeFileSync(join(dir, "pinggu-2026.yaml"), "# 手写的合同\n");
    const refused = await qiyue(dir, "pinggu-2026.txt");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("pinggu-2026.yaml 已存在，未覆盖（要覆盖请加 --force");
    expect(readFileSync(join(dir, "pinggu-2026.yaml"), "utf8")).toBe("# 手写的合同\n");
    const forced = await qiyue(dir, "pinggu-2026.txt", "--force");
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(join(dir, "pinggu-2026.yaml"), "utf8")).toContain("id: pinggu-2026");
  });

  it("writes to --out, refuses an --out folder that does not exist or the contract itself", async () => {
    const dir = workspace(SEED);
    const r = await qiyue(dir, "pinggu-2026.txt", "--out", "草稿.yaml");
    expect(r.code, r.err).toBe(0);
    expect(SUMMARY.exec(r.out)?.[1]).toBe("草稿.yaml");
    expect(existsSync(join(dir, "草稿.yaml"))).toBe(true);
    expect(existsSync(join(dir, "pinggu-2026.yaml"))).toBe(false);
    const missing = await qiyue(dir, "pinggu-2026.txt", "--out", "无此目录/草稿.yaml");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("草稿的目录不存在：无此目录");
    const self = await qiyue(dir, "pinggu-2026.txt", "--out", "pinggu-2026.txt", "--force");
    expect(self.code).toBe(2);
    expect(self.err).toContain("草稿文件不能是合同文件本身");
    expect(statSync(join(dir, "pinggu-2026.txt")).size).toBe(statSync(SEED).size);
  });

  it("prints the draft with --out -, the summary going to stderr", async () => {
    const dir = workspace(SEED);
    const r = await qiyue(dir, "pinggu-2026.txt", "--out", "-");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^id: pinggu-2026$/m);
    expect(r.out).toMatch(/^parties:$/m);
    expect(r.err).toMatch(/^草稿：找到 \d+ 项，待确认 \d+ 项$/m);
    expect(existsSync(join(dir, "pinggu-2026.yaml"))).toBe(false);
  });

  it("prints the machine form with --json, its counts those of the draft", async () => {
    const dir = workspace(SEED);
    const r = await qiyue(dir, "pinggu-2026.txt", "--json");
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as {
      file: string;
      source: string;
      out: string;
      found: { path: (string | number)[]; line: number; excerpt: string; confidence: string }[];
      placeholders: unknown[];
      findings: { severity: string; message: string }[];
      summary: { found: number; toConfirm: number };
      warnings: string[];
    };
    expect(json.source).toBe("pinggu-2026.txt");
    expect(json.out).toBe("pinggu-2026.yaml");
    expect(json.summary.found).toBe(json.found.length);
    expect(json.summary.toConfirm).toBe(json.placeholders.length);
    expect(json.warnings).toEqual([]);
    for (const f of json.found) expect(["high", "medium", "low"]).toContain(f.confidence);
    expect(existsSync(join(dir, "pinggu-2026.yaml"))).toBe(true);
  });

  it("exits 1 with --strict while items are left to confirm, the draft written all the same", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "short.txt"), "服务合同\n\n甲方：北京市某区城市管理指挥中心\n");
    const plain = await qiyue(dir, "short.txt", "--out", "a.yaml");
    expect(plain.code, plain.err).toBe(0);
    const toConfirm = Number(SUMMARY.exec(plain.out)?.[3]);
    expect(toConfirm).toBeGreaterThan(0);
    const strict = await qiyue(dir, "short.txt", "--out", "b.yaml", "--strict");
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, "b.yaml"))).toBe(true);
  });

  it("reads a Word file and a PDF of the same contract to the same values (but for spacing around figures)", async () => {
    const dir = workspace(join(FIXTURES, "service-contract.docx"), join(FIXTURES, "service-contract.pdf"));
    const values = async (file: string) => {
      const r = await qiyue(dir, file, "--json", "--out", `${file}.yaml`);
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out) as { found: { path: unknown[]; value: unknown }[] };
      // A PDF's text layer drops the spaces Word keeps between Chinese and figures ("人民币 360000.00 元").
      return json.found.map((f) => JSON.stringify([f.path, f.value]).replace(/ /g, "")).sort();
    };
    const docx = await values("service-contract.docx");
    expect(docx.length).toBeGreaterThan(0);
    expect(await values("service-contract.pdf")).toEqual(docx);
  });

  it("exits 2 with the code and the file's name when the input cannot be read, writing nothing", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "空.txt"), "");
    const empty = await qiyue(dir, "空.txt");
    expect(empty.code).toBe(2);
    expect(empty.err).toBe("qiyue: 空.txt: 文件为空（0 字节） [IMPORT_EMPTY]\n");
    expect(existsSync(join(dir, "空.yaml"))).toBe(false);

    const scan = await qiyue(dir, join(FIXTURES, "..", "__fixtures__", "missing.pdf"));
    expect(scan.code).toBe(2);
    expect(scan.err).toContain("[IMPORT_UNREADABLE]");

    writeFileSync(join(dir, "合同.txt"), readFileSync(join(FIXTURES, "service-contract.docx")));
    const renamed = await qiyue(dir, "合同.txt");
    expect(renamed.code).toBe(2);
    expect(renamed.err).toContain("合同.txt: 扩展名是 .txt，内容却是 ZIP 压缩包");
    expect(renamed.err).toContain("[IMPORT_WRONG_TYPE]");
  });

  it("exits 2 on bad arguments", async () => {
    const dir = workspace(SEED);
    expect((await qiyue(dir)).code).toBe(2);
    expect((await qiyue(dir, "pinggu-2026.txt", "other.txt")).err).toContain("多余的参数：other.txt");
    expect((await qiyue(dir, "pinggu-2026.txt", "--out", "-", "--json")).code).toBe(2);
  });
});

/**
 * The hostile corpus (corpus/), one input per class of problem, run through the built `qiyue`
 * command in a fresh folder: the exit code, the message with the file, line and column, and
 * nothing written but what was asked for.
 */
import { spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, qiyue, ROOT } from "../support/qiyue.js";

const CORPUS = fileURLToPath(new URL("./corpus/", import.meta.url));
const corpus = (name: string) => join(CORPUS, name);
const EXAMPLE = (id: string) => join(ROOT, "examples", "contracts", `${id}.yaml`);
const pinggu = readFileSync(EXAMPLE("pinggu-2026"), "utf8");

/** A fresh, empty working folder: whatever a run writes shows up here. */
const fresh = () => mkdtempSync(join(tmpdir(), "qiyue-hostile-"));
/** Runs qiyue in a fresh folder and returns the run and what the folder holds afterwards (hidden files included). */
function run(args: string[], options: { cwd?: string } = {}) {
  const cwd = options.cwd ?? fresh();
  const before = new Set(readdirSync(cwd));
  const result = qiyue(args, { cwd });
  return { ...result, written: readdirSync(cwd).filter((f) => !before.has(f)) };
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
/** A template folder copied out of the corpus, so that a test can add to it. */
function templates(name: string): string {
  const dir = join(fresh(), "templates");
  cpSync(corpus(join("templates", name)), join(dir, name), { recursive: true });
  return dir;
}

describe("bounded resources: YAML aliases", () => {
  it("a billion-laughs contract is a user error at the alias that passes the limit", () => {
    const r = run(["validate", corpus("billion-laughs.yaml")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/billion-laughs\.yaml:8:8: 错误 YAML_ALIAS_EXPANSION/);
    expect(r.stderr).not.toContain("内部错误");
    expect(r.written).toEqual([]);
  });

  it("an alias of an anchor never set, in a ledger", () => {
    const r = run(["status", EXAMPLE("pinggu-2026"), "--events", corpus("undefined-alias.events.yaml"), "--as-of", "2026-06-30"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/undefined-alias\.events\.yaml:5:5: 别名 \*nowhere 之前没有定义锚点/);
    expect(r.stderr).toContain("[YAML_ALIAS_UNDEFINED]");
    expect(r.written).toEqual([]);
  });

  it("a recursive alias, in a column mapping", () => {
    const r = run(["metrics", "orders.csv", "--mapping", corpus("recursive-alias.mapping.yaml")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/recursive-alias\.mapping\.yaml:3:9: 别名 \*columns 引用了包含它自己的内容/);
    expect(r.written).toEqual([]);
  });

  it("a recursive alias, in a golden suite", () => {
    const r = run(["golden", "check", corpus("recursive-alias-suite")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/recursive-alias-suite\/golden\.yaml:6:12: .*循环引用/);
    expect(r.written).toEqual([]);
  });
});

describe("bounded resources: templates", () => {
  it("templates check finds mutually recursive partials before anything is rendered", () => {
    const r = run(["templates", "check", corpus("templates/partial-loop")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/partial-loop\/_b\.md\.hbs:2:20: 错误：子模板循环引用：_a → _b → _a/);
  });

  it("render refuses them too, and writes nothing", () => {
    const r = run(["render", "partial-loop", "--templates", corpus("templates"), "--contract", EXAMPLE("pinggu-2026")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/_b\.md\.hbs:2:20: .*\[TEMPLATE_PARTIAL_RECURSION\]/);
    expect(r.written).toEqual([]);
  });

  it("5,000 nested blocks are refused at the block past the limit", () => {
    const dir = templates("deep-quotes");
    writeFileSync(join(dir, "deep-quotes", "template.md.hbs"), `# 深\n${"{{#if contract.id}}\n".repeat(5000)}x${"{{/if}}".repeat(5000)}\n`);
    const r = run(["render", "deep-quotes", "--templates", dir, "--contract", EXAMPLE("pinggu-2026")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/deep-quotes\/template\.md\.hbs:66:1: 块嵌套超过 64 层/);
    expect(r.written).toEqual([]);
  });

  it("deeply nested Markdown quotes are the template's error at its line, not a crash in the DOCX writer", () => {
    const r = run(["render", "deep-quotes", "--templates", corpus("templates"), "--contract", EXAMPLE("pinggu-2026"), "--format", "docx"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/deep-quotes\/template\.md\.hbs:5:1: 引用与列表嵌套超过 16 层/);
    expect(r.written).toEqual([]);
  });

  it("a chart the document does not have is the template's error at its line", () => {
    const r = run(["render", "unknown-chart", "--templates", corpus("templates"), "--contract", EXAMPLE("pinggu-2026"), "--format", "pdf"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown-chart\/template\.md\.hbs:5:1: .*nowhere/);
    expect(r.stderr).not.toContain("生成的 Markdown");
    expect(r.written).toEqual([]);
  });
});

describe("bounded resources: dates, names, output", () => {
  it("a term ending 9999-12-31 is refused at validation, at its line and column", () => {
    const dir = fresh();
    writeFileSync(join(dir, "c.yaml"), pinggu.replace('end: "2027-03-18"', 'end: "9999-12-31"'));
    const r = run(["validate", "c.yaml"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`c.yaml:${lineOf(pinggu, 'end: "2027-03-18"')}:8: 错误 DATE_OUT_OF_RANGE (term.end)`);
    expect(r.written).toEqual([]);
  });

  it("year 0000 likewise", () => {
    const dir = fresh();
    writeFileSync(join(dir, "c.yaml"), pinggu.replace('start: "2026-03-19"', 'start: "0000-01-01"'));
    const r = run(["status", "c.yaml", "--events", join(ROOT, "examples/events/pinggu-2026.yaml")], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`c.yaml:${lineOf(pinggu, 'start: "2026-03-19"')}:10: term.start: 日期超出可用范围`);
  });

  it("a 300-character contract id gives a shortened output name, one per id", () => {
    const dir = fresh();
    const ids = ["a", "b"].map((end) => `${"x".repeat(299)}${end}`);
    ids.forEach((id, i) => {
      writeFileSync(join(dir, `c${i}.yaml`), pinggu.replace("id: pinggu-2026", `id: ${id}`));
    });
    for (const i of [0, 1]) expect(run(["render", "acceptance", "--contract", `c${i}.yaml`, "--format", "md"], { cwd: dir }).status).toBe(0);
    const written = readdirSync(dir).filter((f) => f.endsWith(".md"));
    expect(written).toHaveLength(2);
    for (const name of written) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
  });

  it("a full disk behind stdout names where the output was going; a closed pipe is quiet", () => {
    if (!existsSync("/dev/full")) return;
    const full = openSync("/dev/full", "w");
    const r = spawnSync(process.execPath, [BIN, "schema"], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("qiyue: 无法写入标准输出（/dev/full）：磁盘空间不足（ENOSPC）\n");
    const piped = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" schema | head -c 1 >/dev/null; echo "$?"`], { encoding: "utf8" });
    expect(piped.stderr).toBe("");
  });
});

describe("messages name the real place", () => {
  it("a file with lone carriage returns is read line by line", () => {
    const dir = fresh();
    writeFileSync(join(dir, "c.yaml"), pinggu.replace('start: "2026-03-19"', 'start: "2026-13-19"').replaceAll("\n", "\r"));
    const r = run(["validate", "c.yaml"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`c.yaml:${lineOf(pinggu, 'start: "2026-03-19"')}:10: 错误 INVALID_DATE (term.start)`);
  });

  it("a term that ends before it starts is blamed on the contract, not the ledger", () => {
    const dir = fresh();
    writeFileSync(join(dir, "c.yaml"), pinggu.replace('end: "2027-03-18"', 'end: "2025-03-18"'));
    const r = run(["status", "c.yaml", "--events", join(ROOT, "examples/events/pinggu-2026.yaml"), "--as-of", "2026-06-30"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`c.yaml:${lineOf(pinggu, 'end: "2027-03-18"')}:8: term.end: 服务期结束日 2025-03-18 早于开始日 2026-03-19`);
    expect(r.stderr).not.toContain("pinggu-2026.yaml:");
  });
});

describe("nothing read from outside what the user named", () => {
  it("a partial linked to a file outside its template folder is refused, its content never printed", () => {
    const secret = join(fresh(), "secret.md.hbs");
    writeFileSync(secret, "SECRET_TOKEN=hunter2\n");
    const dir = templates("linked-partial");
    symlinkSync(secret, join(dir, "linked-partial", "_secret.md.hbs"));
    const out = fresh();
    const r = run(["render", "linked-partial", "--templates", dir, "--contract", EXAMPLE("pinggu-2026"), "--format", "md", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("linked-partial/_secret.md.hbs: 该文件（符号链接）指向模板目录之外");
    expect(r.stderr + r.stdout).not.toContain("hunter2");
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    ["escape-suite", "../../../../../../../../etc/passwd"],
    ["proc-suite", "/proc/self/environ"],
  ])("golden.yaml in %s may not name %s", (suite, path) => {
    const r = run(["golden", "check", corpus(suite)], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${suite}/golden.yaml:4:15: 路径 “${path}” 指向`);
    expect(r.stderr).not.toMatch(/root:|PATH=|HOME=/);
    expect(r.written).toEqual([]);
  });

  it("--root lets a suite read more; a file that is no contract is then quoted only in a short, escaped excerpt", () => {
    const r = run(["golden", "check", corpus("proc-suite"), "--root", "/"]);
    expect(r.status).toBe(1);
    const quoted = /实际为文字（(.*)）/.exec(r.stdout)?.[1] ?? "";
    expect([...quoted.replaceAll("\\u0000", "0")].length).toBeLessThanOrEqual(61);
    expect(quoted).not.toContain("\u0000");
  });
});

describe("all or nothing on disk", () => {
  it("render --format pdf,docx where the DOCX's target is a directory writes nothing and names the target", () => {
    const out = fresh();
    mkdirSync(join(out, "pinggu-2026-验收单.docx"));
    const r = run(["render", "acceptance", "--contract", EXAMPLE("pinggu-2026"), "--format", "pdf,docx", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("pinggu-2026-验收单.docx：这是一个目录，不是文件（EISDIR）");
    expect(r.stderr).not.toContain(".tmp");
    expect(readdirSync(out)).toEqual(["pinggu-2026-验收单.docx"]);
  });

  it("temporary files a killed run left are removed by the next run into the folder", () => {
    const out = fresh();
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    const stranded = [`.pinggu-2026-验收单.md.${dead}-1.tmp`, `.other-unit-月报.pdf.qiyue-${dead}-7.tmp`];
    for (const name of stranded) writeFileSync(join(out, name), "x".repeat(1000));
    const r = run(["render", "acceptance", "--contract", EXAMPLE("pinggu-2026"), "--format", "md", "--out", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(["pinggu-2026-验收单.md"]);
  });
});

describe("ledgers that contradict themselves", () => {
  it("each contradiction is a warning at its line; the status is still given", () => {
    const r = run(["status", EXAMPLE("pinggu-2026"), "--events", corpus("ledger-contradictions.events.yaml"), "--as-of", "2026-06-30"]);
    expect(r.status).toBe(0);
    const warnings = r.stderr.trim().split("\n");
    const at = (line: number, code: string) => expect(warnings.some((w) => w.includes(`ledger-contradictions.events.yaml:${line}:`) && w.includes(`[${code}]`))).toBe(true);
    at(4, "EVENT_BEFORE_SIGNING");
    at(7, "EVENT_PAYMENT_REPEATED");
    at(8, "EVENT_PAYMENT_REPEATED");
    at(9, "EVENT_PAYMENT_EXCEEDS");
    at(11, "EVENT_TERMINATED_TWICE");
    expect(warnings).toHaveLength(5);
    expect(r.written).toEqual([]);
  });
});

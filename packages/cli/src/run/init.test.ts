import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Contract, choicesOf, descriptionsOf, findPlaceholders, parseYaml, TriggerCondition } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { command as init } from "../commands/init.js";
import { command as validate } from "../commands/validate.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { schemaText } from "./schema.js";
import { validateFiles } from "./validate.js";

const EXAMPLES = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"];
const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), "qiyue-init-"));
const ioIn = (dir: string) => Object.assign(memoryIo(), { cwd: dir });

async function initInto(dir: string, args: string[] = []): Promise<{ file: string; text: string; code: number; out: string }> {
  const file = join(dir, "contract.yaml");
  const io = ioIn(dir);
  const code = await init.run(args, io);
  return { file, text: code === 0 ? readFileSync(file, "utf8") : "", code, out: io.out + io.err };
}

/** The codes `qiyue validate` reports for a file. */
async function codesOf(file: string): Promise<string[]> {
  const [report] = await validateFiles([file]);
  return (report?.findings ?? []).map((f) => f.code);
}

/** Every string value of a YAML file, with its key. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

describe("qiyue init", () => {
  it("writes contract.yaml that loads as a draft: every required field present, each a 【待填写】 placeholder", async () => {
    const dir = temp();
    const { file, code, out } = await initInto(dir);
    expect(code).toBe(0);
    expect(out).toContain("contract.yaml");
    const codes = await codesOf(file);
    // a missing required field would be a schema error here, not TO_FILL
    expect(codes.length).toBeGreaterThan(10);
    expect(new Set(codes)).toEqual(new Set(["TO_FILL"]));
    const io = memoryIo();
    expect(await validate.run([file], io)).toBe(1);
    expect(io.out).toContain(`尚有 ${codes.length} 处待填写`);
    expect(io.out).not.toContain("SCHEMA_");
  });

  it("points editors at the JSON Schema shipped with the contract model", async () => {
    const dir = temp();
    const { text } = await initInto(dir);
    const first = text.split("\n")[0] ?? "";
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match).not.toBeNull();
    expect(readFileSync(resolve(dir, match?.[1] ?? ""), "utf8")).toBe(schemaText());
  });

  it("comments each field from the schema: its description, and the allowed values with their Chinese names", async () => {
    const { text } = await initInto(temp());
    const lines = text.split("\n");
    const above = (key: string) => lines[lines.findIndex((l) => l.startsWith(`${key}:`)) - 1];
    expect(above("title")).toBe(`# ${descriptionsOf(Contract.shape.title)[0]}（必填）`);
    expect(above("projectName")).toBe(`# ${descriptionsOf(Contract.shape.projectName)[0]}（必填）`);
    for (const c of choicesOf(TriggerCondition)) expect(text).toContain(`#   ${c.value}：${c.name}`);
  });

  it("is refused by the commands that compute or print, with the same list", async () => {
    const dir = temp();
    const { file } = await initInto(dir);
    const codes = await codesOf(file);
    for (const args of [["schedule", file], ["penalty", file, "--clause", "8.1", "--days", "3"], ["calendar", file, "--ics", join(dir, "x.ics")]]) {
      const io = ioIn(dir);
      expect(await main(args, io)).toBe(2);
      expect(io.err).toContain(`合同尚未填写完整：尚有 ${codes.length} 处待填写`);
      expect(io.err).toMatch(/contract\.yaml:\d+:\d+: title: 待填写：合同标题，照封面 \[TO_FILL\]/);
    }
  });

  it("shows optional sections as commented-out examples that load once uncommented", async () => {
    const dir = temp();
    const { file, text } = await initInto(dir);
    expect(text).toMatch(/^# penalties:$/m);
    expect(text).toMatch(/^ {2}# - kind: per-day$/m);
    const [head, ...rest] = text.split("\n");
    const uncommented = [head, ...rest.map((l) => l.replace(/^(\s*)# ((?:- )?[A-Za-z$][\w-]*:(?: |$))/, "$1$2"))].join("\n");
    expect(uncommented).toMatch(/^penalties:$/m);
    writeFileSync(file, uncommented);
    expect(new Set(await codesOf(file))).toEqual(new Set(["TO_FILL"]));
  });

  it.each(EXAMPLES)("--from %s keeps its structure and kinds, blanks every value and drops the printed text", async (id) => {
    const dir = temp();
    const { file, text, code } = await initInto(dir, ["--from", example(id)]);
    expect(code).toBe(0);
    expect(new Set(await codesOf(file))).toEqual(new Set(["TO_FILL"]));
    const original = parseYaml(readFileSync(example(id), "utf8"), id);
    const draft = parseYaml(text, "contract.yaml");
    if ("issues" in original || "issues" in draft) throw new Error("unreadable");
    type Shape = { body?: unknown; penalties?: unknown[]; payments: { installments: { basis: { kind: string } }[] } };
    const o = original.data as Shape;
    const d = draft.data as Shape;
    expect(d.body).toBeUndefined();
    expect(d.payments.installments.map((i) => i.basis.kind)).toEqual(o.payments.installments.map((i) => i.basis.kind));
    expect((d.penalties ?? []).length).toBe((o.penalties ?? []).length);
    // nothing of the original's own words is carried over: only the kinds that choose a shape
    const kept = strings(d).filter(([, v]) => findPlaceholders(v).length === 0);
    expect(kept.every(([k]) => k === "kind" || k === "event")).toBe(true);
    expect(findPlaceholders(draft.data).length).toBeGreaterThan(20);
  });

  it("takes an example's name where the examples are reachable, and says which exist when the name is wrong", async () => {
    const { code } = await initInto(temp(), ["--from", "bda-2024"]);
    expect(code).toBe(0);
    const io = memoryIo();
    await expect(init.run(["--from", "no-such-example", "--out", "-"], io)).rejects.toThrow(/pinggu-2026/);
  });

  it("starts from a contract with a misspelt key without it, and refuses one of another shape as the user's mistake", async () => {
    const dir = temp();
    const source = readFileSync(example("bda-2024"), "utf8");
    writeFileSync(join(dir, "typo.yaml"), source.replace(/^title: /m, "titel: x\ntitle: "));
    expect((await initInto(dir, ["--from", "typo.yaml"])).text).not.toContain("titel");
    writeFileSync(join(dir, "list.yaml"), source.replace(/^term:\n/m, "term:\n  - 1\nx_term:\n"));
    await expect(init.run(["--from", "list.yaml", "--out", "-"], ioIn(dir))).rejects.toMatchObject({ code: "INIT_FROM_INVALID" });
  });

  it("never overwrites a file without --force", async () => {
    const dir = temp();
    const file = join(dir, "contract.yaml");
    writeFileSync(file, "mine\n");
    await expect(init.run([], ioIn(dir))).rejects.toMatchObject({ code: "OUTPUT_EXISTS" });
    expect(readFileSync(file, "utf8")).toBe("mine\n");
    expect(await init.run(["--force"], ioIn(dir))).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^# yaml-language-server/);
  });

  it("writes to --out, or to standard output with --out -", async () => {
    const dir = temp();
    const io = ioIn(dir);
    expect(await init.run(["--out", "draft.yaml", "--from", example("yuetan-2026")], io)).toBe(0);
    expect(readFileSync(join(dir, "draft.yaml"), "utf8")).toContain("以 yuetan-2026.yaml 的结构起草");
    const stdout = ioIn(dir);
    expect(await init.run(["--out", "-"], stdout)).toBe(0);
    expect(stdout.out).toMatch(/^# yaml-language-server: \$schema=/);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { command } from "../commands/validate.js";
import { memoryIo } from "../io.js";
import { validateFiles } from "./validate.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));

describe("qiyue validate", () => {
  it("exits 0 when a contract has no errors, 1 when it has", async () => {
    expect(await command.run([example("bda-2024")], memoryIo())).toBe(0);
    expect(await command.run([example("pinggu-2026")], memoryIo())).toBe(1);
  });

  it("exits 2 when a file cannot be read as a contract, and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "id: x\ntitle: [unclosed\n");
    const io = memoryIo();
    expect(await command.run([bad, example("bda-2024")], io)).toBe(2);
    expect(io.out).toContain(`${bad}:`);
    expect(io.out).toContain("YAML_SYNTAX");
    expect(io.err).toBe("");
  });

  it("prints the documented JSON shape", async () => {
    const io = memoryIo();
    await command.run([example("sujiatuo-2026"), "--json"], io);
    const json = JSON.parse(io.out) as { files: { file: string; findings: Record<string, unknown>[] }[] };
    expect(json.files).toHaveLength(1);
    const f = json.files[0]!.findings.find((x) => x.code === "SIGNATURE_DATE_MISMATCH");
    expect(Object.keys(f!).sort()).toEqual(["code", "column", "line", "message", "path", "severity"]);
    expect(f).toMatchObject({ severity: "error", path: "signing.signaturePage.client.date" });
  });

  it("validates several files in one run", async () => {
    const reports = await validateFiles([example("haidian-2024"), example("yuetan-2026")]);
    expect(reports.map((r) => r.findings.filter((f) => f.severity === "error").length)).toEqual([0, 0]);
  });
});

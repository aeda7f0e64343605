import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_BYTES, shortFileName } from "./fill.js";
import { writeFilesAtomically } from "./write-atomic.js";

const temp = () => mkdtempSync(join(tmpdir(), "qiyue-write-"));

/** A process id that is not running: one that has just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("writeFilesAtomically", () => {
  it("writes nothing when one target is a directory, and names the target", async () => {
    const out = temp();
    mkdirSync(join(out, "a.docx"));
    const error = await writeFilesAtomically([
      { path: join(out, "a.pdf"), bytes: "pdf" },
      { path: join(out, "a.docx"), bytes: "docx" },
    ]).catch((e: NodeJS.ErrnoException) => e);
    expect(error).toMatchObject({ code: "EISDIR", path: join(out, "a.docx") });
    expect(readdirSync(out)).toEqual(["a.docx"]);
  });

  it("puts back the files it replaced when a later one fails", async () => {
    const out = temp();
    writeFileSync(join(out, "a.pdf"), "old pdf");
    mkdirSync(join(out, "sub"));
    writeFileSync(join(out, "sub", "blocker"), "");
    const error = await writeFilesAtomically([
      { path: join(out, "a.pdf"), bytes: "new pdf" },
      { path: join(out, "sub", "blocker", "b.docx"), bytes: "docx" },
    ]).catch((e: NodeJS.ErrnoException) => e);
    expect((error as NodeJS.ErrnoException).path).toBe(join(out, "sub", "blocker"));
    expect(readFileSync(join(out, "a.pdf"), "utf8")).toBe("old pdf");
    expect(readdirSync(out).sort()).toEqual(["a.pdf", "sub"]);
  });

  it("replaces existing files and leaves no temporary or backup file", async () => {
    const out = temp();
    writeFileSync(join(out, "a.md"), "old");
    await writeFilesAtomically([{ path: join(out, "a.md"), bytes: "new" }], { durable: true });
    expect(readFileSync(join(out, "a.md"), "utf8")).toBe("new");
    expect(readdirSync(out)).toEqual(["a.md"]);
  });

  it("removes what a killed run left in the folder, and nothing of anyone else", async () => {
    const out = temp();
    const dead = deadPid();
    const stranded = [`.x.docx.qiyue-${dead}-3.tmp`, `.a.pdf.${dead}-1.tmp`, `.y.pdf.qiyue-${dead}-2.bak`];
    const kept = [`.other.pdf.${dead}-1.tmp`, `.z.pdf.qiyue-${process.pid}-99.tmp`, "notes.tmp"];
    for (const name of [...stranded, ...kept]) writeFileSync(join(out, name), "x");
    await writeFilesAtomically([{ path: join(out, "a.pdf"), bytes: "pdf" }]);
    expect(readdirSync(out).sort()).toEqual(["a.pdf", ...kept].sort());
  });
});

describe("shortFileName", () => {
  it("keeps a name that fits", () => {
    expect(shortFileName("haidian-2024-验收单")).toBe("haidian-2024-验收单");
  });

  it("cuts a long name at a character boundary, and two long names stay two", () => {
    const a = shortFileName(`${"合".repeat(300)}-甲`);
    const b = shortFileName(`${"合".repeat(300)}-乙`);
    expect(Buffer.byteLength(a, "utf8")).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^合+-[0-9a-f]{10}$/);
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { example, qiyue, ROOT } from "../support/qiyue.js";

// examples/library/render-bytes.mjs, run as its README says: `node` in this repository, where
// "@qiyue/reports" resolves to the workspace package's build.
const SCRIPT = "examples/library/render-bytes.mjs";
const SOURCE_DATE_EPOCH = "1767225600";

function runExample(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

const tmp = mkdtempSync(join(tmpdir(), "qiyue-e2e-library-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("examples/library/render-bytes.mjs", () => {
  it("writes the payment request's PDF and DOCX, the same bytes as `qiyue render`", () => {
    // a folder that does not exist yet: the script creates it
    const libraryOut = join(tmp, "library", "nested");
    const r = runExample([example("haidian-2024"), libraryOut]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);

    const files = readdirSync(libraryOut).sort();
    expect(files).toEqual(["haidian-2024-付款申请-第1期.docx", "haidian-2024-付款申请-第1期.pdf"]);
    const pdf = readFileSync(join(libraryOut, "haidian-2024-付款申请-第1期.pdf"));
    const docx = readFileSync(join(libraryOut, "haidian-2024-付款申请-第1期.docx"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    // one line per file, with its size
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      `${join(libraryOut, files[1]!)}  ${pdf.byteLength} bytes`,
      `${join(libraryOut, files[0]!)}  ${docx.byteLength} bytes`,
    ]);

    const cliOut = join(tmp, "cli");
    const cli = qiyue(
      ["render", "invoice-request", "--contract", example("haidian-2024"), "--installment", "1", "--format", "pdf,docx", "--out", cliOut],
      { env: { SOURCE_DATE_EPOCH } },
    );
    // Haidian 4.2.1 offers two invoice types and ticks neither: the command says so (the script does not)
    expect(cli.stderr).toBe("qiyue: 待确认（haidian-2024-付款申请-第1期）：发票类型：合同列出增值税专用发票、非增值税专用发票供选择，未勾选（第4.2.2条）\n");
    expect(cli.status).toBe(0);
    expect(readdirSync(cliOut).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(cliOut, file)).equals(readFileSync(join(libraryOut, file))), file).toBe(true);
    }
  });

  it("a missing contract file: exit 2 and a message, no stack trace", () => {
    const missing = join(tmp, "nope.yaml");
    const r = runExample([missing, join(tmp, "never")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain("文件不存在");
    noStackTrace(r.stderr);
    expect(readdirSync(tmp)).not.toContain("never");
  });
});

import { describe, expect, it } from "vitest";
import { memoryIo } from "./io.js";
import { main, reportError } from "./main.js";

describe("qiyue", () => {
  it("documents its commands and exit codes in --help", async () => {
    const io = memoryIo();
    expect(await main(["--help"], io)).toBe(0);
    for (const word of ["validate", "schedule", "amount", "schema", "退出码", "70"]) expect(io.out).toContain(word);
  });

  it("an unknown command or option is a usage error (2)", async () => {
    expect(await main(["frobnicate"], memoryIo())).toBe(2);
    const io = memoryIo();
    expect(await main(["validate", "--nope", "x.yaml"], io)).toBe(2);
    expect(io.err).toContain("未知选项 --nope");
  });

  it("a file-system problem names the path and is not called a bug (2)", () => {
    const io = memoryIo();
    const e = Object.assign(new Error("EACCES: permission denied, open '/root/x.pdf'"), { code: "EACCES", path: "/root/x.pdf" });
    expect(reportError(e, io)).toBe(2);
    expect(io.err).toBe("qiyue: /root/x.pdf：没有权限（EACCES）\n");
  });

  it("a bug is reported as such (70), without a stack trace unless asked", () => {
    const io = memoryIo();
    expect(reportError(new TypeError("boom"), io)).toBe(70);
    expect(io.err).toContain("内部错误：boom");
    expect(io.err).not.toContain("at ");
    const debug = memoryIo({ QIYUE_DEBUG: "1" });
    reportError(new TypeError("boom"), debug);
    expect(debug.err).toContain("TypeError: boom");
  });
});

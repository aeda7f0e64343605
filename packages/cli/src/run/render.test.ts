import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { command } from "../commands/render.js";
import { ExitError } from "../exit.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";
import { renderRequest, sourceDateEpoch } from "./render.js";

const example = (id: string) => fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url));
const temp = () => mkdtempSync(join(tmpdir(), "qiyue-cli-render-"));

describe("qiyue render: arguments", () => {
  it("reads the command line into a request, relative to the working directory", () => {
    const io = { cwd: "/srv/contracts", env: { SOURCE_DATE_EPOCH: "1700000000" } };
    const request = renderRequest(
      ["invoice-request", "--contract", "c.yaml", "--installment", "2", "--format", "pdf,md", "--out", "out", "--theme", "plain"],
      io,
    );
    expect(request).toEqual({
      template: "invoice-request",
      contract: "/srv/contracts/c.yaml",
      inputs: { installment: 2 },
      options: { theme: "plain" },
      formats: ["pdf", "md"],
      outDir: "/srv/contracts/out",
      sourceDateEpoch: 1700000000,
      strict: false,
    });
    expect(renderRequest(["acceptance", "--contract", "c.yaml", "--strict"], io).strict).toBe(true);
  });

  it("parses the renewal inputs in the model's units", () => {
    const request = renderRequest(["renewal-draft", "--contract", "/c.yaml", "--increase", "10%", "--years", "2"], { cwd: "/", env: {} });
    expect(request.inputs).toEqual({ increase: 100000, years: 2 });
    expect(request.formats).toEqual(["docx", "pdf"]);
    expect(renderRequest(["renewal-draft", "--contract", "/c.yaml", "--amount", "1,943,150"], { cwd: "/", env: {} }).inputs).toEqual({
      amount: 194315000,
    });
    // --term in months, --schedule as the shares written out
    const agreed = renderRequest(["renewal-draft", "--contract", "/c.yaml", "--increase", "5%", "--term", "1y", "--schedule", "50/20/30"], { cwd: "/", env: {} });
    expect(agreed.inputs).toEqual({ increase: 50000, term: 12, schedule: "50%/20%/30%" });
  });

  it("refuses bad arguments as usage errors (exit 2)", () => {
    const io = { cwd: "/", env: {} };
    const bad = [
      ["acceptance"],
      ["--contract", "c.yaml"],
      ["acceptance", "--contract", "c.yaml", "--format", "html"],
      ["acceptance", "--contract", "c.yaml", "--theme", "fancy"],
      ["renewal-draft", "--contract", "c.yaml", "--increase", "10"],
      ["acceptance", "--contract", "c.yaml", "--date", "2026-02-30"],
      ["renewal-draft", "--contract", "c.yaml", "--increase", "5%", "--schedule", "50/20/20"],
      ["renewal-draft", "--contract", "c.yaml", "--increase", "5%", "--term", "1.5y"],
    ];
    for (const argv of bad) {
      expect(() => {
        try {
          renderRequest(argv, io);
        } catch (e) {
          if (e instanceof ExitError) throw e;
          throw new ExitError(2, (e as Error).message);
        }
      }, argv.join(" ")).toThrow();
    }
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe("qiyue render", () => {
  it("writes the documents and prints their paths", async () => {
    const out = temp();
    const io = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    const code = await command.run(["invoice-request", "--contract", example("pinggu-2026"), "--installment", "1", "--format", "md", "--out", out], io);
    expect(code).toBe(0);
    const path = join(out, "pinggu-2026-付款申请-第1期.md");
    expect(io.out).toBe(`${path}\n`);
    expect(readFileSync(path, "utf8")).toContain("合同未载明，请乙方补充");
  });

  it("an unknown template lists the available ones (exit 2)", async () => {
    const io = memoryIo();
    expect(await main(["render", "invoice", "--contract", example("pinggu-2026")], io)).toBe(2);
    expect(io.err).toContain("acceptance、contract、invoice-request、monthly-report、renewal-draft");
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it("a renewal above its cap fails (exit 1), names the cap and its source, and writes nothing", async () => {
    const out = temp();
    const io = memoryIo();
    const code = await main(["render", "renewal-draft", "--contract", example("sujiatuo-2026"), "--increase", "11%", "--out", out], io);
    expect(code).toBe(1);
    expect(io.err).toContain("10% 的增幅上限");
    expect(io.err).toContain("合同第二条第1款");
    expect(readdirSync(out)).toEqual([]);
  });

  it("a renewal whose schedule would carry a zero installment (Pinggu) stops with the validator's finding (exit 1), writes nothing", async () => {
    const out = temp();
    const io = memoryIo();
    const code = await main(["render", "renewal-draft", "--contract", example("pinggu-2026"), "--increase", "5%", "--format", "md", "--out", out], io);
    expect(code).toBe(1);
    expect(io.err).toContain("第 2 期写“支付至合同总额的 20%”，但此前各期已支付 50%");
    expect(io.err).toContain("PAYMENT_CUMULATIVE_BELOW_PAID");
    expect(io.err).toContain("--schedule");
    expect(readdirSync(out)).toEqual([]);
  });

  it("with --schedule the draft records the parties' shares; --term states the agreed length", async () => {
    const out = temp();
    const io = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    const argv = ["render", "renewal-draft", "--contract", example("pinggu-2026"), "--increase", "5%", "--schedule", "50/20/30", "--term", "18m"];
    expect(await main([...argv, "--format", "md", "--out", out], io)).toBe(0);
    const md = readFileSync(join(out, "pinggu-2026-续签合同草案-第1次.md"), "utf8");
    expect(md).toContain("付款比例按甲乙双方约定调整为 50\\%、20\\%、30\\%");
    expect(md).toContain("服务期限按甲乙双方约定为 1 年 6 个月（原合同为 1 年）");
    expect(md).toContain("| 第 2 期 | 服务期满半年且财政资金拨付到甲方账户后 30 个工作日内 | 20\\% | 415\\,611\\.00 |");
  });

  it("an installment out of range is exit 2 with a clear message", async () => {
    const io = memoryIo();
    expect(await main(["render", "invoice-request", "--contract", example("haidian-2024"), "--installment", "7", "--format", "md", "--out", temp()], io)).toBe(2);
    expect(io.err).toContain("共 3 期");
  });

  it("a payment request without a contractual deadline (BDA 二.2(1)) warns on stderr; --strict makes it exit 1", async () => {
    const argv = ["render", "invoice-request", "--contract", example("bda-2024"), "--installment", "1", "--format", "md"];
    const io = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    expect(await main([...argv, "--out", temp()], io)).toBe(0);
    expect(io.err).toContain("qiyue: 待确认（bda-2024-付款申请-第1期）：应付日期：合同未约定付款期限（第二条第2款第（1）项）");
    const strict = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    expect(await main([...argv, "--out", temp(), "--strict"], strict)).toBe(1);
    expect(strict.err).toContain("应付日期：合同未约定付款期限");
    expect(strict.err).toMatch(/--strict：文档中有 \d+ 处【待确认】，退出码 1/);
  });

  it("a reprint that notes what the validator questions (Sujiatuo's 2020 signature dates) warns with each note; --strict does not fail for it", async () => {
    const argv = ["render", "contract", "--contract", example("sujiatuo-2026"), "--format", "md"];
    const io = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    expect(await main([...argv, "--out", temp()], io)).toBe(0);
    expect(io.err).toContain(
      "qiyue: 警告（sujiatuo-2026-合同）：原文照印，旁加编者注〔注：签署日期与封面签订日期2026年3月30日年份不同，疑为笔误，请核对〕（2 处）；详见 qiyue validate",
    );
    // the document is the contract as signed: the notes say what to check, nothing is left open
    expect(await main([...argv, "--out", temp(), "--strict"], memoryIo({ SOURCE_DATE_EPOCH: "0" }))).toBe(0);
    const pinggu = memoryIo({ SOURCE_DATE_EPOCH: "0" });
    expect(await main(["render", "contract", "--contract", example("pinggu-2026"), "--format", "md", "--out", temp()], pinggu)).toBe(0);
    expect(pinggu.err).toContain("旁加编者注〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕；");
  });

  it("a template error names the file, line and column", async () => {
    const io = memoryIo();
    const dir = fileURLToPath(new URL("./__fixtures__/templates", import.meta.url));
    expect(await main(["render", "broken", "--templates", dir, "--contract", example("bda-2024"), "--format", "md", "--out", temp()], io)).toBe(2);
    expect(io.err).toMatch(/broken\/template\.md\.hbs:3:4: 字段“contract\.nonexistent”不存在/);
  });
});

import { describe, expect, it } from "vitest";
import { EXAMPLES, examplePath, exampleSource } from "../testing/examples.js";
import { issuesOf } from "../testing/load.js";
import { loadContract, parseContract } from "./load-contract.js";


const minimal = `id: demo
title: 测试合同
projectName: 测试项目
parties:
  client: { name: 甲方单位 }
  vendor: { name: 乙方单位 }
signing: { date: 2026-03-19 }
term: { start: 2026-03-19, end: 2027-03-18 }
scope: {}
fees:
  total: { amount: 100 }
payments:
  installments:
    - id: 1
      basis: { kind: remainder }
      trigger: [{ event: signed }]
      text: 签订后付清
`;

describe("loading contracts", () => {
  it.each(EXAMPLES)("loads %s", async (id) => {
    const loaded = await loadContract(examplePath(id));
    expect(loaded.contract.id).toBe(id);
    expect(exampleSource(id).split("\n")[0]).toBe("# yaml-language-server: $schema=../../packages/contract-model/schema/contract.schema.json");
  });

  it("reads money as integer 分 from the moment it is read", () => {
    const { contract } = parseContract(minimal.replace("amount: 100", 'amount: "1,766,500.00"'), "c.yaml");
    expect(contract.fees.total.amount).toBe(176650000);
  });

  it("a syntax error gives the file, line and column", () => {
    const [issue] = issuesOf(minimal.replace("  vendor: { name: 乙方单位 }", "  vendor: { name: 乙方单位"));
    // The YAML parser notices the unclosed brace where the next line starts.
    expect(issue).toMatchObject({ code: "YAML_SYNTAX", file: "c.yaml", line: 7, column: 1 });
    expect(issue?.message).toMatch(/^YAML 语法错误/);
  });

  it("a duplicate key is an error at its line", () => {
    const [issue] = issuesOf(minimal.replace("title: 测试合同\n", "title: 测试合同\ntitle: 又一个\n"));
    expect(issue).toMatchObject({ code: "YAML_SYNTAX", line: 3 });
    expect(issue?.message).toContain("重复的键");
  });

  it("an unknown field is reported at the field, with the model path", () => {
    const [issue] = issuesOf(minimal.replace("client: { name: 甲方单位 }", "client: { name: 甲方单位, adress: 北京 }"));
    expect(issue).toMatchObject({ code: "SCHEMA_UNRECOGNIZED_KEYS", path: "parties.client", line: 5, column: 25 });
    expect(issue?.message).toContain("adress");
    expect(issue?.message).toMatch(/；是不是 address？$/);
  });

  it("a bad amount, a bad date and a share without % are each explained where they are", () => {
    const source = minimal
      .replace("amount: 100", 'amount: "12,34.5"')
      .replace("signing: { date: 2026-03-19 }", "signing: { date: 2026-02-30 }")
      .replace("basis: { kind: remainder }", "basis: { kind: share, share: 50 }");
    const issues = issuesOf(source);
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ["INVALID_DATE", "signing.date", 7],
      ["INVALID_AMOUNT", "fees.total.amount", 11],
      ["SCHEMA_INVALID_TYPE", "payments.installments[0].basis.share", 15],
    ]);
    expect(issues[2]?.message).toContain("应为文字");
  });

  it("a missing field is reported at its parent", () => {
    const [issue] = issuesOf(minimal.replace("title: 测试合同\n", ""));
    expect(issue).toMatchObject({ path: "title", line: 1, column: 1 });
    expect(issue?.message).toContain("缺少必填字段");
  });

  it("a missing file is a load error, not a crash", async () => {
    await expect(loadContract("no/such/file.yaml")).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
  });

  it("a byte-order mark does not matter", () => {
    expect(parseContract(`\uFEFF${minimal}`.slice(1), "c.yaml").contract.id).toBe("demo");
  });
});

import { describe, expect, it } from "vitest";
import { ContractLoadError } from "../errors/index.js";
import { exampleSource } from "../testing/examples.js";
import { issuesOf } from "../testing/load.js";
import { validateContract } from "../validate/index.js";
import { parseContract } from "./load-contract.js";
import { findPlaceholders, placeholder, placeholderSummary, readPlaceholder } from "./placeholders.js";

const pinggu = exampleSource("pinggu-2026");
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
const columnOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  return at - text.lastIndexOf("\n", at - 1);
};

describe("placeholders", () => {
  it("are text beginning with 【待填写 or 【待确认, with what follows the colon as their note", () => {
    expect(readPlaceholder("【待确认：大写与小写金额不一致】")).toEqual({ code: "TO_CONFIRM", note: "大写与小写金额不一致" });
    expect(readPlaceholder("【待填写】")).toEqual({ code: "TO_FILL", note: "" });
    expect(readPlaceholder("【待填写:合同编号】")).toEqual({ code: "TO_FILL", note: "合同编号" });
    expect(readPlaceholder("付款前【待确认】")).toBeUndefined();
    expect(readPlaceholder(12)).toBeUndefined();
    expect(readPlaceholder(placeholder("TO_CONFIRM", "原文“一”【疑为笔误】"))).toEqual({ code: "TO_CONFIRM", note: "原文“一”疑为笔误" });
  });

  it("are found at any depth, in document order", () => {
    const data = { a: "【待填写：甲】", b: [{ c: 1 }, { d: "【待确认：乙】" }], e: "正文【待填写】" };
    expect(findPlaceholders(data).map((p) => [p.path, p.code])).toEqual([
      [["a"], "TO_FILL"],
      [["b", 1, "d"], "TO_CONFIRM"],
    ]);
    expect(placeholderSummary(findPlaceholders(data))).toBe("尚有 1 处待填写、1 处待确认");
  });

  it("at a field of any type become TO_FILL / TO_CONFIRM at their own line and column, saying what the field needs", () => {
    const source = pinggu
      .replace('start: "2026-03-19"', "start: 【待填写：服务期开始日】")
      .replace(/amount: 1979100\b/, "amount: 【待确认：大写与小写不一致】")
      .replace("kind: per-day", "kind: 【待确认：按日还是按次】")
      .replace(/unit: working/, "unit: 【待填写】");
    const issues = issuesOf(source);
    // in the order they are written, and nothing else: the schema errors they cause are theirs
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["TO_FILL", "term.start"],
      ["TO_FILL", expect.stringMatching(/\.unit$/)],
      ["TO_CONFIRM", "fees.total.amount"],
      ["TO_CONFIRM", "penalties[0].kind"],
    ]);
    expect(issues.map((i) => i.line)).toEqual([...issues.map((i) => i.line)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const start = issues.find((i) => i.path === "term.start");
    expect(start).toMatchObject({ line: lineOf(source, "【待填写：服务期开始日】"), column: columnOf(source, "【待填写：服务期开始日】") });
    expect(start?.message).toMatch(/^待填写：服务期开始日/);
    expect(start?.message).toContain("YYYY-MM-DD");
    const unit = issues.find((i) => i.path?.endsWith(".unit"));
    expect(unit?.message).toBe("待填写。此处可选：working（工作日）、natural（自然日）");
    const kind = issues.find((i) => i.path === "penalties[0].kind");
    expect(kind?.message).toContain("待确认：按日还是按次");
  });

  it("are listed before the other problems of a contract", () => {
    const source = pinggu.replace('start: "2026-03-19"', "start: 【待填写】").replace("kind: per-day", "kind: perday");
    expect(issuesOf(source).map((i) => i.code)).toEqual(["TO_FILL", "SCHEMA_INVALID_UNION"]);
  });

  it("refuse the contract by default, all of them listed, and the error says it is a draft", () => {
    const source = pinggu.replace(/^title: .*$/m, "title: 【待填写：合同标题】").replace('start: "2026-03-19"', "start: 【待确认：原文两处不同】");
    let error: unknown;
    try {
      parseContract(source, "draft.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractLoadError);
    const e = error as ContractLoadError;
    expect(e.issues.map((i) => i.code)).toEqual(["TO_FILL", "TO_CONFIRM"]);
    expect(e.message).toBe("draft.yaml: 合同尚未填写完整：尚有 1 处待填写、1 处待确认（填写后再使用；qiyue validate 列出全部）");
  });

  it("at text fields load with placeholders: allow, and the validator lists them first, without other findings about them", () => {
    const source = pinggu
      .replace(/^title: .*$/m, "title: 【待填写：合同标题】")
      .replace(/capitals: 壹佰玖拾柒万玖仟一百元整/, "capitals: 【待确认：大写有误】");
    expect(source).toContain("【待确认：大写有误】");
    const loaded = parseContract(source, "draft.yaml", { placeholders: "allow" });
    const findings = validateContract(loaded);
    expect(findings.slice(0, 2).map((f) => [f.code, f.path, f.severity])).toEqual([
      ["TO_FILL", "title", "error"],
      ["TO_CONFIRM", "fees.total.capitals", "error"],
    ]);
    expect(findings[1]?.message).toBe("待确认：大写有误。此处应填：大写金额，照合同原文");
    // the capitals rule says nothing about a placeholder
    expect(findings.map((f) => f.code)).not.toContain("CAPITALS_INVALID");
    expect(findings.slice(2).some((f) => f.code.startsWith("TO_"))).toBe(false);
  });
});

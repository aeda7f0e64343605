import { ContractLoadError, parseContract } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FoundField } from "../extract/types.js";
import { DEFAULT_SCHEMA_REF, writeDraft } from "./write.js";

const f = (path: (string | number)[], value: unknown, line: number, excerpt: string, confidence: FoundField["confidence"] = "high"): FoundField => ({
  path,
  value,
  source: { line, excerpt },
  confidence,
});

const FOUND: FoundField[] = [
  f(["term", "end"], "2025-10-07", 80, "服务期：1年，自2024年10月8日至2025年10月7日止。"),
  f(["fees", "total", "amount"], 1718000, 64, "本项目合同总价款为1718000元（人民币大写：壹佰柒拾壹万捌仟元整）"),
  f(["parties", "vendor", "name"], "北京兴众联城信息技术有限公司", 21, "乙 方：北京兴众联城信息技术有限公司", "medium"),
  f(["term", "start"], "2024-10-08", 80, "服务期：1年，自2024年10月8日至2025年10月7日止。"),
  f(["title"], "服务合同", 17, "服 务 合 同", "low"),
];
const CLAUSES: Record<number, string> = { 64: "二.1", 80: "三" };
const clauseAt = (line: number) => CLAUSES[line];

describe("writeDraft", () => {
  const draft = writeDraft({
    found: FOUND,
    toConfirm: [
      { path: ["fees", "total", "capitals"], reason: "大写与小写金额不一致", source: { line: 64, excerpt: "壹佰柒拾壹万捌仟元整" } },
      { path: ["dispute"], reason: "未找到争议解决条款" },
    ],
    id: "bda-2024",
    clauseAt,
  });
  const lines = draft.yaml.split("\n");

  it("points an editor at the schema on the first line", () => {
    expect(lines[0]).toBe(`# yaml-language-server: $schema=${DEFAULT_SCHEMA_REF}`);
    expect(lines[1]).toBe("id: bda-2024");
  });

  it("writes the fields in the schema's order, whatever order they were found in", () => {
    const top = lines.filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.split(":")[0]);
    expect(top).toEqual(["id", "title", "projectName", "parties", "signing", "term", "scope", "fees", "payments", "dispute"]);
    const term = Object.keys((parse(draft.yaml) as { term: object }).term);
    expect(term).toEqual(["clause", "start", "end"]);
  });

  it("cites the line and the words of each value found, and how sure the reading is", () => {
    const at = lines.indexOf("    amount: 1718000");
    expect(lines[at - 1]).toBe("    # 第 64 行：“本项目合同总价款为1718000元（人民币大写：壹佰柒拾壹万捌仟元整）”（把握：高）");
    const title = lines.indexOf("title: 服务合同");
    expect(lines[title - 1]).toBe("# 第 17 行：“服 务 合 同”（把握：低）");
  });

  it("writes a value to confirm as a placeholder where it belongs, a whole object where nothing of it was found", () => {
    const data = parse(draft.yaml) as Record<string, Record<string, unknown>>;
    expect((data.fees!.total as Record<string, unknown>).capitals).toBe("【待确认：大写与小写金额不一致】");
    expect(data.dispute).toBe("【待确认：未找到争议解决条款】");
    const at = lines.findIndex((l) => l.includes("capitals:"));
    expect(lines[at - 1]).toContain("# 第 64 行：“壹佰柒拾壹万捌仟元整”");
  });

  it("gives every key the schema requires, a 【待填写】 where nobody found it", () => {
    const data = parse(draft.yaml) as Record<string, Record<string, Record<string, unknown>>>;
    expect(data.projectName).toBe("【待填写：未找到项目名称】");
    expect(data.parties!.client!.name).toBe("【待填写：未找到甲方名称】");
    expect(data.payments!.installments).toBe("【待填写：未找到付款安排（各期付款）】");
    expect(draft.placeholders.map((p) => [p.path.join("."), p.kind])).toEqual([
      ["dispute", "confirm"],
      ["fees.total.capitals", "confirm"],
      ["parties.client.name", "fill"],
      ["payments.installments", "fill"],
      ["projectName", "fill"],
    ]);
  });

  it("links values to the clause they were read in, where the schema has one", () => {
    const data = parse(draft.yaml) as Record<string, Record<string, unknown>>;
    expect(data.term!.clause).toBe("三");
    expect(data.fees!.clause).toBe("二.1");
    expect(data.parties!.clause).toBeUndefined();
  });

  it("loads with the contract model, with nothing wrong but the placeholders", () => {
    try {
      parseContract(draft.yaml, "draft.yaml");
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      expect(e.issues.filter((i) => i.code !== "TO_CONFIRM" && i.code !== "TO_FILL")).toEqual([]);
    }
  });

  it("keeps values found inside an object to confirm, with the reason above them", () => {
    const inner = writeDraft({
      found: [f(["parties", "vendor", "bank", "accountNumber"], "8110701053902867707", 73, "开户账号：8110701053902867707")],
      toConfirm: [{ path: ["parties", "vendor", "bank"], reason: "开户信息与签署页不一致", source: { line: 253, excerpt: "账 号" } }],
      id: "x",
      clauseAt,
    });
    const text = inner.yaml.split("\n");
    const at = text.indexOf("    bank:");
    expect(text[at - 1]).toBe("    # 待确认：开户信息与签署页不一致");
    expect(inner.found).toHaveLength(1);
    // the bank's name nobody found is still asked for
    expect(inner.placeholders.map((p) => p.path.join("."))).toContain("parties.vendor.bank.bank");
  });

  it("puts the comment of a list item's first field above the item, not after its dash", () => {
    const list = writeDraft({
      found: [f(["attachments", 0, "number"], "附件一", 214, "附件一:"), f(["attachments", 0, "title"], "保密协议", 216, "保密协议")],
      toConfirm: [],
      id: "x",
      clauseAt,
    });
    const text = list.yaml.split("\n");
    const at = text.indexOf("  - number: 附件一");
    expect(text[at - 1]).toBe("  # 第 214 行：“附件一:”（把握：高）");
    expect(text[at + 1]).toBe("    # 第 216 行：“保密协议”（把握：高）");
  });

  it("keeps a list's numbering where an item in the middle was not found", () => {
    const gap = writeDraft({
      found: [f(["payments", "installments", 1], { id: 2, basis: { kind: "remainder" }, trigger: [{ event: "term-ended" }], text: "剩余款项" }, 69, "(3) 剩余款项")],
      toConfirm: [],
      id: "x",
      clauseAt,
    });
    const installments = (parse(gap.yaml) as { payments: { installments: unknown[] } }).payments.installments;
    expect(installments[0]).toBe("【待填写：未找到第 1 项】");
    expect(installments[1]).toMatchObject({ id: 2 });
  });

  it("writes the same text for the same findings in any order", () => {
    const again = writeDraft({ found: [...FOUND].reverse(), toConfirm: draft.placeholders.filter((p) => p.kind === "confirm"), id: "bda-2024", clauseAt });
    expect(again.yaml).toBe(draft.yaml);
  });
});

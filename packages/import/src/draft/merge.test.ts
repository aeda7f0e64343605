import { describe, expect, it } from "vitest";
import type { Extraction, FoundField } from "../extract/types.js";
import { mergeExtractions } from "./merge.js";

const at = (line: number, excerpt = `第${line}行`) => ({ line, excerpt });
const found = (path: (string | number)[], value: unknown, line: number, confidence: FoundField["confidence"] = "high"): FoundField => ({
  path,
  value,
  source: at(line),
  confidence,
});
const extraction = (...f: FoundField[]): Extraction => ({ found: f, toConfirm: [] });

describe("mergeExtractions", () => {
  it("keeps the surest reading of a value found twice", () => {
    const merged = mergeExtractions([
      extraction(found(["fees", "total", "amount"], 1718000, 64, "medium")),
      extraction(found(["fees", "total", "amount"], 1718000, 66, "high")),
    ]);
    expect(merged.found).toEqual([found(["fees", "total", "amount"], 1718000, 66, "high")]);
    expect(merged.toConfirm).toEqual([]);
  });

  it("keeps the earliest line between readings as sure as each other", () => {
    const merged = mergeExtractions([extraction(found(["term", "start"], "2024-10-08", 80)), extraction(found(["term", "start"], "2024-10-08", 12))]);
    expect(merged.found.map((f) => f.source.line)).toEqual([12]);
  });

  it("turns two different values at one path into a ToConfirm citing both lines", () => {
    const merged = mergeExtractions([
      extraction(found(["parties", "vendor", "bank", "accountNumber"], "0200003319210012727", 72)),
      extraction(found(["parties", "vendor", "bank", "accountNumber"], "0200003319210012728", 253)),
    ]);
    expect(merged.found).toEqual([]);
    expect(merged.toConfirm).toEqual([
      {
        path: ["parties", "vendor", "bank", "accountNumber"],
        reason: "两处不一致：第 72 行“第72行” / 第 253 行“第253行”",
        source: at(72),
      },
    ]);
  });

  it("compares objects by value, whatever the order of their keys", () => {
    const merged = mergeExtractions([
      extraction(found(["payments", "installments", 0], { id: 1, basis: { kind: "share", share: "50%" } }, 67)),
      extraction(found(["payments", "installments", 0], { basis: { share: "50%", kind: "share" }, id: 1 }, 67, "medium")),
    ]);
    expect(merged.found).toHaveLength(1);
    expect(merged.found[0]!.confidence).toBe("high");
  });

  it("drops a value inside another found value when they agree, and confirms it when they do not", () => {
    const installment = { id: 1, basis: { kind: "share", share: "50%" } };
    const agree = mergeExtractions([
      extraction(found(["payments", "installments", 0], installment, 67)),
      extraction(found(["payments", "installments", 0, "basis", "share"], "50%", 67)),
    ]);
    expect(agree.found.map((f) => f.path)).toEqual([["payments", "installments", 0]]);
    const differ = mergeExtractions([
      extraction(found(["payments", "installments", 0], installment, 67)),
      extraction(found(["payments", "installments", 0, "basis", "share"], "15%", 68)),
    ]);
    expect(differ.toConfirm.map((t) => t.path)).toEqual([["payments", "installments", 0, "basis", "share"]]);
    expect(differ.toConfirm[0]!.reason).toContain("第 67 行");
  });

  it("lets a ToConfirm that read something outrank a value, and a mere 'not found' give way to one", () => {
    const merged = mergeExtractions([
      extraction(found(["fees", "total", "capitals"], "壹佰万元整", 64), found(["number"], "HT-1", 3)),
      {
        found: [],
        toConfirm: [
          { path: ["fees", "total", "capitals"], reason: "大写与小写金额不一致", source: at(64) },
          { path: ["number"], reason: "未找到合同编号" },
        ],
      },
    ]);
    expect(merged.found.map((f) => f.path)).toEqual([["number"]]);
    expect(merged.toConfirm.map((t) => t.reason)).toEqual(["大写与小写金额不一致"]);
  });

  it("keeps values found inside an object to confirm", () => {
    const merged = mergeExtractions([
      extraction(found(["parties", "vendor", "bank", "accountNumber"], "8110701053902867707", 73)),
      { found: [], toConfirm: [{ path: ["parties", "vendor", "bank"], reason: "开户信息与签署页不一致", source: at(253) }] },
    ]);
    expect(merged.found.map((f) => f.path.join("."))).toEqual(["parties.vendor.bank.accountNumber"]);
    expect(merged.toConfirm.map((t) => t.path.join("."))).toEqual(["parties.vendor.bank"]);
  });

  it("joins the reasons given for one path once each", () => {
    const merged = mergeExtractions([
      { found: [], toConfirm: [{ path: ["term"], reason: "甲" }] },
      { found: [], toConfirm: [{ path: ["term"], reason: "乙" }, { path: ["term"], reason: "甲" }] },
    ]);
    expect(merged.toConfirm).toEqual([{ path: ["term"], reason: "甲；乙" }]);
  });

  it("orders the result by path, whatever order the extractors ran in", () => {
    const a = extraction(found(["term", "end"], "2025-10-07", 80), found(["fees", "total", "amount"], 1, 64));
    const b = extraction(found(["payments", "installments", 10], { id: 11 }, 9), found(["payments", "installments", 2], { id: 3 }, 8));
    const one = mergeExtractions([a, b]);
    const other = mergeExtractions([b, a]);
    expect(one).toEqual(other);
    expect(one.found.map((f) => f.path.join("."))).toEqual(["fees.total.amount", "payments.installments.2", "payments.installments.10", "term.end"]);
  });
});

import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Extractor, refOf } from "../extract/types.js";
import { textSource } from "../testing/seeds.test-support.js";
import { idFromFile, importContract } from "./import.js";

const TEXT = ["服务合同", "甲方：北京市某区城市管理指挥中心", "乙方：某科技有限公司", "第一条 服务期限", "服务期自2026年1月1日至2026年12月31日止。", "第二条 价款", "1、合同总价款为100000元。"].join("\n");

/** A stand-in extractor reading the two dates of line 5, and the clause it is in. */
const term: Extractor = (ctx) => {
  const line = ctx.source.lines[4]!;
  const clause = ctx.clauseAt(line.no);
  return {
    found: [
      { path: ["term", "start"], value: "2026-01-01", source: refOf(line), confidence: "high" },
      { path: ["term", "end"], value: "2026-12-31", source: refOf(line), confidence: "high" },
      ...(clause === undefined ? [] : [{ path: ["term", "clause"], value: clause, source: refOf(line), confidence: "high" as const }]),
    ],
    toConfirm: [],
  };
};
/** Two stand-ins that read the total differently. */
const total =
  (amount: number, no: number): Extractor =>
  (ctx) => ({ found: [{ path: ["fees", "total", "amount"], value: amount, source: refOf(ctx.source.lines[no - 1]!), confidence: "high" }], toConfirm: [] });

describe("importContract", () => {
  const result = importContract(textSource(TEXT, "合同.txt"), { file: "draft.yaml", extractors: [term, total(100000, 7), total(10000, 1)] });
  const data = parse(result.yaml) as Record<string, Record<string, unknown>>;

  it("runs every extractor with the clause outline, and writes what they agree on", () => {
    expect(data.term).toEqual({ clause: "一", start: "2026-01-01", end: "2026-12-31" });
    expect(result.found).toBe(3);
  });

  it("writes a value two readings disagree on as a placeholder citing both lines", () => {
    expect((data.fees!.total as Record<string, unknown>).amount).toBe("【待确认：两处不一致：第 1 行“服务合同” / 第 7 行“1、合同总价款为100000元。”】");
  });

  it("reports each placeholder left as a finding at its line, and nothing else from loading", () => {
    const lines = result.yaml.split("\n");
    const placeholders = result.findings.filter((f) => f.code === "TO_CONFIRM" || f.code === "TO_FILL");
    expect(placeholders).toHaveLength(result.toConfirm);
    for (const f of placeholders) expect(lines[f.line! - 1]).toContain("【待");
    expect(result.findings.filter((f) => f.stage === "load" && !placeholders.includes(f))).toEqual([]);
    expect(result.json.placeholders.map((p) => p.path.join("."))).toContain("fees.total.amount");
  });

  it("leaves out the fields of an extractor that fails, and says so", () => {
    const broken: Extractor = () => {
      throw new Error("boom");
    };
    const r = importContract(textSource(TEXT), { extractors: [broken, term] });
    expect(r.found).toBe(3);
    expect(r.findings[0]).toMatchObject({ stage: "extract", severity: "error", code: "IMPORT_EXTRACTOR_FAILED" });
    expect(r.findings[0]!.message).toContain("boom");
  });

  it("names the draft after its file when it can", () => {
    expect(idFromFile("examples/import/bda-2024.txt")).toBe("bda-2024");
    expect(idFromFile("合同.docx")).toBe("draft");
    expect(data.id).toBe("draft");
  });
});
